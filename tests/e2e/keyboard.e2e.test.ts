import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectPageErrors, holdRequests, saveScreenshot, startAppSession, type AppSession } from '../support/appSession'

let app: AppSession
let page: Page

const palette = () => page.getByRole('dialog', { name: 'Command palette' })
const sheet = () => page.getByRole('dialog', { name: 'Keyboard shortcuts' })
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName ?? '')

beforeAll(async () => {
  app = await startAppSession(['--sandbox'])
  page = app.page
  await page.goto(app.preview.url)
  await page.waitForURL(/#\/view\/inbox/)
  await page.getByRole('heading', { name: 'Inbox' }).waitFor()
})

afterAll(async () => {
  await app?.close()
})

describe('the command palette', () => {
  it('opens with Control+K, with focus in its search box', async () => {
    await page.keyboard.press('Control+k')
    await palette().waitFor()
    expect(await focused()).toBe('combobox')
    expect(await palette().getByRole('option', { name: /Go to Outbox/ }).isVisible()).toBe(true)
    await saveScreenshot(page, 'palette.png')
  })

  it('finds a command despite a typo, shows its keys and runs it with Enter', async () => {
    await page.keyboard.type('unasigned')
    const best = palette().getByRole('option').first()
    expect(await best.textContent()).toContain('Go to Unassigned')
    expect(await best.getAttribute('aria-selected')).toBe('true')
    expect(await best.textContent()).toMatch(/g\s*then\s*u/)
    await saveScreenshot(page, 'palette-search.png')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain('#/view/unassigned')
    expect(await palette().count()).toBe(0)
  })

  it('moves with the arrow keys and skips nothing on the way', async () => {
    await page.keyboard.press('Control+k')
    await page.keyboard.type('go to')
    const options = palette().getByRole('option')
    const second = await options.nth(1).textContent()
    await page.keyboard.press('ArrowDown')
    expect(await palette().locator('[aria-selected="true"]').textContent()).toBe(second)
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    expect(await palette().locator('[aria-selected="true"]').textContent()).toBe(await options.last().textContent())
    await page.keyboard.press('Escape')
  })

  it('keeps Tab inside and gives focus back when Escape closes it', async () => {
    await page.getByRole('link', { name: /Closed/ }).focus()
    await page.keyboard.press('Control+k')
    await palette().waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Shift+Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true)
    await page.keyboard.press('Escape')
    expect(await palette().count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Closed')
  })

  it('follows a dark OS theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.keyboard.press('Control+k')
    await page.keyboard.type('assign')
    await saveScreenshot(page, 'palette-dark.png')
    await page.keyboard.press('Escape')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('does not open the shortcut sheet when ? is typed into its search', async () => {
    await page.keyboard.press('Control+k')
    await page.keyboard.type('what?')
    expect(await palette().getByRole('combobox').inputValue()).toBe('what?')
    expect(await sheet().count()).toBe(0)
    await page.keyboard.press('Escape')
  })
})

describe('the command palette before its code has loaded', () => {
  it('keeps what is typed for its search, and nothing underneath reacts to it', async () => {
    // A page of its own, so the palette's and the sheet's code have not been loaded yet: each is held until released.
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } })
    const fresh = await context.newPage()
    const errors: string[] = []
    collectPageErrors(fresh, errors)
    const paletteCode = await holdRequests(fresh, /\/assets\/CommandPalette-[^/]+\.js$/)
    const sheetCode = await holdRequests(fresh, /\/assets\/ShortcutSheet-[^/]+\.js$/)
    try {
      await fresh.goto(app.preview.url)
      const rows = fresh.getByTestId('conversation-list').getByRole('option')
      await rows.first().waitFor({ timeout: 60_000 })
      const cursor = () => fresh.locator('[data-cursor]').first().getAttribute('data-conversation-id')
      const cursorBefore = await cursor()
      const urlBefore = fresh.url()
      await fresh.keyboard.press('Control+k')
      // "g" then "o" would go to the Outbox and "j" would move the cursor, were the list listening.
      await fresh.keyboard.type('go to unassignedj')
      await fresh.keyboard.press('Backspace')
      await expect.poll(() => paletteCode.isRequested()).toBe(true)
      expect(await fresh.getByRole('dialog', { name: 'Command palette' }).count()).toBe(0)
      paletteCode.release()
      const search = fresh.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox')
      await search.waitFor()
      expect(await search.inputValue()).toBe('go to unassigned')
      expect(fresh.url()).toBe(urlBefore)
      expect(await cursor()).toBe(cursorBefore)
      await fresh.keyboard.press('Enter')
      await expect.poll(() => fresh.url()).toContain('#/view/unassigned')

      // Escape closes an overlay still loading (here the sheet), and the list takes the keys again.
      await rows.first().waitFor()
      const cursorOnView = await cursor()
      await fresh.keyboard.press('Shift+Slash')
      await expect.poll(() => sheetCode.isRequested()).toBe(true)
      await fresh.keyboard.press('Escape')
      sheetCode.release()
      await fresh.keyboard.press('j')
      await expect.poll(() => cursor()).not.toBe(cursorOnView)
      expect(await fresh.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0)
      expect(errors).toEqual([])
    } finally {
      paletteCode.release()
      sheetCode.release()
      await context.close()
    }
  })
})

