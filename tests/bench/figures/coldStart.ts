import { COLD_START_VIEWPORT, type BenchBrowser } from '../benchBrowser'
import { MEASURE_COLD_START_SCRIPT } from '../probeApi'

/**
 * Page load to the first 50 rows painted from the cache. Each run relaunches the browser on
 * the same profile, so the database is opened from disk as after a restart. The session is
 * kept by the preview (main's vault), as Electron's would be.
 */
export async function measureColdStart(browser: BenchBrowser, runs: number, warmups: number): Promise<number[]> {
  const samples: number[] = []
  for (let run = 0; run < warmups + runs; run++) {
    const context = await browser.launch()
    const page = await context.newPage()
    await page.addInitScript({ content: MEASURE_COLD_START_SCRIPT })
    await page.setViewportSize(COLD_START_VIEWPORT)
    await page.goto(browser.appUrl)
    const ms = await page.evaluate(() => window.benchProbe!.coldStart())
    if (run >= warmups) samples.push(ms)
    await page.close()
  }
  return samples
}
