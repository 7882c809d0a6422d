import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { saveScreenshot, startAppSession, type AppSession } from '../support/appSession'
import { sandboxControl, type LedgerEntry } from '../support/sandboxControl'

/**
 * A shift in the inbox, keyboard only, against a sandbox this test owns (so it can read the
 * ledger of what reached "Oktopost" and cut the network): move, open, reply, note, close and
 * next, reopen, assign, tag, canned responses, search, bulk close, then the offline story.
 */
const LEDGER_TIMEOUT = { timeout: 45_000, interval: 250 }

let sandbox: RunningSandbox
let app: AppSession
let page: Page

const list = () => page.getByTestId('conversation-list')
const pane = () => page.getByRole('region', { name: 'Conversation', exact: true })
/** Read straight from the DOM: a locator would wait for a row that is rightly absent. */
const rowId = (attribute: 'data-cursor' | 'data-open') =>
  page.evaluate((name) => document.querySelector(`[data-testid="conversation-list"] [${name}]`)?.getAttribute('data-conversation-id') ?? null, attribute)
const cursorId = () => rowId('data-cursor')
const openedId = () => rowId('data-open')
const ledger = (): Promise<LedgerEntry[]> => sandboxControl(sandbox.url).ledger()
const ledgerParam = async (name: string) => (await ledger()).map((row) => row.params[name])
const ledgerFor = async (conversationId: string, suffix = '') => (await ledger()).filter((row) => row.path === `/v2/conversation/${conversationId}${suffix}`)

async function backToList(): Promise<void> {
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await expect.poll(() => openedId(), { timeout: 5_000 }).toBeNull()
}

/** Facebook takes replies on every item type, so the composer is sure to accept one. */
async function moveToFacebookRow(): Promise<void> {
  for (let step = 0; step < 40; step++) {
    const network = await list().locator('[data-cursor] .network-badge').getAttribute('title')
    if (network === 'Facebook') return
    await page.keyboard.press('j')
  }
  throw new Error('no Facebook conversation in the first 40 rows')
}

async function openUnderCursor(): Promise<string> {
  const id = await cursorId()
  await page.keyboard.press('Enter')
  await pane().getByRole('feed', { name: 'Timeline' }).getByRole('article').first().waitFor()
  return id!
}

/** Waits for focus to land in the composer before typing: a letter typed early is a shortcut. */
async function send(text: string, mode: 'r' | 'n'): Promise<void> {
  await page.keyboard.press(mode)
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
  await page.keyboard.type(text)
  await page.keyboard.press('Control+Enter')
  // Sending leaves the composer; until then a letter would still be typed into it.
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA')
}

/** Moves the cursor down to a given conversation, as an agent scanning the list would. */
async function moveTo(conversationId: string): Promise<void> {
  for (let step = 0; step < 80 && (await cursorId()) !== conversationId; step++) await page.keyboard.press('j')
  expect(await cursorId()).toBe(conversationId)
}

beforeAll(async () => {
  sandbox = await startSandbox({ conversations: 60, seed: 3 })
  app = await startAppSession()
  page = app.page
  await page.goto(app.preview.url)
  await page.getByLabel('Account ID').focus()
  await page.keyboard.type(sandbox.options.accountId)
  await page.keyboard.press('Tab')
  await page.keyboard.type(sandbox.options.apiKey)
  await page.keyboard.press('Tab')
  while (!(await page.getByRole('radio', { name: 'Custom URL' }).isChecked())) await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Tab')
  await page.keyboard.type(sandbox.url)
  await page.keyboard.press('Enter')
  await list().getByRole('option').first().waitFor({ timeout: 60_000 })
})

afterAll(async () => {
  await app?.close()
  await sandbox?.close()
})

