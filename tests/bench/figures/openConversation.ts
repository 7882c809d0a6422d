import type { Page } from 'playwright-core'
import { cursorId, type BridgeTraffic } from '../appPage'
import type { Expectation } from '../probeApi'

/**
 * `Enter` on a conversation with a long cached timeline, to the first frame that meets
 * `expectation`: its screen whole (`timelineFilled`, what the agent reads on opening) or
 * every entry drawn (`timelineShown`). Between runs the agent goes back to the list and the app's own refresh of
 * that timeline (it reads the newest page on every open) is let finish.
 */
export async function measureOpenConversation(
  page: Page,
  traffic: BridgeTraffic,
  conversationId: string,
  expectation: Expectation,
  runs: number,
  warmups: number,
): Promise<number[]> {
  await page.getByTestId('conversation-list').focus()
  const underCursor = await cursorId(page)
  if (underCursor !== conversationId) throw new Error(`Expected ${conversationId} first in the list, found ${underCursor}`)
  const samples: number[] = []
  for (let run = 0; run < warmups + runs; run++) {
    await page.evaluate((expected) => window.benchProbe!.arm(expected), expectation)
    await page.keyboard.press('Enter')
    const ms = await page.evaluate(() => window.benchProbe!.measured())
    if (run >= warmups) samples.push(ms)
    await traffic.quiet()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.getByTestId('conversation-list').locator('[data-open]').waitFor({ state: 'detached' })
    await traffic.quiet()
  }
  return samples
}
