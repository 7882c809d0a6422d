import type { Page } from 'playwright-core'
import type { IngestRun } from '../benchPageApi'

/**
 * The app's ingest (ingestConversations: chunks of 500 in id order, reading back the rows the
 * cache holds and the pending outbox, writing in batches, yielding between chunks) against a
 * bare Dexie bulkPut of the same rows, both into empty databases, in the bench page,
 * alternating which goes first.
 */
export async function measureIngest(benchPage: Page, runs: number, warmups: number): Promise<IngestRun[]> {
  const measured: IngestRun[] = []
  for (let run = 0; run < warmups + runs; run++) {
    const result = await benchPage.evaluate(() => window.inboxBench!.measureIngest())
    if (run >= warmups) measured.push(result)
  }
  return measured
}
