import type { Page } from 'playwright-core'
import type { IngestTiming, IngestWriter } from '../benchPageApi'

/** One ingest run: the app's sync code and a bare bulkPut writing the same rows to empty databases. */
export interface IngestRun {
  conversations: number
  appMs: number
  bareMs: number
  /** Longest main-thread task while the app's ingest ran; 0 when none passed 50 ms. */
  longestTaskMs: number
}

/**
 * The app's ingest (ingestConversations: chunks of 2,000 in id order, reading back the rows the
 * cache holds and the pending outbox, writing in batches, yielding between chunks) against a
 * bare Dexie bulkPut of the same rows, both into empty databases, in the bench page,
 * alternating which goes first. Garbage is collected before each: a bare bulkPut of 100,000
 * rows leaves 100,000 request objects behind, and collecting them inside the app's run made
 * its longest task the bare run's garbage collection.
 */
export async function measureIngest(benchPage: Page, runs: number, warmups: number): Promise<IngestRun[]> {
  const cdp = await benchPage.context().newCDPSession(benchPage)
  const ingest = async (writer: IngestWriter): Promise<IngestTiming> => {
    await cdp.send('HeapProfiler.collectGarbage')
    return benchPage.evaluate((who) => window.inboxBench!.ingestOnce(who), writer)
  }
  const measured: IngestRun[] = []
  try {
    for (let run = 0; run < warmups + runs; run++) {
      const isAppFirst = run % 2 === 0
      const first = await ingest(isAppFirst ? 'app' : 'bare')
      const second = await ingest(isAppFirst ? 'bare' : 'app')
      const [app, bare] = isAppFirst ? [first, second] : [second, first]
      if (run >= warmups) measured.push({ conversations: app.conversations, appMs: app.ms, bareMs: bare.ms, longestTaskMs: app.longestTaskMs })
    }
  } finally {
    await cdp.detach()
  }
  return measured
}
