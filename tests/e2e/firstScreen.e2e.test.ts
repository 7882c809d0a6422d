import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIRST_SCREEN_KEY } from '../../src/renderer/boot/firstScreenStorage'
import { holdRequests, startAppSession, type AppSession } from '../support/appSession'

/**
 * The first screen (src/renderer/boot/firstScreen.ts): the inbox keeps a copy of its top rows,
 * the next start paints it before the app's code has loaded, and the live list replaces it.
 */
let app: AppSession
let page: Page
const requested: string[] = []

beforeAll(async () => {
  app = await startAppSession(['--sandbox'])
  page = app.page
  page.on('request', (request) => requested.push(request.url()))
})

afterAll(async () => {
  await app?.close()
})

const LIST = '[data-testid="conversation-list"]'

/** The names on the rows of the live list, or of the painted copy, top down. */
function rowNames(where: 'live' | 'copy'): Promise<string[]> {
  return page.evaluate(
    ({ list, where }) => {
      const root = where === 'copy' ? document.querySelector('.first-screen') : document.getElementById('app')
      return [...(root?.querySelectorAll(`${list} [role="option"] .row__who`) ?? [])].map((who) => who.textContent ?? '')
    },
    { list: LIST, where },
  )
}

const stored = () => page.evaluate((key) => localStorage.getItem(key), FIRST_SCREEN_KEY)

/** Starts the app again, holding back its code until the painted copy has been looked at. */
async function restartWithAppHeld<T>(look: () => Promise<T>): Promise<T> {
  const appCode = await holdRequests(page, /\/assets\/startApp-[^/]+\.js$/)
  try {
    await page.goto(app.preview.url, { waitUntil: 'domcontentloaded' })
    return await look()
  } finally {
    appCode.release()
    await page.unrouteAll({ behavior: 'wait' })
  }
}

/** Puts `value` in place of the kept copy, away from the inbox, which would keep its own as the page goes. */
async function replaceCopy(value: string): Promise<void> {
  await page.goto(`${app.preview.url}#/settings/preferences`)
  await page.getByRole('heading', { name: 'Settings' }).waitFor()
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [FIRST_SCREEN_KEY, value])
}

describe('the first screen', () => {
  it('keeps a copy of the inbox’s first screen once its rows are read from the cache', async () => {
    await page.goto(app.preview.url)
    await page.locator(`${LIST} [role="option"] .row__who`).first().waitFor()
    await expect.poll(stored, { timeout: 10_000 }).not.toBeNull()
    const copy = JSON.parse((await stored())!) as { database: string; styles: string; html: string }
    expect(copy.database).toBe(await page.evaluate(() => localStorage.getItem('inbox-desk:last-database')))
    expect(copy.styles).toMatch(/assets\/style-.+\.css$/)
    // Nothing that changes by the second, nor the open conversation, nor inline styles the CSP would refuse.
    expect(copy.html).toContain('data-testid="conversation-list"')
    expect(copy.html).not.toContain(' style="')
    expect(copy.html).not.toMatch(/data-testid="connectivity"|class="toast"/)
  })

  it('paints the copy at the next start before the app has loaded, inert, and the live list replaces it', async () => {
    const live = await rowNames('live')
    const painted = await restartWithAppHeld(async () => {
      await page.locator('.first-screen').waitFor({ state: 'attached' })
      return page.evaluate(() => {
        const overlay = document.querySelector<HTMLElement>('.first-screen')!
        const firstSlot = overlay.querySelectorAll<HTMLElement>('.list-pane__slot')[1]
        return {
          inert: overlay.inert,
          hidden: overlay.getAttribute('aria-hidden'),
          appMounted: document.getElementById('app')!.childElementCount > 0,
          cursor: overlay.querySelector('[data-cursor]')?.getAttribute('data-conversation-id'),
          first: overlay.querySelector('[role="option"]')?.getAttribute('data-conversation-id'),
          // Inline styles come back through the CSSOM: the rows keep their places.
          secondRowAt: firstSlot?.style.transform,
        }
      })
    })
    expect(painted).toMatchObject({ inert: true, hidden: 'true', appMounted: false, secondRowAt: 'translateY(76px)' })
    expect(painted.cursor).toBe(painted.first)
    await page.locator(`#app ${LIST} [role="option"] .row__who`).first().waitFor()
    await expect.poll(() => page.locator('.first-screen').count()).toBe(0)
    expect((await rowNames('live')).slice(0, 5)).toEqual(live.slice(0, 5))
  })

  it('paints the same rows the live list shows', async () => {
    await expect.poll(stored, { timeout: 10_000 }).not.toBeNull()
    const live = await rowNames('live')
    const copied = await restartWithAppHeld(async () => {
      await page.locator('.first-screen').waitFor({ state: 'attached' })
      return rowNames('copy')
    })
    expect(copied.length).toBeGreaterThan(5)
    expect(copied).toEqual(live.slice(0, copied.length))
  })

  it('paints nothing that runs or fetches from a tampered copy, and nothing from another build', async () => {
    await page.locator(`#app ${LIST} [role="option"]`).first().waitFor()
    const errorsBefore = app.pageErrors.length
    const copy = JSON.parse((await stored())!) as { html: string; styles: string }
    const hostile = copy.html.replace(
      'class="list-pane__title">',
      'class="list-pane__title" onclick="window.__ran = true"><img src="/tampered.png" onerror="window.__ran = true"><script>window.__ran = true</script>',
    )
    expect(hostile).toContain('tampered.png')
    await replaceCopy(JSON.stringify({ ...copy, html: hostile }))
    const seen = await restartWithAppHeld(async () => {
      await page.locator('.first-screen').waitFor({ state: 'attached' })
      return page.evaluate(() => ({
        ran: (window as { __ran?: boolean }).__ran ?? false,
        scripts: document.querySelectorAll('.first-screen script').length,
        handlers: document.querySelectorAll('.first-screen [onclick], .first-screen [onerror]').length,
        images: [...document.querySelectorAll('.first-screen img')].filter((image) => image.hasAttribute('src')).length,
      }))
    })
    expect(seen).toEqual({ ran: false, scripts: 0, handlers: 0, images: 0 })
    expect(requested.filter((url) => url.includes('tampered'))).toEqual([])
    // The CSP refused the handlers as they were parsed, before they were taken out; nothing else went wrong.
    const refusals = app.pageErrors.splice(errorsBefore)
    expect(refusals.length).toBeGreaterThan(0)
    expect(refusals.filter((message) => !message.startsWith('Executing inline event handler violates'))).toEqual([])

    await replaceCopy(JSON.stringify({ ...copy, styles: './assets/style-older.css' }))
    const paintedForOtherBuild = await restartWithAppHeld(() => page.evaluate(() => document.querySelector('.first-screen') !== null))
    expect(paintedForOtherBuild).toBe(false)
  })

  it('forgets the copy on signing out, so the next start shows none of the account', async () => {
    await page.locator(`#app ${LIST} [role="option"]`).first().waitFor()
    await expect.poll(stored, { timeout: 10_000 }).not.toBeNull()
    await page.keyboard.press('Control+k')
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor()
    await page.keyboard.type('sign out')
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: /^Sign out of / }).waitFor()
    await page.keyboard.press('Control+Enter')
    await page.waitForURL(/#\/sign-in/)
    expect(await stored()).toBeNull()
    await page.goto(app.preview.url)
    await page.getByRole('heading', { name: 'Sign in to Oktopost' }).waitFor()
    expect(await page.locator('.first-screen').count()).toBe(0)
  })

  it('logged no page errors', () => {
    expect(app.pageErrors).toEqual([])
  })
})
