import { createRequire, Module } from 'node:module'
import path from 'node:path'

/**
 * Runs electronegativity (Doyensec's Electron security linter) in-process on a directory.
 * Its CLI (`npx electronegativity -i out -r`) does the same, but also fetches translations and
 * Electron's release list from the internet on every run: six seconds of retries offline, and
 * a test that depends on the network. Here its bundled English strings are used instead, and
 * the release-list check is left to a person (see the allowlist's excludedChecks).
 */
export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH'

export interface Finding {
  id: string
  severity: Severity
  confidence: string
  /** Relative to the scanned directory, e.g. main/index.js. */
  file: string
  line: number
  sample: string
  description: string
}

export interface ScanResult {
  checks: number
  findings: Finding[]
  /** Files it could not parse, and so did not check. */
  unparsed: { file: string; message: string }[]
}

interface RawIssue {
  id: string
  file: string
  location: { line: number; column: number }
  severity: { name: Severity }
  confidence: { name: string }
  sample?: string
  description: string
}

interface RawResult {
  globalChecks: number
  atomicChecks: number
  errors: { file: string; message: string; tolerable: boolean }[]
  issues: RawIssue[]
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<RawResult>

const projectRequire = createRequire(path.resolve(import.meta.dirname, '../../../package.json'))

/** Replaces electronegativity's i18n loader (which downloads translations) with its own bundled en-US strings. */
function useBundledStrings(runnerPath: string): void {
  const i18nPath = path.join(path.dirname(runnerPath), 'locales', 'i18n.js')
  const i18n = createRequire(runnerPath)('i18n') as {
    configure(options: Record<string, unknown>): void
    setLocale(locale: string): void
  }
  const offline = new Module(i18nPath)
  offline.filename = i18nPath
  offline.loaded = true
  offline.exports = {
    __esModule: true,
    default: async () => {
      i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: path.dirname(i18nPath), updateFiles: false, objectNotation: true, register: globalThis })
      i18n.setLocale('en-US')
    },
  }
  projectRequire.cache[i18nPath] = offline
}

export function electronVersion(): string {
  return (projectRequire('electron/package.json') as { version: string }).version
}

export async function scan(input: string, options: { excludedChecks: string[] }): Promise<ScanResult> {
  const runnerPath = projectRequire.resolve('@doyensec/electronegativity')
  useBundledStrings(runnerPath)
  const run = projectRequire(runnerPath) as Runner
  const result = await run(
    {
      input,
      isRelative: true,
      isVerbose: false,
      customScan: [],
      excludeFromScan: options.excludedChecks,
      electronVersionOverride: electronVersion(),
      parserPlugins: [],
    },
    false,
  )
  return {
    checks: result.globalChecks + result.atomicChecks,
    findings: result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      sample: issue.sample ?? '',
      description: issue.description,
    })),
    unparsed: result.errors.filter((error) => !error.tolerable).map(({ file, message }) => ({ file, message })),
  }
}
