import type { Page } from 'playwright-core'
import type { BenchBrowser } from '../benchBrowser'

/** Opens the bench page on the preview's origin, runs `work` in it, and closes it. The seeding step signs in; later ones open that account. */
export async function withBenchPage<T>(browser: BenchBrowser, work: (page: Page) => Promise<T>): Promise<T> {
  return browser.withBenchPages(async (benchPagesUrl) => {
    const page = await browser.context.newPage()
    page.on('pageerror', (error) => console.error(`[bench page] ${error.message}`))
    try {
      await page.goto(`${benchPagesUrl}index.html`)
      await page.waitForFunction(() => window.inboxBench !== undefined)
      return await work(page)
    } finally {
      await page.close()
    }
  })
}
