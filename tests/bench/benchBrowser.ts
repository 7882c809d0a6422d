import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser'
import { routeBenchPage, unrouteBenchPage, type BenchBundle } from './benchPageServer'

/** Tall enough for the list's first 50 rows (76 px each, under its header) at once. */
export const COLD_START_VIEWPORT = { width: 1280, height: 4300 }
export const WORKING_VIEWPORT = { width: 1280, height: 800 }

/**
 * Headless Chromium on a persistent profile, as the app's IndexedDB lives on disk across
 * launches: relaunching reopens the same profile, so a cold start reads the cache from disk.
 * Every launch carries the probe. The bench pages are served on the preview's origin only
 * while one is open (`withBenchPages`): routing requests through the test runner would slow
 * every request of the app and turn off the browser's cache, so the app is never measured
 * with it on.
 */
export class BenchBrowser {
  private current: BrowserContext | null = null
  private readonly profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-desk-bench-profile-'))

  constructor(
    readonly appUrl: string,
    private readonly bundle: BenchBundle,
  ) {}

  get context(): BrowserContext {
    if (!this.current) throw new Error('The bench browser is not running')
    return this.current
  }

  async launch(): Promise<BrowserContext> {
    await this.current?.close()
    this.current = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: WORKING_VIEWPORT,
    })
    await this.current.addInitScript({ content: this.bundle.probeScript })
    return this.current
  }

  /** Runs `work` with the bench pages served (index.html seeds, floor.html calibrates) at the URL it is given. */
  async withBenchPages<T>(work: (benchPagesUrl: string) => Promise<T>): Promise<T> {
    const context = this.context
    const url = await routeBenchPage(context, this.appUrl, this.bundle.pageDir)
    try {
      return await work(url)
    } finally {
      await unrouteBenchPage(context, this.appUrl)
    }
  }

  async close(): Promise<void> {
    await this.current?.close()
    this.current = null
    fs.rmSync(this.profileDir, { recursive: true, force: true })
  }
}
