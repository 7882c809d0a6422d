import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { sandboxControl } from '../support/sandboxControl'
import { openApp } from './appPage'
import { BenchBrowser } from './benchBrowser'
import type { SeedPlan, SeedReport } from './benchPageApi'
import type { BenchBundle } from './benchPageServer'
import { longestTaskDuringRefresh } from './figures/backgroundRefresh'
import { withBenchPage } from './figures/benchPage'
import { measureColdStart } from './figures/coldStart'
import { measureIngest } from './figures/ingest'
import { measureKeyboard } from './figures/keyboard'
import { measureHeapAfterScroll } from './figures/memory'
import { measureOpenConversation } from './figures/openConversation'
import { measureOutboxDrain } from './figures/outboxDrain'
import { measureSearch } from './figures/search'
import type { BenchSettings, SizeResult } from './results'
import { summarize } from './stats'

/** The sandbox's fixture with 320 timeline entries; the bench caches 200 of them. */
export const OPEN_CONVERSATION_ID = 'eit000000000002'
export const OPEN_CONVERSATION_ENTRIES = 200

/** Cached timelines for local search: the newest 1 in 100 conversations, at least the 30 the app prefetches. */
function searchTimelinesFor(conversations: number): number {
  return Math.max(30, Math.round(conversations / 100))
}

function log(size: number, message: string): void {
  console.log(`[bench ${size.toLocaleString('en')}] ${message}`)
}

/**
 * Every figure at one cache size: a sandbox with exactly that many conversations (so the app's
 * own refresh adds none), a fresh browser profile seeded through the bench page, then the app.
 */
export async function benchSize(size: number, settings: BenchSettings, previewUrl: string, bundle: BenchBundle): Promise<SizeResult> {
  const started = Date.now()
  const sandbox = await startSandbox({ conversations: size })
  // A customer writes again, so the 200-entry conversation is the newest, first in the list.
  await sandboxControl(sandbox.url).inbound({ conversationId: OPEN_CONVERSATION_ID, from: 'customer', content: 'Any update on this?' })
  const browser = new BenchBrowser(previewUrl, bundle)
  await browser.launch()
  try {
    return await measureAll(size, settings, sandbox, browser, started)
  } finally {
    await browser.close()
    await sandbox.close()
  }
}

async function measureAll(size: number, settings: BenchSettings, sandbox: RunningSandbox, browser: BenchBrowser, started: number): Promise<SizeResult> {
  const { runs, warmups } = settings
  const { seed, ingestRuns } = await seedAndMeasureIngest(size, settings, sandbox, browser)

  const coldStart = await measureColdStart(browser, runs, warmups)
  const coldStartMs = summarize(coldStart.firstRowsMs)
  const coldStartLiveMs = summarize(coldStart.liveListMs)
  log(size, `cold start: median ${coldStartMs.median.toFixed(0)} ms to the first screen, ${coldStartLiveMs.median.toFixed(0)} ms to the live list`)

  let app = await openApp(await browser.launch(), browser.appUrl)
  await app.traffic.quiet()
  const keyboard = await measureKeyboard(app.page, settings.presses, settings.pressWarmups)
  log(size, 'keyboard measured')
  await app.page.close()

  // Again from the top of the list, where the 200-entry conversation is.
  app = await openApp(browser.context, browser.appUrl)
  await app.traffic.quiet()
  const openConversationMs = summarize(await measureOpenConversation(app.page, app.traffic, OPEN_CONVERSATION_ID, { kind: 'timelineFilled' }, runs, warmups))
  const allEntriesDrawn = { kind: 'timelineShown', entries: OPEN_CONVERSATION_ENTRIES } as const
  const openConversationAllDrawnMs = summarize(await measureOpenConversation(app.page, app.traffic, OPEN_CONVERSATION_ID, allEntriesDrawn, runs, warmups))
  const searchKeystrokeMs = summarize(await measureSearch(app.page, app.traffic, runs, warmups))
  const longestTaskInAppMs = await longestTaskDuringRefresh(app.page, app.traffic)
  const heapAfterScrollMb = await measureHeapAfterScroll(app.page)
  log(size, `conversation, search, refresh measured; heap after scrolling ${heapAfterScrollMb.toFixed(1)} MB`)
  await app.page.close()

  const { latenciesMs, ...drain } = await measureOutboxDrain(browser, sandbox, settings.drainOperations)
  const sumOfLatenciesMs = latenciesMs.reduce((sum, ms) => sum + ms, 0)
  log(size, `outbox drained ${drain.operations} operations in ${(drain.totalMs / 1000).toFixed(1)} s`)

  return {
    conversations: size,
    seed,
    coldStartMs,
    coldStartLiveMs,
    keyboard: { latencyMs: summarize(keyboard.latencies), longestTaskMs: keyboard.longestTaskMs },
    openConversationMs,
    openConversationAllDrawnMs,
    searchKeystrokeMs,
    ingest: {
      ratio: summarize(ingestRuns.map((run) => run.bareMs / run.appMs)),
      appPerSecond: summarize(ingestRuns.map((run) => (run.conversations / run.appMs) * 1000)),
      barePerSecond: summarize(ingestRuns.map((run) => (run.conversations / run.bareMs) * 1000)),
      longestTaskMs: Math.max(...ingestRuns.map((run) => run.longestTaskMs)),
      longestTaskInAppMs,
    },
    outboxDrain: { ...drain, sumOfLatenciesMs, timeOverLatencies: drain.totalMs / sumOfLatenciesMs, requestLatencyMs: summarize(latenciesMs) },
    heapAfterScrollMb,
    seconds: (Date.now() - started) / 1000,
  }
}

async function seedAndMeasureIngest(size: number, settings: BenchSettings, sandbox: RunningSandbox, browser: BenchBrowser) {
  const plan: SeedPlan = {
    conversations: size,
    openConversationId: OPEN_CONVERSATION_ID,
    openEntries: OPEN_CONVERSATION_ENTRIES,
    searchTimelines: searchTimelinesFor(size),
  }
  const credentials = { accountId: sandbox.options.accountId, apiKey: sandbox.options.apiKey, baseUrl: sandbox.oktopostBaseUrl }
  return withBenchPage(browser, async (page) => {
    await page.evaluate((signIn) => window.inboxBench!.signIn(signIn), credentials)
    const seed: SeedReport = await page.evaluate((seedPlan) => window.inboxBench!.seed(seedPlan), plan)
    log(size, `seeded ${seed.conversations} conversations, ${seed.timelineEntries} timeline entries in ${seed.seconds.toFixed(1)} s`)
    const ingestRuns = await measureIngest(page, settings.ingestRuns(size), 0)
    log(size, 'ingest measured')
    return { seed, ingestRuns }
  })
}
