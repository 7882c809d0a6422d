import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveScreenshot, startAppSession, type AppSession } from '../support/appSession'

let app: AppSession
let page: Page

beforeAll(async () => {
  app = await startAppSession(['--sandbox'])
  page = app.page
})

afterAll(async () => {
  await app?.close()
})

describe('the app in the browser preview', () => {
  it('loads the inbox layout and reaches main through the bridge (app:info)', async () => {
    await page.goto(app.preview.url)
    await expect.poll(() => page.getByTestId('app-info').textContent()).toMatch(/Browser preview · Inbox Desk \d+\.\d+\.\d+ · \w+/)
    expect(await page.getByRole('navigation', { name: 'Views' }).isVisible()).toBe(true)
    expect(await page.getByRole('heading', { name: 'Inbox' }).isVisible()).toBe(true)
    // Signed in to the demo, the status bar reports the connection to Oktopost rather than to main.
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Ready|Online|Syncing/)
    await saveScreenshot(page, 'inbox-light.png')
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
    const errorsBefore = app.pageErrors.length
    const executed = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.append(script)
      return (window as unknown as { __injected?: boolean }).__injected === true
    })
    expect(executed).toBe(false)
    const reported = app.pageErrors.splice(errorsBefore)
    expect(reported.length).toBeGreaterThan(0)
    expect(reported.every((message) => message.includes('Content Security Policy'))).toBe(true)
  })

  it('follows a dark OS theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).toBe('rgb(15, 17, 21)')
    await saveScreenshot(page, 'inbox-dark.png')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('shows the sign-in screen, with a way back, while signed in', async () => {
    await page.goto(`${app.preview.url}#/sign-in`)
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Oktopost' }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Back to the inbox' }).isVisible()).toBe(true)
  })

  it('says when the cache will not open, tries again on Enter, and can start it afresh', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } })
    // Chromium refusing the backing store, as it can after a crash, until the database is deleted.
    await context.addInitScript(() => {
      const state = { isRefusing: true, refused: 0 }
      Object.assign(window, { cacheOpen: state })
      const open = IDBFactory.prototype.open
      IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
        if (!state.isRefusing || !name.startsWith('inbox-desk:')) return open.call(this, name, version)
        state.refused += 1
        const request = Object.assign(new EventTarget(), {
          error: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'),
          readyState: 'done',
          onerror: null as ((event: Event) => void) | null,
        })
        setTimeout(() => {
          const event = new Event('error', { cancelable: true })
          request.dispatchEvent(event)
          request.onerror?.call(request, event)
        })
        return request as unknown as IDBOpenDBRequest
      }
      const remove = IDBFactory.prototype.deleteDatabase
      IDBFactory.prototype.deleteDatabase = function (this: IDBFactory, name: string) {
        if (name.startsWith('inbox-desk:')) state.isRefusing = false
        return remove.call(this, name)
      }
    })
    const refusing = await context.newPage()
    const errors: string[] = []
    refusing.on('pageerror', (error) => errors.push(error.message))
    const cacheOpen = () => refusing.evaluate(() => (window as unknown as { cacheOpen: { isRefusing: boolean; refused: number } }).cacheOpen)
    const panel = refusing.getByTestId('cache-unavailable')
    const listed = refusing.getByTestId('conversation-list').getByRole('option').first()
    try {
      await refusing.goto(app.preview.url)
      await panel.waitFor({ timeout: 15_000 })
      expect(await panel.textContent()).toContain('UnknownError: Internal error opening backing store for indexedDB.open.')
      // Tried again after waiting (Dexie also retries at once, up to three times per try).
      expect((await cacheOpen()).refused).toBeGreaterThanOrEqual(4)
      expect(await refusing.getByTestId('conversation-list').count()).toBe(0)
      await saveScreenshot(refusing, 'cache-unavailable.png')

      await refusing.evaluate(() => {
        ;(window as unknown as { cacheOpen: { isRefusing: boolean } }).cacheOpen.isRefusing = false
      })
      expect(await refusing.evaluate(() => document.activeElement?.textContent)).toBe('Try again')
      await refusing.keyboard.press('Enter')
      await listed.waitFor({ timeout: 15_000 })
      expect(await panel.count()).toBe(0)

      await refusing.reload()
      await panel.waitFor({ timeout: 15_000 })
      await refusing.getByRole('button', { name: 'Delete the cache and download it again…' }).click()
      const dialog = refusing.getByRole('dialog', { name: 'Delete this account’s cache?' })
      expect(await dialog.textContent()).toContain('Changes still waiting in the outbox can’t be read from it')
      await dialog.getByRole('button', { name: 'Delete and download again' }).click()
      await listed.waitFor({ timeout: 15_000 })
      expect((await cacheOpen()).isRefusing).toBe(false)
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('logged no page errors', () => {
    expect(app.pageErrors).toEqual([])
  })
})
