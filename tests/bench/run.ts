import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startWebPreview } from '../support/webPreview'
import { BenchBrowser } from './benchBrowser'
import { buildBenchBundle, type BenchBundle } from './benchPageServer'
import { measureFloor } from './figures/floor'
import { describeMachine } from './machine'
import { renderMarkdown } from './report'
import type { BenchResults, BenchSettings, SizeResult } from './results'
import { benchSize } from './sizeBench'
import { summarize, type Summary } from './stats'

/**
 * `npm run bench`: every figure of issue 7 at 1,000 / 10,000 / 50,000 / 100,000 cached
 * conversations, written to bench/results.json and docs/benchmarks.md.
 * `--smoke`: 1,000 conversations, one run of each, a shorter drain; checks that every figure
 * was produced and writes test-results/bench-smoke.json only (part of `npm test`).
 * `--sizes 1000,10000`: only those sizes (the report is then not rewritten).
 */
const ROOT = path.resolve(import.meta.dirname, '../..')

const FULL: BenchSettings = {
  sizes: [1_000, 10_000, 50_000, 100_000],
  runs: 5,
  warmups: 1,
  presses: 500,
  pressWarmups: 20,
  ingestRuns: (size) => (size >= 100_000 ? 2 : size >= 50_000 ? 3 : 5),
  drainOperations: 1_000,
  isSmoke: false,
}
const SMOKE: BenchSettings = { ...FULL, sizes: [1_000], runs: 1, warmups: 0, presses: 50, pressWarmups: 0, ingestRuns: () => 1, drainOperations: 100, isSmoke: true }

function settingsFromArgs(): BenchSettings {
  const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, sizes: { type: 'string' } }, strict: true })
  const base = values.smoke ? SMOKE : FULL
  if (values.sizes === undefined) return base
  const sizes = values.sizes.split(',').map(Number)
  if (sizes.some((size) => !Number.isInteger(size) || size < 100)) throw new Error(`--sizes takes whole numbers of 100 or more, not "${values.sizes}"`)
  return { ...base, sizes }
}

/** Every figure is a finite number: the smoke run's whole check. */
function missingFigures(result: SizeResult): string[] {
  const figures: Record<string, number> = {
    'cold start': result.coldStartMs.median,
    'j keydown to frame': result.keyboard.latencyMs.p99,
    'longest task during j': result.keyboard.longestTaskMs,
    'open conversation': result.openConversationMs.median,
    'open conversation, all entries drawn': result.openConversationAllDrawnMs.median,
    'search keystroke': result.searchKeystrokeMs.p95,
    'ingest ratio': result.ingest.ratio.median,
    'longest task during ingest': result.ingest.longestTaskMs,
    'longest task during an in-app refresh': result.ingest.longestTaskInAppMs,
    'outbox requests': result.outboxDrain.requests,
    'outbox time / latencies': result.outboxDrain.timeOverLatencies,
    'heap after scrolling': result.heapAfterScrollMb,
  }
  return Object.entries(figures).filter(([, value]) => !Number.isFinite(value)).map(([name]) => name)
}

async function floorOf(settings: BenchSettings, previewUrl: string, bundle: BenchBundle): Promise<Summary> {
  const browser = new BenchBrowser(previewUrl, bundle)
  await browser.launch()
  try {
    return summarize((await measureFloor(browser, settings.presses, settings.pressWarmups)).latencies)
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  const settings = settingsFromArgs()
  const started = Date.now()
  const bundle = await buildBenchBundle()
  // The preview's rate limiter is relaxed: seeding reads 1,000 pages and the drain sends 1,000 changes.
  const preview = await startWebPreview(['--relaxed-rate-limits'])
  const sizes: SizeResult[] = []
  let floorMs: Summary
  try {
    floorMs = await floorOf(settings, preview.url, bundle)
    for (const size of settings.sizes) sizes.push(await benchSize(size, settings, preview.url, bundle))
  } finally {
    await preview.stop()
    fs.rmSync(bundle.pageDir, { recursive: true, force: true })
  }
  const results: BenchResults = {
    ranAt: new Date().toISOString(),
    machine: describeMachine(),
    settings: { ...settings, ingestRuns: Object.fromEntries(settings.sizes.map((size) => [size, settings.ingestRuns(size)])) },
    floorMs,
    sizes,
    minutes: (Date.now() - started) / 60_000,
  }
  const minutes = results.minutes.toFixed(1)
  if (settings.isSmoke) {
    const missing = sizes.flatMap(missingFigures)
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
    fs.writeFileSync(path.join(ROOT, 'test-results/bench-smoke.json'), JSON.stringify(results, null, 2))
    if (missing.length > 0) throw new Error(`bench smoke: no figure for ${missing.join(', ')}`)
    console.log(`bench smoke: every figure measured at ${settings.sizes.join(', ')} conversations in ${minutes} min`)
    return
  }
  fs.mkdirSync(path.join(ROOT, 'bench'), { recursive: true })
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2))
  const isFullRun = FULL.sizes.every((size) => settings.sizes.includes(size))
  const markdown = renderMarkdown(results)
  if (isFullRun) fs.writeFileSync(path.join(ROOT, 'docs/benchmarks.md'), markdown)
  console.log(markdown)
  console.log(`bench: done in ${minutes} min; wrote bench/results.json${isFullRun ? ' and docs/benchmarks.md' : ''}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
