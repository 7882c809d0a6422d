import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { startWebPreview, type RunningPreview } from '../support/webPreview'

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots')

let preview: RunningPreview
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  preview = await startWebPreview(['--sandbox'])
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
})

afterAll(async () => {
  await browser?.close()
  await preview?.stop()
})

describe('the app in the browser preview', () => {
  it('loads the inbox layout and reaches main through the bridge (app:info)', async () => {
    await page.goto(preview.url)
    await expect.poll(() => page.getByTestId('app-info').textContent()).toMatch(/Browser preview · Inbox Desk \d+\.\d+\.\d+ · \w+/)
    expect(await page.getByRole('navigation', { name: 'Views' }).isVisible()).toBe(true)
    expect(await page.getByRole('heading', { name: 'Inbox' }).isVisible()).toBe(true)
    // Signed in to the demo, the status bar reports the connection to Oktopost rather than to main.
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Ready|Online|Syncing/)
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'inbox-light.png') })
  })

  it('calls app:info from the page itself and gets a validated answer', async () => {
    const answer = await page.evaluate(async () => {
      const response = await fetch('/__bridge/invoke', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-inbox-desk-token': document.querySelector<HTMLMetaElement>('meta[name="inbox-desk-bridge-token"]')?.content ?? '',
        },
        body: JSON.stringify({ channel: 'app:info', payload: {} }),
      })
      return response.json()
    })
    expect(answer).toMatchObject({ ok: true, value: { name: 'Inbox Desk', transport: 'http' } })
  })

  it('runs under a CSP that blocks injected inline script', async () => {
    const errorsBefore = pageErrors.length
    const executed = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.append(script)
      return (window as unknown as { __injected?: boolean }).__injected === true
    })
    expect(executed).toBe(false)
    const reported = pageErrors.splice(errorsBefore)
    expect(reported.length).toBeGreaterThan(0)
    expect(reported.every((message) => message.includes('Content Security Policy'))).toBe(true)
  })

  it('follows a dark OS theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).toBe('rgb(15, 17, 21)')
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'inbox-dark.png') })
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('shows the sign-in screen, with a way back, while signed in', async () => {
    await page.goto(`${preview.url}#/sign-in`)
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Oktopost' }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Back to the inbox' }).isVisible()).toBe(true)
  })

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
