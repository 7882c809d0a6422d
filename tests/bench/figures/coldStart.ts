import { COLD_START_VIEWPORT, type BenchBrowser } from '../benchBrowser'
import { MEASURE_COLD_START_SCRIPT } from '../probeApi'

/** How long each run goes on after its list is live, as an agent's session would: the app keeps its first screen for the next start. */
const SESSION_MS = 2_000

export interface ColdStartSamples {
  /** To the first 50 rows painted: the first screen the app keeps from its last run. */
  firstRowsMs: number[]
  /** To 50 of the app's own rows, read from IndexedDB: the list the keys work on. */
  liveListMs: number[]
}

/**
 * Page load to the first 50 rows painted from the cache. Each run relaunches the browser on
 * the same profile, so the database is opened from disk as after a restart. The session is
 * kept by the preview (main's vault), as Electron's would be.
 */
export async function measureColdStart(browser: BenchBrowser, runs: number, warmups: number): Promise<ColdStartSamples> {
  const samples: ColdStartSamples = { firstRowsMs: [], liveListMs: [] }
  for (let run = 0; run < warmups + runs; run++) {
    const context = await browser.launch()
    const page = await context.newPage()
    await page.addInitScript({ content: MEASURE_COLD_START_SCRIPT })
    await page.setViewportSize(COLD_START_VIEWPORT)
    await page.goto(browser.appUrl)
    const [firstRows, liveList] = await page.evaluate(() => Promise.all([window.benchProbe!.coldStart(), window.benchProbe!.liveList()]))
    if (run >= warmups) {
      samples.firstRowsMs.push(firstRows)
      samples.liveListMs.push(liveList)
    }
    await page.waitForTimeout(SESSION_MS)
    await page.close()
  }
  return samples
}
