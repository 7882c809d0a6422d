import type { BenchBrowser } from '../benchBrowser'
import { measureKeyboard, type KeyboardResult } from './keyboard'

/** The keyboard figure's method on a page that does nothing but move its cursor: what no app can beat. */
export async function measureFloor(browser: BenchBrowser, presses: number, warmups: number): Promise<KeyboardResult> {
  return browser.withBenchPages(async (benchPagesUrl) => {
    const page = await browser.context.newPage()
    try {
      await page.goto(`${benchPagesUrl}floor.html`)
      return await measureKeyboard(page, presses, warmups)
    } finally {
      await page.close()
    }
  })
}
