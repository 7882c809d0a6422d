import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invokeInPage } from '../support/appInPage'
import { saveScreenshot, startAppSession, type AppSession } from '../support/appSession'
import { sandboxControl, type SandboxControl } from '../support/sandboxControl'

/**
 * Canned responses, the tag manager, CommBox tags and Salesforce cases in the browser preview
 * against its demo sandbox, driven from the keyboard; every server answer the forms explain.
 */
const SALESFORCE_INTEGRATION = 'sfint-demo-0001'

let app: AppSession
let page: Page
let sandbox: SandboxControl

const dialog = (name: string | RegExp) => page.getByRole('dialog', { name })
const toasts = () => page.getByTestId('toasts')

/** Runs a command by name from the palette, as an agent would. */
async function run(command: string): Promise<void> {
  await page.keyboard.press('Control+k')
  await page.getByRole('dialog', { name: 'Command palette' }).waitFor()
  await page.keyboard.type(command)
  await page.keyboard.press('Enter')
}

/** The demo's sandbox, found the way the app knows it: the endpoint of the signed-in session. */
async function demoSandbox(): Promise<SandboxControl> {
  const status = (await invokeInPage(page, 'auth:status')) as { value: { oktopost: { endpoint: { baseUrl: string } } } }
  return sandboxControl(new URL(status.value.oktopost.endpoint.baseUrl).origin)
}

beforeAll(async () => {
  app = await startAppSession(['--sandbox'])
  page = app.page
  // Start away from the inbox, so its sync leaves the rate limit to the forms.
  await page.goto(`${app.preview.url}#/settings/preferences`)
  await page.getByRole('heading', { name: 'Settings' }).waitFor()
  sandbox = await demoSandbox()
})

afterAll(async () => {
  await app?.close()
})

