import type { Page } from 'playwright-core'
import type { IngestRun, IngestTiming, IngestWriter } from '../benchPageApi'

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
      const order: IngestWriter[] = run % 2 === 0 ? ['app', 'bare'] : ['bare', 'app']
      const timings = new Map<IngestWriter, IngestTiming>()
      for (const writer of order) timings.set(writer, await ingest(writer))
      const app = timings.get('app')!
      const bare = timings.get('bare')!
      if (run >= warmups) measured.push({ conversations: app.conversations, appMs: app.ms, bareMs: bare.ms, longestTaskMs: app.longestTaskMs })
    }
  } finally {
    await cdp.detach()
  }
  return measured
}
