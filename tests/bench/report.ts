import { DRAIN_LATENCY_MS } from './figures/outboxDrain'
import { SEARCH_QUERIES } from './figures/search'
import type { BenchResults, SizeResult } from './results'
import type { Summary } from './stats'

/** The issue's targets hold at 50,000 conversations, the heap's at 100,000. */
const TARGET_SIZE = 50_000
const HEAP_TARGET_SIZE = 100_000

interface Row {
  figure: string
  target: string
  cell: (size: SizeResult) => string
  /** Whether the target is met, from the result at the size it is set for; undefined when it sets none. */
  isMet?: (size: SizeResult) => boolean
  targetSize?: number
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1))
const pair = (summary: Summary) => `${ms(summary.median)} / ${ms(summary.p95)}`
const triple = (summary: Summary) => `${ms(summary.median)} / ${ms(summary.p95)} / ${ms(summary.p99)}`
const count = (value: number) => Math.round(value).toLocaleString('en')
/** Long tasks are reported only past 50 ms, so 0 means "none over 50 ms". */
const longTask = (value: number) => (value === 0 ? 'none > 50' : ms(value))

const ROWS: Row[] = [
  {
    figure: 'Cold start: page load to the first 50 rows painted from the cache, ms (median / p95)',
    target: 'median ≤ 200',
    cell: (size) => pair(size.coldStartMs),
    isMet: (size) => size.coldStartMs.median <= 200,
  },
  {
    figure: 'The same, to 50 of the live list\'s own rows read from IndexedDB (the first screen is a copy kept from the last run), ms (median / p95)',
    target: '',
    cell: (size) => pair(size.coldStartLiveMs),
  },
  {
    figure: '`j` keydown to the next frame showing the new selection, 500 presses, ms (median / p95 / p99)',
    target: 'p95 ≤ 16, p99 ≤ 33',
    cell: (size) => triple(size.keyboard.latencyMs),
    isMet: (size) => size.keyboard.latencyMs.p95 <= 16 && size.keyboard.latencyMs.p99 <= 33,
  },
  {
    figure: 'Longest main-thread task during those presses, ms',
    target: '≤ 50',
    cell: (size) => longTask(size.keyboard.longestTaskMs),
    isMet: (size) => size.keyboard.longestTaskMs <= 50,
  },
  {
    figure: 'Open a conversation with 200 cached timeline entries (`Enter`) to its screen painted: at the newest entry, filled to the top, ms (median / p95)',
    target: '≤ 50',
    cell: (size) => pair(size.openConversationMs),
    isMet: (size) => size.openConversationMs.median <= 50,
  },
  {
    figure: 'The same, to all 200 entries drawn (the older ones follow the first screen in slices of 60 when the page is idle), ms (median / p95)',
    target: '',
    cell: (size) => pair(size.openConversationAllDrawnMs),
  },
  {
    figure: 'Local search, keydown to the list answering, per keystroke, ms (median / p95)',
    target: 'p95 ≤ 50',
    cell: (size) => pair(size.searchKeystrokeMs),
    isMet: (size) => size.searchKeystrokeMs.p95 <= 50,
  },
  {
    figure: 'Ingest: app sync code rate ÷ bare Dexie `bulkPut` rate, same rows, same run (median / worst run)',
    target: '≥ 0.8',
    cell: (size) => `${size.ingest.ratio.median.toFixed(2)} / ${size.ingest.ratio.min.toFixed(2)}`,
    isMet: (size) => size.ingest.ratio.median >= 0.8,
  },
  {
    figure: 'Ingest rates, conversations per second: app / bare (medians)',
    target: '',
    cell: (size) => `${count(size.ingest.appPerSecond.median)} / ${count(size.ingest.barePerSecond.median)}`,
  },
  {
    figure: 'Longest main-thread task while the app ingests: bench page / in the app during a background refresh, ms',
    target: '≤ 50',
    cell: (size) => `${longTask(size.ingest.longestTaskMs)} / ${longTask(size.ingest.longestTaskInAppMs)}`,
    isMet: (size) => size.ingest.longestTaskMs <= 50 && size.ingest.longestTaskInAppMs <= 50,
  },
  {
    figure: 'Outbox drain: requests made / operations queued (mutations the sandbox applied)',
    target: '≤ 1 per operation + reads',
    cell: (size) => `${count(size.outboxDrain.requests)} / ${count(size.outboxDrain.operations)} (${count(size.outboxDrain.applied)})`,
    isMet: (size) => size.outboxDrain.requests <= size.outboxDrain.operations && size.outboxDrain.applied === size.outboxDrain.operations,
  },
  {
    figure: `Outbox drain: total time ÷ sum of the requests' own latencies (total s)`,
    target: '',
    cell: (size) => `${size.outboxDrain.timeOverLatencies.toFixed(2)} (${(size.outboxDrain.totalMs / 1000).toFixed(0)} s)`,
  },
  {
    figure: 'Outbox drain: one request round trip through the preview, ms (median / p95)',
    target: '',
    cell: (size) => pair(size.outboxDrain.requestLatencyMs),
  },
  {
    figure: 'Renderer JS heap after scrolling the whole list, then a full GC, MB',
    target: '≤ 150 at 100,000',
    cell: (size) => size.heapAfterScrollMb.toFixed(1),
    isMet: (size) => size.heapAfterScrollMb <= 150,
    targetSize: HEAP_TARGET_SIZE,
  },
]