describe('canned responses', () => {
  it('are browsed and searched from the palette, a page at a time', async () => {
    await run('Canned responses')
    await page.getByRole('heading', { name: 'Canned responses' }).waitFor()
    const list = page.getByRole('listbox', { name: 'Canned responses' })
    await expect.poll(() => list.getByRole('option').count()).toBe(12)
    expect(await page.getByText('1–12 of 12').isVisible()).toBe(true)
    await page.keyboard.type('refund')
    await expect.poll(() => list.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Refund Issued')])
    expect(await page.getByTestId('canned-detail').textContent()).toContain('Refund Issued')
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Backspace')
    await expect.poll(() => list.getByRole('option').count()).toBe(12)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    expect(await list.getByRole('option', { selected: true }).textContent()).toContain('Closing')
    expect(await page.getByTestId('canned-detail').textContent()).toContain('In a conversation, press')
    await saveScreenshot(page, 'library-canned-light.png')
    await saveScreenshot(page, 'library-canned-dark.png', 'dark')
  })

  it('checks the documented limits while typing', async () => {
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    const form = dialog('New canned response')
    await form.waitFor()
    await page.keyboard.type('x'.repeat(65))
    expect(await form.getByText('Name can be at most 64 characters (this one has 65)').isVisible()).toBe(true)
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Welcome Reply')
    expect(await form.getByText('A canned response with this name already exists').isVisible()).toBe(true)
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Control+Enter')
    expect(await form.getByText("Name can't be empty").isVisible()).toBe(true)
    expect(await form.getByText("Content can't be empty").isVisible()).toBe(true)
    await form.getByLabel('Response text').fill('y'.repeat(10_001))
    expect(await form.getByText('Content can be at most 10,000 characters (this one has 10,001)').isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => form.count()).toBe(0)
  })

  it('shows Oktopost’s 409 as "a canned response with this name exists", then sends the fixed one', async () => {
    await page.keyboard.press('/')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    const form = dialog('New canned response')
    await form.waitFor()
    // Oktopost compares names without regard to case; the cache's check is exact, so this reaches it.
    await page.keyboard.type('welcome reply')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Thanks for reaching out! How can we help?')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => form.getByRole('alert').first().textContent(), { timeout: 70_000 }).toContain('A canned response with this name exists')
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true')
    await saveScreenshot(page, 'library-canned-409-light.png')
    await form.getByLabel('Name').focus()
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Warm welcome')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => toasts().textContent(), { timeout: 70_000 }).toContain('Canned response “Warm welcome” created')
    await expect.poll(() => page.getByRole('listbox', { name: 'Canned responses' }).textContent()).toContain('Warm welcome')
  }, 150_000)
})

describe('the tag manager', () => {
  it('lists tags in order, at most 20 a page, and searches them', async () => {
    await run('Manage tags')
    await page.getByRole('heading', { name: 'Conversation tags' }).waitFor()
    const list = page.getByRole('listbox', { name: 'Tags' })
    await expect.poll(() => list.getByRole('option').count()).toBe(10)
    const names = await list.getByRole('option').allTextContents()
    expect(names[0]).toContain('Billing')
    expect(names.at(-1)).toContain('VIP')
    await saveScreenshot(page, 'library-tags-light.png')
    await saveScreenshot(page, 'library-tags-dark.png', 'dark')
    await page.keyboard.type('bil')
    await expect.poll(() => list.getByRole('option').count()).toBe(1)
  })

  it('renames with Enter, refusing a name another tag has', async () => {
    await page.keyboard.press('Enter')
    const field = page.getByLabel('New name for Billing')
    await field.waitFor()
    await page.keyboard.press('Control+a')
    await page.keyboard.type('vip')
    expect(await page.getByRole('alert').textContent()).toBe('A tag with this name exists')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Billing & Payments')
    await saveScreenshot(page, 'library-tags-rename-light.png')
    await page.keyboard.press('Enter')
    await expect.poll(() => toasts().textContent(), { timeout: 70_000 }).toContain('Renamed “Billing” to “Billing & Payments”')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('billing')
    await expect.poll(() => page.getByRole('listbox', { name: 'Tags' }).textContent()).toContain('Billing & Payments')
  }, 90_000)

  it('deletes after saying it removes the tag from every conversation', async () => {
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Shipping')
    const row = page.getByRole('option', { name: /Shipping/ })
    await expect.poll(() => page.getByRole('listbox', { name: 'Tags' }).getByRole('option').count()).toBe(1)
    await row.getByRole('button', { name: 'Delete' }).focus()
    await page.keyboard.press('Enter')
    const confirm = dialog('Delete the tag “Shipping”?')
    await confirm.waitFor()
    expect(await confirm.textContent()).toContain('removes it from every conversation it is on')
    await saveScreenshot(page, 'library-tags-delete-light.png')
    await saveScreenshot(page, 'library-tags-delete-dark.png', 'dark')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => toasts().textContent(), { timeout: 70_000 }).toContain('Deleted “Shipping”')
    await expect.poll(() => page.getByRole('listbox', { name: 'Tags' }).getByRole('option').count()).toBe(0)
    expect((await sandbox.ledger()).some((entry) => entry.method === 'DELETE' && entry.path.startsWith('/v2/conversation-tag/'))).toBe(true)
  }, 90_000)
})

