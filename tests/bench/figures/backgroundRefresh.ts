import type { Page } from 'playwright-core'
import type { BridgeTraffic } from '../appPage'

/**
 * The longest main-thread task while the app refreshes in the background as it does when its
 * window regains focus: reference data, the view (500 conversations re-ingested into the cache
 * the list is showing) and the newest timelines. Ingest is only smooth if the list keeps up too.
 */
export async function longestTaskDuringRefresh(page: Page, traffic: BridgeTraffic): Promise<number> {
  await traffic.quiet()
  const since = await page.evaluate(() => window.benchProbe!.now())
  const callsBefore = traffic.calls.length
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
  await traffic.called('conversation:list', callsBefore)
  await traffic.quiet()
  const tasks = await page.evaluate((from) => window.benchProbe!.longTasks.filter((task) => task.startTime >= from), since)
  return Math.max(0, ...tasks.map((task) => task.duration))
}
