import type { Page } from 'playwright-core'
import type { BridgeTraffic } from '../appPage'

/**
 * What agents type: customer names and words of opening messages (conversation rows), and
 * words found only in notes, follow-ups and replies (cached timelines).
 */
export const SEARCH_QUERIES = ['refund', 'maria garcia', 'screenshot', 'dark mode', 'escalated']
/** The app asks Oktopost 350 ms after typing stops; this long without a call means its answer is in. */
const SERVER_ANSWER_QUIET_MS = 600

/**
 * Each keystroke of each query, from keydown to the frame where the list shows the cache's
 * answer for the text typed so far. The server's answer (asked after a pause in typing) is
 * let arrive between queries, and Esc clears the field for the next one.
 */
export async function measureSearch(page: Page, traffic: BridgeTraffic, runs: number, warmups: number): Promise<number[]> {
  const samples: number[] = []
  const search = page.getByTestId('search')
  for (let run = 0; run < warmups + runs; run++) {
    for (const query of SEARCH_QUERIES) {
      await search.focus()
      for (let length = 1; length <= query.length; length++) {
        await page.evaluate((value) => window.benchProbe!.arm({ kind: 'searchAnswered', value }), query.slice(0, length))
        await page.keyboard.type(query[length - 1]!)
        const ms = await page.evaluate(() => window.benchProbe!.measured())
        if (run >= warmups) samples.push(ms)
      }
      await traffic.quiet(SERVER_ANSWER_QUIET_MS)
      await page.evaluate(() => window.benchProbe!.arm({ kind: 'searchAnswered', value: '' }))
      await page.keyboard.press('Escape')
      await page.evaluate(() => window.benchProbe!.measured())
    }
  }
  return samples
}
