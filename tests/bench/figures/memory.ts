import type { Page } from 'playwright-core'

/** Frames spent scrolling: enough to pass every part of the list without taking minutes at 100,000 rows. */
const MAX_SCROLL_STEPS = 2_000

/**
 * The renderer's JS heap after scrolling the list from top to bottom, one frame per step, then
 * a full garbage collection: what the app keeps, not what it has yet to collect.
 */
export async function measureHeapAfterScroll(page: Page): Promise<number> {
  await page.evaluate((maxSteps) => window.benchProbe!.scrollListToEnd(maxSteps), MAX_SCROLL_STEPS)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize / (1024 * 1024)
}
