import type { RunningSandbox } from '../../../src/sandbox/server'
import { sandboxControl } from '../../support/sandboxControl'
import { openApp, type BridgeCall } from '../appPage'
import type { BenchBrowser } from '../benchBrowser'
import { withBenchPage } from './benchPage'

/** The requests the outbox makes for the operations the bench queues (note, assign, tags, close). */
const OUTBOX_CHANNELS = new Set(['conversation:addNote', 'conversation:assign', 'conversation:replaceTags', 'conversation:setStatus'])
export const DRAIN_LATENCY_MS = 20

export interface DrainRun {
  operations: number
  /** Sent by the outbox; one per operation when nothing fails. */
  requests: number
  /** Mutations the sandbox applied, from its ledger: each operation exactly once. */
  applied: number
  /** Every other bridge call during the drain: the app's own background sync. */
  otherRequests: number
  totalMs: number
  /** The outbox requests' own round trips, as the browser timed them. */
  latenciesMs: number[]
}

/**
 * Queues `operations` changes through the app's enqueue while the app is closed, puts 20 ms of
 * latency on every sandbox route, then opens the app and lets its outbox drain them. Time runs
 * from the first outbox request leaving to the last answer arriving.
 */
export async function measureOutboxDrain(browser: BenchBrowser, sandbox: RunningSandbox, operations: number): Promise<DrainRun> {
  const control = sandboxControl(sandbox.url)
  const queued = await withBenchPage(browser, async (page) => {
    await page.evaluate(() => window.inboxBench!.openSignedIn())
    return page.evaluate((count) => window.inboxBench!.queueOutbox(count), operations)
  })
  const appliedBefore = (await control.ledger()).length
  await control.addFault({ route: '*', mode: 'latency', latencyMs: DRAIN_LATENCY_MS })
  try {
    const { page, traffic } = await openApp(browser.context, browser.appUrl)
    const deadline = Date.now() + 15 * 60_000
    while ((await control.ledger()).length < appliedBefore + queued) {
      if (Date.now() > deadline) throw new Error('The outbox did not drain within 15 minutes')
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    await traffic.quiet()
    await page.close()
    const open = await withBenchPage(browser, async (benchPage) => {
      await benchPage.evaluate(() => window.inboxBench!.openSignedIn())
      return benchPage.evaluate(() => window.inboxBench!.outboxOpen())
    })
    if (open > 0) throw new Error(`${open} outbox entries were left undone`)
    const sent = traffic.calls.filter((call) => OUTBOX_CHANNELS.has(call.channel))
    return {
      operations: queued,
      requests: sent.length,
      applied: (await control.ledger()).length - appliedBefore,
      otherRequests: traffic.calls.length - sent.length,
      totalMs: Math.max(...sent.map((call) => call.endedAt)) - Math.min(...sent.map((call) => call.startedAt)),
      latenciesMs: sent.map((call: BridgeCall) => call.endedAt - call.startedAt),
    }
  } finally {
    await control.clearFaults()
  }
}