describe('a new CommBox tag', () => {
  async function openForm(): Promise<void> {
    if ((await dialog('New CommBox tag').count()) > 0) await page.keyboard.press('Escape')
    await run('New CommBox tag')
    await dialog('New CommBox tag').getByLabel('Tag name').waitFor()
  }

  async function submitAndReadAlert(): Promise<string> {
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => dialog('New CommBox tag').getByRole('alert').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    return (await dialog('New CommBox tag').getByRole('alert').first().textContent()) ?? ''
  }

  it('explains a 404 on the tag group, then creates the tag once it is fixed', async () => {
    await openForm()
    await page.keyboard.type('Asked for a refund')
    await page.keyboard.press('Tab')
    await page.keyboard.press('ArrowRight')
    await dialog('New CommBox tag').getByLabel('Tag group id').fill('99')
    expect(await submitAndReadAlert()).toContain('No such tag group in CommBox (404)')
    expect(await dialog('New CommBox tag').getByText('CommBox has no tag group with this id', { exact: true }).isVisible()).toBe(true)
    await saveScreenshot(page, 'commbox-tag-404-light.png')
    await saveScreenshot(page, 'commbox-tag-404-dark.png', 'dark')
    await dialog('New CommBox tag').getByLabel('Tag group id').fill('12')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => toasts().textContent(), { timeout: 30_000 }).toContain('CommBox tag “Asked for a refund” created')
    const created = (await sandbox.ledger()).filter((entry) => entry.path === '/commbox/tags' && entry.status === 200)
    expect(created.at(-1)?.params).toEqual({ data: { Name: 'Asked for a refund', Type: 2, TagGroupId: 12, ObjectTag: true, UserTag: false, ChildTag: false } })
  })

  it('explains a 400', async () => {
    await openForm()
    await dialog('New CommBox tag').getByLabel('Tag name').fill('x'.repeat(300))
    expect(await submitAndReadAlert()).toContain('CommBox refused the tag (400)')
    await page.keyboard.press('Escape')
  })

  it.each([
    ['status401', 'CommBox didn’t accept the API key (401)'],
    ['status429', 'CommBox asked to slow down (429)'],
    ['status500', 'CommBox had a problem (500)'],
  ] as const)('explains a %s answer', async (mode, explanation) => {
    await sandbox.addFault({ route: '/commbox/tags', mode, times: 1, retryAfterSeconds: 1 })
    await openForm()
    await page.keyboard.type(`Tag after ${mode}`)
    expect(await submitAndReadAlert()).toContain(explanation)
    await page.keyboard.press('Escape')
    if (mode === 'status401') return
    // The outbox sends it again on its own; the next fault must not meet this retry instead.
    await expect
      .poll(async () => (await sandbox.ledger()).some((entry) => entry.status === 200 && JSON.stringify(entry.params).includes(`Tag after ${mode}`)), { timeout: 60_000 })
      .toBe(true)
  }, 90_000)

  it('kept Oktopost changes flowing while CommBox refused its key', async () => {
    await run('Go to Outbox')
    await page.getByTestId('outbox').waitFor()
    expect(await page.getByTestId('outbox-paused').count()).toBe(0)
  })
})

describe('a Salesforce case from a conversation', () => {
  it('explains an integration id the account does not have, then creates the case and remembers the id', async () => {
    await run('Go to Inbox')
    await page.getByTestId('conversation-list').getByRole('option').first().waitFor({ timeout: 60_000 })
    await page.keyboard.press('o')
    await page.keyboard.press('s')
    const form = dialog('Create Salesforce case')
    await form.waitFor()
    await page.keyboard.type('sfint-typo')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Refund for order 1234, customer asked twice.')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => form.getByRole('alert').first().textContent(), { timeout: 90_000 }).toContain('Oktopost doesn’t know this integration')
    await saveScreenshot(page, 'case-integration-light.png')
    await form.getByLabel('Salesforce integration id').fill(SALESFORCE_INTEGRATION)
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => toasts().textContent(), { timeout: 90_000 }).toContain('Salesforce case created')
    await page.keyboard.press('s')
    await form.waitFor()
    expect(await form.getByLabel('Salesforce integration id').inputValue()).toBe(SALESFORCE_INTEGRATION)
    await saveScreenshot(page, 'case-form-dark.png', 'dark')
    await page.keyboard.press('Escape')
  }, 200_000)

  it('offers a canned response made here in the composer, with c', async () => {
    await page.keyboard.press('c')
    const picker = page.getByRole('dialog', { name: /canned/i })
    await picker.waitFor()
    await page.keyboard.type('Warm welcome')
    await expect.poll(() => picker.getByRole('option').first().textContent()).toContain('Warm welcome')
    await page.keyboard.press('Escape')
  })

  it('logged no page errors', () => {
    expect(app.pageErrors).toEqual([])
  })
})