describe('the inbox, keyboard only', () => {
  it('moves with j and k', async () => {
    const first = await cursorId()
    await page.keyboard.press('j')
    const second = await cursorId()
    expect(second).not.toBe(first)
    await page.keyboard.press('k')
    expect(await cursorId()).toBe(first)
    await saveScreenshot(page, 'inbox-list.png')
  })

  it('opens with Enter and sends a reply with r and Ctrl+Enter, once, after the undo window', async () => {
    await moveToFacebookRow()
    const id = await openUnderCursor()
    await send('Thanks for writing in, we are on it (e2e reply)', 'r')
    await expect.poll(() => ledgerParam('message'), LEDGER_TIMEOUT).toContain('Thanks for writing in, we are on it (e2e reply)')
    expect((await ledgerFor(id, '/reply')).length).toBe(1)
    await saveScreenshot(page, 'inbox-conversation.png')
  })

  it('adds an internal note with n', async () => {
    await send('Internal: customer is a VIP (e2e note)', 'n')
    await expect.poll(() => ledgerParam('note'), LEDGER_TIMEOUT).toContain('Internal: customer is a VIP (e2e note)')
  })

  it('inserts a canned response with c', async () => {
    // Into the reply: r switches the composer to reply mode, Esc leaves the field again.
    await page.keyboard.press('r')
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    await page.keyboard.press('Escape')
    await page.keyboard.press('c')
    const picker = page.getByRole('listbox', { name: 'Canned responses' })
    await picker.getByRole('option').first().waitFor()
    await page.keyboard.press('Enter')
    const inserted = await pane().getByRole('textbox', { name: 'Reply to the customer' }).inputValue()
    expect(inserted.length).toBeGreaterThan(10)
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => ledgerParam('message'), LEDGER_TIMEOUT).toContain(inserted)
  })

  it('assigns to me with i and to a colleague with a', async () => {
    const id = (await openedId())!
    await page.keyboard.press('i')
    await expect.poll(async () => (await ledgerFor(id, '/assign')).map((row) => row.params['assignee_id']), LEDGER_TIMEOUT).toContain('00A000000000001')
    await page.keyboard.press('a')
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT')
    await page.keyboard.type('Omar')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await ledgerFor(id, '/assign')).length, LEDGER_TIMEOUT).toBe(2)
  })

  it('edits tags with t', async () => {
    const id = (await openedId())!
    await page.keyboard.press('t')
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT')
    await page.keyboard.type('Escalated')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+Enter')
    await expect.poll(async () => (await ledgerFor(id, '/tag')).flatMap((row) => row.params['tags'] as string[]), LEDGER_TIMEOUT).toContain('Escalated')
  })

  it('closes and goes to the next with e, and reopens from the Closed view with Shift+E', async () => {
    const closed = (await openedId())!
    await page.keyboard.press('e')
    await expect.poll(() => openedId()).not.toBe(closed)
    await expect.poll(async () => (await ledgerFor(closed)).map((row) => row.params['status']), LEDGER_TIMEOUT).toEqual(['closed'])
    await backToList()
    await page.keyboard.press('g')
    await page.keyboard.press('c')
    await page.getByRole('heading', { name: 'Closed' }).waitFor()
    await expect.poll(() => list().locator(`[data-conversation-id="${closed}"]`).count()).toBe(1)
    await moveTo(closed)
    await page.keyboard.press('Shift+E')
    await expect.poll(async () => (await ledgerFor(closed)).map((row) => row.params['status']), LEDGER_TIMEOUT).toEqual(['closed', 'open'])
    await page.keyboard.press('g')
    await page.keyboard.press('i')
    await page.getByRole('heading', { name: 'Inbox' }).waitFor()
  })

  it('searches the cache with /', async () => {
    const before = await list().getByRole('option').count()
    const name = (await list().getByRole('option').first().locator('.row__who').textContent())!.trim()
    await page.keyboard.press('/')
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT')
    await page.keyboard.type(name)
    await expect.poll(() => list().getByRole('option').count()).toBeLessThan(before)
    expect(await list().getByRole('option').first().textContent()).toContain(name)
    const narrowed = await list().getByRole('option').count()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await expect.poll(() => list().getByRole('option').count()).toBeGreaterThan(narrowed)
  })

  it('selects with x and closes both with e', async () => {
    const statuses = async (id: string) => (await ledgerFor(id)).map((row) => row.params['status'])
    const first = (await cursorId())!
    await page.keyboard.press('x')
    await page.keyboard.press('j')
    const second = (await cursorId())!
    await page.keyboard.press('x')
    await expect.poll(() => page.getByText('2 selected').isVisible()).toBe(true)
    const before = { [first]: await statuses(first), [second]: await statuses(second) }
    await page.keyboard.press('e')
    for (const id of [first, second]) {
      await expect.poll(() => statuses(id), LEDGER_TIMEOUT).toEqual([...before[id]!, 'closed'])
    }
  })

  it('queues replies, notes and a close while offline and delivers each exactly once when the connection returns', async () => {
    await moveToFacebookRow()
    await sandbox.disconnect()
    const id = await openUnderCursor()
    await send('Written on the train (offline reply)', 'r')
    await send('Offline note for the team', 'n')
    await page.keyboard.press('e')
    await expect.poll(() => page.getByTestId('connectivity').textContent(), { timeout: 30_000 }).toMatch(/Offline — \d+ queued/)
    await saveScreenshot(page, 'inbox-offline.png')
    await page.keyboard.press('g')
    await page.keyboard.press('o')
    await page.getByTestId('outbox').waitFor()
    await saveScreenshot(page, 'inbox-outbox-offline.png')
    await sandbox.reconnect()
    await expect.poll(() => ledgerParam('message'), { timeout: 60_000, interval: 500 }).toContain('Written on the train (offline reply)')
    await expect.poll(async () => (await ledgerFor(id)).map((row) => row.params['status']), LEDGER_TIMEOUT).toEqual(['closed'])
    const everything = await ledger()
    expect(everything.filter((row) => row.params['message'] === 'Written on the train (offline reply)')).toHaveLength(1)
    expect(everything.filter((row) => row.params['note'] === 'Offline note for the team')).toHaveLength(1)
    await expect.poll(() => page.getByTestId('connectivity').textContent(), { timeout: 30_000 }).toMatch(/Online|Syncing/)
  })

  it('raised no page errors', () => {
    expect(app.pageErrors).toEqual([])
  })
})
