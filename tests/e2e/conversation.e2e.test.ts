import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveScreenshot, startAppSession, type AppSession } from '../support/appSession'

let app: AppSession
let page: Page
const dialogs: string[] = []

const pane = () => page.getByRole('region', { name: 'Conversation', exact: true })
const feed = () => pane().getByRole('feed', { name: 'Timeline' })
const replyField = () => pane().getByRole('textbox', { name: 'Reply to the customer' })
const noteField = () => pane().getByRole('textbox', { name: /Internal note/ })
const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')

/** Opens the conversation under the list's cursor and waits for its timeline. */
async function openUnderCursor(): Promise<void> {
  await page.keyboard.press('o')
  await feed().getByRole('article').first().waitFor()
}

beforeAll(async () => {
  app = await startAppSession(['--sandbox'])
  page = app.page
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(app.preview.url)
  await page.getByTestId('conversation-list').getByRole('option').first().waitFor({ timeout: 60_000 })
})

afterAll(async () => {
  await app?.close()
})

describe('the conversation pane, from the keyboard', () => {
  it('shows key hints while nothing is open', async () => {
    expect(await pane().getByText('No conversation open').isVisible()).toBe(true)
    await saveScreenshot(page, 'conversation-empty.png')
  })

  it('opens a conversation scrolled to its newest entry, with the composer ready below', async () => {
    await openUnderCursor()
    const scrolledToBottom = await page.evaluate(() => {
      const timeline = document.querySelector('[role="feed"]')?.parentElement?.parentElement
      return timeline ? timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 60 : false
    })
    expect(scrolledToBottom).toBe(true)
    expect(await pane().getByRole('form', { name: 'Composer' }).isVisible()).toBe(true)
  })

  it('keeps a draft with its own conversation and never shows it in another', async () => {
    await page.keyboard.press('r')
    expect(await focusedLabel()).toBe('Reply to the customer')
    await page.keyboard.type('Half-written answer')
    await page.keyboard.press('Escape')
    await page.keyboard.press('j')
    await expect.poll(() => replyField().inputValue()).toBe('')
    await page.keyboard.press('k')
    await expect.poll(() => replyField().inputValue()).toBe('Half-written answer')
  })

  it('refuses an empty reply inline and queues nothing', async () => {
    await page.keyboard.press('r')
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Control+Enter')
    expect(await pane().getByRole('alert').textContent()).toContain("Message can't be empty")
    expect(await page.getByText('Reply queued').count()).toBe(0)
  })

  it('inserts canned responses with / at a word start and with c', async () => {
    await page.keyboard.type('Hello! /refund')
    await pane().getByRole('listbox', { name: 'Canned responses' }).getByRole('option').first().waitFor()
    await saveScreenshot(page, 'conversation-slash.png')
    await page.keyboard.press('Enter')
    expect(await replyField().inputValue()).toBe('Hello! We have issued a refund. It can take 3-5 business days to appear on your statement.')

    await page.keyboard.press('Escape')
    await page.keyboard.press('c')
    const picker = page.getByRole('dialog', { name: 'Canned responses' })
    await picker.waitFor()
    await page.keyboard.type('shiping')
    await page.keyboard.press('Enter')
    await expect.poll(() => picker.count()).toBe(0)
    expect(await replyField().inputValue()).toContain('Standard shipping takes 5-7 business days')
    expect(await focusedLabel()).toBe('Reply to the customer')
  })

  it('sends into the outbox with Control+Enter and shows the reply in place with its state', async () => {
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Thanks for waiting, it is on its way.')
    await page.keyboard.press('Control+Enter')
    await page.getByText('Reply queued').first().waitFor()
    const queued = feed().getByRole('article').filter({ hasText: 'Thanks for waiting, it is on its way.' })
    expect(await queued.getByRole('status').textContent()).toMatch(/Queued|Sending|Sent/)
    expect(await replyField().inputValue()).toBe('')
    expect(await focusedLabel()).not.toBe('Reply to the customer')
    await saveScreenshot(page, 'conversation-queued.png')
  })

  it('adds an internal note, drawn apart from the replies', async () => {
    await page.keyboard.press('n')
    expect(await focusedLabel()).toMatch(/Internal note/)
    await page.keyboard.type('Customer asked twice; escalate if no answer by Friday.')
    await page.keyboard.press('Control+Enter')
    const note = feed().getByRole('article').filter({ hasText: 'escalate if no answer by Friday' })
    await note.waitFor()
    expect(await note.textContent()).toContain('Internal note')
    expect(await noteField().inputValue()).toBe('')
  })

  it('assigns from a type-ahead picker, keyboard only', async () => {
    await page.keyboard.press('a')
    const picker = page.getByRole('dialog', { name: 'Assign conversation' })
    await picker.waitFor()
    expect(await picker.getByRole('option').first().textContent()).toContain('Assign to me')
    await page.keyboard.type('hannah')
    await saveScreenshot(page, 'conversation-assign.png')
    await page.keyboard.press('Enter')
    await expect.poll(() => picker.count()).toBe(0)
    await expect.poll(() => pane().locator('header').textContent()).toContain('Hannah Müller')
  })

  it('edits tags: picks an existing one, creates a new one, saves with Control+Enter', async () => {
    await page.keyboard.press('t')
    const editor = page.getByRole('dialog', { name: 'Edit tags' })
    await editor.waitFor()
    await page.keyboard.type('vip')
    await editor.getByRole('option', { name: 'VIP' }).waitFor()
    await page.keyboard.press('Enter')
    await page.keyboard.type('Needs follow-up')
    await page.keyboard.press('Enter')
    await saveScreenshot(page, 'conversation-tags.png')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => editor.count()).toBe(0)
    const header = pane().locator('header')
    await expect.poll(() => header.textContent()).toContain('VIP')
    expect(await header.textContent()).toContain('Needs follow-up')
  })

  it('shows hostile HTML from the network as literal text', async () => {
    await page.keyboard.press('Escape')
    await page.keyboard.press('/')
    await page.keyboard.type('<b>Mallory</b>')
    await page.keyboard.press('Enter')
    const firstRow = page.getByTestId('conversation-list').getByRole('option').first()
    await expect.poll(() => firstRow.textContent()).toContain('<b>Mallory</b>')
    await openUnderCursor()
    expect(await pane().getByRole('heading', { level: 2 }).textContent()).toContain('<b>Mallory</b>')
    expect(await pane().locator('script, img, iframe, b, [onerror], [onload]').count()).toBe(0)
    expect(dialogs).toEqual([])
    await saveScreenshot(page, 'conversation-light.png')
  })

  it('says before typing that a closed conversation needs reopening, and reopens with Enter', async () => {
    await page.keyboard.press('/')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.keyboard.press('g')
    await page.keyboard.press('c')
    await expect.poll(() => page.url()).toContain('#/view/closed')
    await page.getByTestId('conversation-list').getByRole('option').first().waitFor()
    await openUnderCursor()
    await page.keyboard.press('r')
    expect(await pane().getByRole('note').textContent()).toContain('Reopen this conversation to reply')
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Reopen')
    await saveScreenshot(page, 'conversation-closed.png')
    await page.keyboard.press('Enter')
    await expect.poll(focusedLabel).toBe('Reply to the customer')
  })

  it('loads older pages as the agent scrolls up, keeping what they read in place, and draws a long timeline whole on opening again', async () => {
    const timeline = pane().getByTestId('timeline')
    const entryCount = () => feed().locator('[data-entry-id]').count()
    /** Scrolls the timeline to `scrollTop`, then says which entry is first in view and how far below the top edge. */
    const firstInView = (scrollTop: number) =>
      timeline.evaluate((view, to) => {
        view.scrollTop = to
        const top = view.getBoundingClientRect().top
        const article = [...view.querySelectorAll<HTMLElement>('[data-entry-id]')].find((entry) => entry.getBoundingClientRect().bottom > top)
        return article ? { id: article.dataset['entryId'], offset: article.getBoundingClientRect().top - top } : null
      }, scrollTop)
    const isAtNewest = () => timeline.evaluate((view) => view.scrollHeight - view.scrollTop - view.clientHeight <= 1)

    // The long post (320 entries on the server), whose opening text carries a script tag.
    await page.keyboard.press('Escape')
    await page.keyboard.press('g')
    await page.keyboard.press('i')
    await page.keyboard.press('/')
    await page.keyboard.type('pwned')
    await page.keyboard.press('Enter')
    const list = page.getByTestId('conversation-list')
    await list.locator('[data-conversation-id="eit000000000002"]').waitFor()
    for (let press = 0; (await list.locator('[data-cursor]').getAttribute('data-conversation-id')) !== 'eit000000000002'; press++) {
      if (press > 50) throw new Error('The long post is not in the search results')
      await page.keyboard.press('j')
    }
    await openUnderCursor()
    await expect.poll(isAtNewest).toBe(true)

    // Six pages of twenty: far more than a screenful, so opening again draws it in slices.
    while ((await entryCount()) < 120) {
      const before = await entryCount()
      await timeline.evaluate((view) => (view.scrollTop = 0))
      await expect.poll(entryCount, { timeout: 10_000 }).toBeGreaterThan(before)
    }
    // At the top, which loads the next page above: what the agent was reading stays where it was.
    await firstInView(1_000)
    const loaded = await entryCount()
    const reading = await firstInView(0)
    await expect.poll(entryCount, { timeout: 10_000 }).toBeGreaterThan(loaded)
    const offsetNow = await timeline.evaluate(
      (view, id) => view.querySelector(`[data-entry-id="${id}"]`)!.getBoundingClientRect().top - view.getBoundingClientRect().top,
      reading!.id,
    )
    expect(Math.abs(offsetNow - reading!.offset)).toBeLessThanOrEqual(1)
    expect(await timeline.evaluate((view) => view.scrollTop)).toBeGreaterThan(0)

    const cached = await entryCount()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await openUnderCursor()
    await expect.poll(entryCount).toBe(cached)
    expect(await isAtNewest()).toBe(true)

    // Resting on its row first: the timeline is read ahead, opening draws from that, and still draws it whole.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.waitForTimeout(1_000)
    await openUnderCursor()
    await expect.poll(entryCount).toBe(cached)
    expect(await isAtNewest()).toBe(true)
  })

  it('follows a dark OS theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await saveScreenshot(page, 'conversation-dark.png')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('logged no page errors', () => {
    expect(app.pageErrors).toEqual([])
  })
})
