import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { OUT_DIR, requireBuild } from './support/builtApp'
import { scan, type Finding, type ScanResult, type Severity } from './support/electronegativity'

/**
 * electronegativity on the compiled app (out/main, out/preload, out/renderer). Every finding,
 * whatever its severity, must be explained in electronegativity-allowlist.json with a one-line
 * reason; a new finding fails this test until someone fixes it or explains it there.
 */
interface AllowlistEntry {
  id: string
  severity: Severity
  file: string
  sample: string
  reason: string
}

interface Allowlist {
  excludedChecks: { check: string; reason: string }[]
  findings: AllowlistEntry[]
}

const allowlist = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'electronegativity-allowlist.json'), 'utf8')) as Allowlist
const REPORT = path.resolve(import.meta.dirname, '../../test-results/electronegativity.json')

const matches = (entry: AllowlistEntry, finding: Finding) =>
  entry.id === finding.id && entry.severity === finding.severity && entry.file === finding.file && finding.sample.includes(entry.sample)

const describeFinding = (finding: Finding) => `${finding.severity} ${finding.id} ${finding.file}:${finding.line} ${finding.sample.slice(0, 120)} (${finding.description})`

let result: ScanResult

beforeAll(async () => {
  requireBuild()
  result = await scan(OUT_DIR, { excludedChecks: allowlist.excludedChecks.map((excluded) => excluded.check) })
  fs.mkdirSync(path.dirname(REPORT), { recursive: true })
  fs.writeFileSync(REPORT, `${JSON.stringify(result, null, 2)}\n`)
})

describe('electronegativity on the built app', () => {
  it('ran its checks on every file of the build', () => {
    expect(result.checks).toBeGreaterThan(30)
    expect(result.unparsed).toEqual([])
  })

  it('found nothing that the allowlist does not explain', () => {
    const unexplained = result.findings.filter((finding) => !allowlist.findings.some((entry) => matches(entry, finding)))
    expect(unexplained.map(describeFinding)).toEqual([])
  })

  it('keeps the allowlist current: every entry still matches a finding', () => {
    const stale = allowlist.findings.filter((entry) => !result.findings.some((finding) => matches(entry, finding)))
    expect(stale.map((entry) => `${entry.id} ${entry.file} "${entry.sample}"`)).toEqual([])
  })

  it('explains every allowed finding and excluded check in one line', () => {
    for (const { reason } of [...allowlist.findings, ...allowlist.excludedChecks]) {
      expect(reason.trim().length).toBeGreaterThan(20)
      expect(reason).not.toContain('\n')
    }
  })
})