describe('the shortcut sheet', () => {
  it('opens with ? and lists every shortcut from the registry, grouped', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('Shift+Slash')
    await sheet().waitFor()
    for (const group of ['Moving around', 'Acting on conversations', 'Writing', 'Views', 'General']) {
      expect(await sheet().getByRole('heading', { name: group }).isVisible()).toBe(true)
    }
    expect(await sheet().locator('[data-command="go.inbox"]').textContent()).toMatch(/Go to Inbox.*g\s*then\s*i/)
    expect(await sheet().locator('[data-command="list.next"]').textContent()).toMatch(/j.*or.*↓/)
    expect(await sheet().locator('[data-command="palette.open"]').textContent()).toContain('Ctrl')
    await saveScreenshot(page, 'shortcut-sheet.png')
  })

  it('closes with Escape', async () => {
    await page.keyboard.press('Escape')
    expect(await sheet().count()).toBe(0)
  })

  it('is not opened by ? typed in a text field', async () => {
    const search = page.locator('input[type="search"]').first()
    await search.focus()
    await page.keyboard.type('?')
    expect(await search.inputValue()).toBe('?')
    expect(await sheet().count()).toBe(0)
    await search.fill('')
    await page.keyboard.press('Escape')
  })
})

describe('sequences and remapped keys', () => {
  it('switches views with g then a letter', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('g')
    await page.keyboard.press('o')
    await expect.poll(() => page.url()).toContain('#/view/outbox')
    await page.keyboard.press('g')
    await page.keyboard.press('i')
    await expect.poll(() => page.url()).toContain('#/view/inbox')
  })

  it('uses keys the agent chose, in the dispatcher and in the sheet', async () => {
    await page.evaluate(() =>
      localStorage.setItem('inbox-desk.keymap', JSON.stringify({ version: 1, overrides: { 'sheet.open': ['F2'] } })),
    )
    await page.reload()
    await page.getByRole('heading', { name: 'Inbox' }).waitFor()
    await page.keyboard.press('Shift+Slash')
    expect(await sheet().count()).toBe(0)
    await page.keyboard.press('F2')
    await sheet().waitFor()
    expect(await sheet().locator('[data-command="sheet.open"]').textContent()).toMatch(/Keyboard shortcuts.*Changed by you.*F2/)
    await page.keyboard.press('Escape')
    await page.evaluate(() => localStorage.removeItem('inbox-desk.keymap'))
  })

  it('ignores a corrupt stored keymap', async () => {
    await page.evaluate(() => localStorage.setItem('inbox-desk.keymap', '{"version":1,"overrides":'))
    await page.reload()
    await page.getByRole('heading', { name: 'Inbox' }).waitFor()
    await page.keyboard.press('Shift+Slash')
    await sheet().waitFor()
    await page.keyboard.press('Escape')
    await page.evaluate(() => localStorage.removeItem('inbox-desk.keymap'))
  })

  it('logged no page errors', () => {
    expect(app.pageErrors).toEqual([])
  })
})
