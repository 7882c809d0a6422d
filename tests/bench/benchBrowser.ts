import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser'
import { routeBenchPage, type BenchBundle } from './benchPageServer'

/** Tall enough for the list's first 50 rows (76 px each, under its header) at once. */
export const COLD_START_VIEWPORT = { width: 1280, height: 4300 }
export const WORKING_VIEWPORT = { width: 1280, height: 800 }

/**
 * Headless Chromium on a persistent profile, as the app's IndexedDB lives on disk across
 * launches: relaunching reopens the same profile, so a cold start reads the cache from disk.
 * Every launch carries the probe and serves the bench page on the preview's origin.
 */
export class BenchBrowser {
  private current: BrowserContext | null = null
  private readonly profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-desk-bench-profile-'))
  /** Where the bench pages are served, on the app's origin: index.html seeds, floor.html calibrates. */
  benchPagesUrl = ''

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
    this.benchPagesUrl = await routeBenchPage(this.current, this.appUrl, this.bundle.pageDir)
    return this.current
  }

  async close(): Promise<void> {
    await this.current?.close()
    this.current = null
    fs.rmSync(this.profileDir, { recursive: true, force: true })
  }
}
