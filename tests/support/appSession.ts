import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './browser'
import { startWebPreview, type RunningPreview } from './webPreview'

/** Where end-to-end tests leave screenshots for people to look at. */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots')

/** The app in the browser preview, in one Chromium page: what an end-to-end test file drives. */
export interface AppSession {
  preview: RunningPreview
  browser: Browser
  /** 1280×800, nothing loaded yet. */
  page: Page
  /** What the page has reported as an error so far: uncaught errors and console errors. */
  pageErrors: string[]
  close(): Promise<void>
}

/** Collects `page`'s uncaught errors and console errors into `errors`. */
export function collectPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
}

/** Starts the preview (`npm run web` with `previewArgs`) and Chromium, with one page collecting its errors. */
export async function startAppSession(previewArgs: string[] = []): Promise<AppSession> {
  const preview = await startWebPreview(previewArgs)
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const pageErrors: string[] = []
    collectPageErrors(page, pageErrors)
    const opened = browser
    return {
      preview,
      browser: opened,
      page,
      pageErrors,
      async close() {
        await opened.close()
        await preview.stop()
      },
    }
  } catch (error) {
    await browser?.close()
    await preview.stop()
    throw error
  }
}

/**
 * Saves a screenshot of `page` as `name` in SCREENSHOT_DIR, once no CSS transition is running.
 * With a `scheme`, the page is shown in that colour scheme (without motion) for the shot, then
 * in light again.
 */
export async function saveScreenshot(page: Page, name: string, scheme?: 'light' | 'dark'): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  if (scheme) await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
  await page.waitForFunction(() => document.getAnimations().every((animation) => !(animation instanceof CSSTransition)))
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name) })
  if (scheme) await page.emulateMedia({ colorScheme: 'light' })
}

/** Requests held back by `holdRequests`, until released. */
export interface HeldRequests {
  /** Whether the page has asked for one yet. */
  isRequested(): boolean
  release(): void
}

/**
 * Holds back `page`'s requests for URLs matching `pattern` (a chunk of the app's code, say) until
 * `release()`, to see what the page does before that code has loaded.
 */
export async function holdRequests(page: Page, pattern: RegExp): Promise<HeldRequests> {
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  let isRequested = false
  await page.route(pattern, async (route) => {
    isRequested = true
    await held
    await route.continue()
  })
  return { isRequested: () => isRequested, release }
}