function verdict(row: Row, results: BenchResults): string {
  if (!row.isMet) return ''
  const at = results.sizes.find((size) => size.conversations === (row.targetSize ?? TARGET_SIZE))
  if (!at) return 'not measured'
  return row.isMet(at) ? 'met' : '**missed**'
}

function resultsTable(results: BenchResults): string {
  const sizes = results.sizes.map((size) => size.conversations.toLocaleString('en'))
  const lines = [
    `| figure | target | ${sizes.join(' | ')} | at target size |`,
    `|---|---|${sizes.map(() => '---:').join('|')}|---|`,
    ...ROWS.map((row) => `| ${row.figure} | ${row.target} | ${results.sizes.map(row.cell).join(' | ')} | ${verdict(row, results)} |`),
  ]
  return lines.join('\n')
}

export function renderMarkdown(results: BenchResults): string {
  const { machine, settings } = results
  const ingestRuns = Object.entries(settings.ingestRuns).map(([size, runs]) => `${Number(size).toLocaleString('en')}: ${runs}`).join(', ')
  return `# Benchmarks

Generated by \`npm run bench\` (${results.minutes.toFixed(0)} minutes) on ${results.ranAt.slice(0, 10)}; do not edit by hand.
The raw figures are in \`bench/results.json\` (not committed). \`npm test\` runs a smoke run
of the same harness at 1,000 conversations (\`npm run bench -- --smoke\`).

## Machine

| | |
|---|---|
| CPU | ${machine.cpu}, ${machine.cores} cores |
| Memory | ${machine.memoryGb} GB |
| OS | ${machine.os} |
| Browser | ${machine.chromium}, headless, persistent profile |
| Node.js | ${machine.node} |

## Results

Each cell is the given statistic over all measured samples at that many cached conversations.
Targets are the issue's, at 50,000 conversations (the heap's at 100,000).

${resultsTable(results)}

The floor of the keyboard method: the same 500 \`j\` presses on a page that does nothing but
move its cursor take ${triple(results.floorMs)} ms (median / p95 / p99). Frames come every
16.7 ms and a key lands anywhere within one, so no page can show every move within 16 ms.

## How it is measured

- **The app, for real.** \`npm run web -- --relaxed-rate-limits\` (the browser preview: the renderer
  build plus main's handlers over the loopback bridge) in headless Chromium driven by
  playwright-core, on a persistent profile, viewport 1280 × 800. One sandbox per size, with
  exactly that many conversations, so the app's own refreshes add none.
- **Relaxed rate limits, for benchmarking only.** \`--relaxed-rate-limits\` lifts main's limiter
  from Oktopost's ~57 calls a minute to 1,000 a second; seeding 100,000 conversations and
  draining 1,000 changes would otherwise take hours. The sandbox enforces no limit here.
- **Seeding goes through the app's code.** A bench page built only for the bench
  (\`tests/bench/page/\`, served under \`/__bench/\` on the preview's origin by the browser
  context, never part of the app's build) signs in with the app's IPC client, reads every
  conversation through the app's sync remote and writes them with \`ingestConversations\` into
  the database the app opens. It caches 200 timeline entries of \`eit000000000002\` (made the
  newest conversation by a customer message) and the first timeline page of the newest 1 in 100
  open conversations (at least 30, as the app prefetches), and sets the offline cache limit to
  100,000 (the most the settings accept) so the app's pruning keeps the seeded cache.
- **Latency** runs from the key's \`keydown\` timestamp to the end of the first frame that shows
  the result (checked in \`requestAnimationFrame\`, timed by a message posted from it), by a probe
  the harness adds as an init script (\`tests/bench/page/probe.ts\`).
- **Cold start:** the browser is relaunched on the same profile for every run, the page is made
  4,300 px tall so the list's first 50 rows are on screen, and the clock runs from navigation
  start to the end of the first frame with 50 filled rows. Opening IndexedDB alone takes about
  200 ms at 50,000 conversations in a freshly started Chromium, so the app paints the first
  screen from a copy of it kept in localStorage by its last run, before its own code loads, and
  replaces it with the live list once that has read the cache
  (\`src/renderer/boot/firstScreen.ts\`); the second figure runs to 50 of the live list's own rows.
  Each run stays open 2 s after its list is live, as a session would, and the next run starts
  from what it kept. ${settings.warmups} warm-up run, ${settings.runs} measured.
- **Keyboard:** ${settings.pressWarmups} warm-up presses, then ${settings.presses} \`j\` presses from the top of the list,
  each measured; long tasks by \`PerformanceObserver\` (\`longtask\`, reported only past 50 ms).
- **Open:** \`Enter\` on the 200-entry conversation until the first frame in which its timeline
  has read the cache, is scrolled to the newest entry and has entries from the top of its view
  down (the screen the agent reads); the timeline draws its newest entries first and the older
  ones in slices of 60 when the page is idle, so a second figure runs until all 200 are drawn.
  Back to the list with \`Esc\` between runs; the cursor rests on the conversation's row until
  the app's traffic settles, and the app reads that row's timeline ahead when the page is idle,
  as it does for any row the agent looks at before opening it. ${settings.warmups} warm-up, ${settings.runs} measured, for each.
- **Search:** ${SEARCH_QUERIES.map((query) => `"${query}"`).join(', ')} typed key by key (customer
  names and opening messages are on the rows, the others only in cached timelines), each
  keystroke until the list is no longer busy and answers that text; the server's answer is let
  arrive between queries. ${settings.warmups} warm-up round, ${settings.runs} measured.
- **Ingest:** in the bench page, \`ingestConversations\` and a bare \`bulkPut\` of the same rows
  (made with the app's \`toConversationRow\`) each write every conversation into an empty
  database; the order alternates, and garbage is collected (over the Chrome DevTools Protocol)
  before each, so neither pays for collecting the other's. The app reads back only the rows the
  cache already holds, to keep what only the cache knows, so into an empty database it reads
  none; a refresh over cached rows also reads those back. Measured runs per size:
  ${ingestRuns}; the seeding is their warm-up. In the app, a window-focus refresh re-ingests the
  inbox view (500 conversations) while the list shows the full cache, and the longest task is
  taken.
- **Outbox drain:** ${settings.drainOperations.toLocaleString('en')} operations (a note, an assignment, a tag list and a close for
  each of the newest open conversations) are queued with the app's \`enqueue\` while the app is
  closed; the sandbox gets ${DRAIN_LATENCY_MS} ms of latency on every route; then the app is opened and its outbox
  drains them. Requests and their round trips are counted from the browser's side, from the
  first outbox request to the last answer; the ledger confirms each was applied once.
- **Memory:** the list is scrolled to its end (one frame per step, at most 2,000 steps), then
  a full garbage collection, then \`Runtime.getHeapUsage\` over the Chrome DevTools Protocol.
`
}
