import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { inboxDatabaseNames, invokeInPage } from '../support/appInPage'
import { saveScreenshot, startAppSession, type AppSession } from '../support/appSession'
import { sandboxControl, type SandboxControl } from '../support/sandboxControl'

/**
 * Settings in the browser preview, from the keyboard: several accounts each with its own cache,
 * the CommBox key, the keymap editor, preferences, the offline cache.
 */
const SECOND_ACCOUNT = '00A0000SECOND01'

let app: AppSession
let second: RunningSandbox
let page: Page
let demo: { control: SandboxControl; commboxBaseUrl: string }

const dialog = (name: string | RegExp) => page.getByRole('dialog', { name })
const toasts = () => page.getByTestId('toasts')
const accountRows = () => page.getByTestId('accounts').getByRole('listitem')

async function run(command: string): Promise<void> {
  await page.keyboard.press('Control+k')
  await page.getByRole('dialog', { name: 'Command palette' }).waitFor()
  await page.keyboard.type(command)
  await page.keyboard.press('Enter')
}

const invoke = (channel: string, payload: unknown = {}) => invokeInPage(page, channel, payload)
const inboxDatabases = () => inboxDatabaseNames(page)

beforeAll(async () => {
  second = await startSandbox({ conversations: 30, accountId: SECOND_ACCOUNT, apiKey: 'second-api-key' })
  app = await startAppSession(['--sandbox'])
  page = app.page
  await page.goto(`${app.preview.url}#/settings`)
  await page.getByRole('heading', { name: 'Oktopost accounts' }).waitFor()
  const status = (await invoke('auth:status')) as { value: { oktopost: { endpoint: { baseUrl: string } }; commbox: { baseUrl: string } } }
  demo = { control: sandboxControl(new URL(status.value.oktopost.endpoint.baseUrl).origin), commboxBaseUrl: status.value.commbox.baseUrl }
})

afterAll(async () => {
  await app?.close()
  await second?.close()
})

describe('accounts', () => {
  it('lists the demo workspace as the current account', async () => {
    await expect.poll(() => accountRows().count()).toBe(1)
    expect(await accountRows().first().textContent()).toMatch(/Acme Inc\s*Current.*Demo workspace/)
  })

  it('adds a second account from the sign-in page; it becomes current with its own cache', async () => {
    await page.getByRole('button', { name: 'Add account' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Sign in to Oktopost' }).waitFor()
    await page.getByLabel('Account ID').focus()
    await page.keyboard.type(SECOND_ACCOUNT)
    await page.keyboard.press('Tab')
    await page.keyboard.type('second-api-key')
    await page.keyboard.press('Tab')
    while (!(await page.getByRole('radio', { name: 'Custom URL' }).isChecked())) await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Tab')
    await page.keyboard.type(second.url)
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/view\/inbox/)
    await run('Open settings')
    await expect.poll(() => accountRows().count()).toBe(2)
    expect(await accountRows().first().textContent()).toContain(SECOND_ACCOUNT)
    expect(await accountRows().first().textContent()).toContain('Current')
    await expect.poll(() => inboxDatabases().then((names) => names.length)).toBe(2)
    await saveScreenshot(page, 'settings-accounts-light.png')
    await saveScreenshot(page, 'settings-accounts-dark.png', 'dark')
  }, 90_000)

  it('switches back from the palette, keyboard only, and each account keeps its own cache', async () => {
    await run('Switch account')
    const switcher = dialog('Switch account')
    await switcher.waitFor()
    // The accounts arrive from main a moment after the dialog opens.
    await expect.poll(() => switcher.getByRole('option', { selected: true }).textContent()).toContain('Demo workspace')
    await saveScreenshot(page, 'settings-switcher-light.png')
    await page.keyboard.press('Enter')
    await expect.poll(() => toasts().textContent()).toContain('Switched to Acme Inc')
    await expect.poll(() => accountRows().first().textContent()).toContain('Demo workspace')
    expect(await accountRows().first().textContent()).toContain('Current')
    expect((await invoke('auth:status')) as unknown).toMatchObject({ value: { oktopost: { account: { id: '00A0000000DEMO1' } } } })
    expect(await inboxDatabases()).toHaveLength(2)
  })

  it('signs out of the other account after asking, deleting its cache when the box is ticked, keeping the current one', async () => {
    const other = accountRows().filter({ hasText: SECOND_ACCOUNT })
    await other.getByRole('button', { name: 'Sign out of Acme Inc' }).focus()
    await page.keyboard.press('Enter')
    const confirm = dialog('Sign out of Acme Inc?')
    await confirm.waitFor()
    expect(await confirm.textContent()).toContain('Its API key and CommBox key are removed from this computer')
    const deleteCache = confirm.getByRole('checkbox', { name: /Also delete this account’s cached conversations/ })
    expect(await deleteCache.isChecked()).toBe(false)
    // Cancel has the focus; the box is just before it.
    await page.keyboard.press('Shift+Tab')
    expect(await deleteCache.evaluate((box) => box === document.activeElement)).toBe(true)
    await page.keyboard.press('Space')
    expect(await deleteCache.isChecked()).toBe(true)
    expect(await confirm.getByRole('button', { name: 'Sign out and delete' }).isVisible()).toBe(true)
    await saveScreenshot(page, 'settings-sign-out-delete-cache-light.png')
    await saveScreenshot(page, 'settings-sign-out-delete-cache-dark.png', 'dark')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => toasts().textContent()).toContain('Signed out of Acme Inc and deleted its cache from this computer')
    await expect.poll(() => accountRows().count()).toBe(1)
    expect(await accountRows().first().textContent()).toContain('Demo workspace')
    const databases = await inboxDatabases()
    expect(databases.filter((name) => name.endsWith(`:${SECOND_ACCOUNT}`))).toEqual([])
    expect(databases.filter((name) => name.endsWith(':00A0000000DEMO1'))).toHaveLength(1)
  })
})

describe('the CommBox key', () => {
  it('is removed after asking, and the tag form then says where to add one', async () => {
    await page.getByRole('link', { name: 'CommBox' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('commbox-status').textContent()).toContain('Connected')
    await page.getByRole('button', { name: 'Remove key' }).focus()
    await page.keyboard.press('Enter')
    await dialog('Remove the CommBox key?').waitFor()
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getByTestId('commbox-status').textContent()).toContain('No key yet')
    await run('New CommBox tag')
    const form = dialog('New CommBox tag')
    await expect.poll(() => form.textContent()).toContain('No CommBox API key yet')
    await page.keyboard.press('Enter')
    await expect.poll(() => form.count()).toBe(0)
    await expect.poll(() => page.url()).toContain('#/settings/commbox')
  })

  it('is stored encrypted in main, never shown again', async () => {
    await page.getByLabel('CommBox API key').focus()
    await page.keyboard.type('sandbox-commbox-token')
    await page.keyboard.press('Tab')
    await page.keyboard.type(demo.commboxBaseUrl)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('commbox-status').textContent()).toContain('Connected')
    expect(await page.getByLabel('New CommBox API key').inputValue()).toBe('')
    expect(JSON.stringify(await invoke('auth:status'))).not.toContain('sandbox-commbox-token')
    await saveScreenshot(page, 'settings-commbox-light.png')
  })
})

describe('the keymap editor', () => {
  const row = () => page.locator('[data-command="list.next"]')

  it('records new keys by pressing them, refusing keys another command has', async () => {
    await page.getByRole('link', { name: 'Keyboard shortcuts' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('searchbox', { name: 'Find a command' }).focus()
    await page.keyboard.type('next conversation')
    await row().getByRole('button', { name: 'Add keys for Next conversation' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('n')
    await expect.poll(() => row().getByRole('alert').textContent()).toBe('n is already used by “Add internal note”. Change or reset that shortcut first.')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Shift+J')
    // The recorder waits a moment for a second key (a sequence) before it takes the keys.
    await expect.poll(() => row().textContent(), { timeout: 5_000 }).toContain('Changed')
    expect(await row().getByRole('alert').count()).toBe(0)
    expect(await row().getByText('Shift+J').count()).toBe(1)
    await saveScreenshot(page, 'settings-shortcuts-light.png')
    await saveScreenshot(page, 'settings-shortcuts-dark.png', 'dark')
  })

  it('uses the new keys at once', async () => {
    await run('Go to Inbox')
    const list = page.getByTestId('conversation-list')
    await list.getByRole('option').nth(1).waitFor({ timeout: 60_000 })
    const first = await list.getByRole('option', { selected: true }).textContent()
    await page.keyboard.press('Shift+J')
    await expect.poll(() => list.getByRole('option', { selected: true }).textContent()).not.toBe(first)
  }, 90_000)

  it('resets one command, and all of them after asking', async () => {
    await run('Open settings')
    await page.getByRole('link', { name: 'Keyboard shortcuts' }).focus()
    await page.keyboard.press('Enter')
    await row().getByRole('button', { name: 'Reset Next conversation to its default keys' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => row().textContent()).not.toContain('Changed')
    expect(await row().getByText('Shift+J').count()).toBe(0)
    await row().getByRole('button', { name: 'Remove ↓ from Next conversation' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => row().textContent()).toContain('Changed')
    await page.getByRole('button', { name: 'Reset all to defaults' }).focus()
    await page.keyboard.press('Enter')
    await dialog('Reset every shortcut?').waitFor()
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => row().textContent()).not.toContain('Changed')
    expect(await page.evaluate(() => localStorage.getItem('inbox-desk.keymap'))).toBe(JSON.stringify({ version: 1, overrides: {} }))
  })
})

describe('preferences', () => {
  it('overrides the OS theme, and the palette toggles it', async () => {
    await page.getByRole('link', { name: 'Preferences' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('radio', { name: /^Dark/ }).focus()
    await page.keyboard.press('Space')
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 17, 21)')
    await saveScreenshot(page, 'settings-preferences-dark.png')
    await run('Toggle light / dark theme')
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light')
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 247, 249)')
    await page.getByRole('radio', { name: /^System/ }).focus()
    await page.keyboard.press('Space')
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 17, 21)')
    await page.emulateMedia({ colorScheme: 'light' })
    await saveScreenshot(page, 'settings-preferences-light.png')
  })

  it('sets the undo window, kept across reloads', async () => {
    await page.getByLabel('Undo window for replies').selectOption('10')
    await page.reload()
    await page.getByLabel('Undo window for replies').waitFor()
    expect(await page.getByLabel('Undo window for replies').inputValue()).toBe('10')
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('inbox-desk.settings'))) ?? '{}')).toMatchObject({ undoWindowSeconds: 10 })
  })
})

describe('offline & data', () => {
  it('warns about unsent changes before clearing the cache, then starts afresh', async () => {
    // A CommBox tag told to wait ten minutes stays in the outbox, unsent.
    await demo.control.addFault({ route: '/commbox/tags', mode: 'status429', retryAfterSeconds: 600, times: 1 })
    await run('New CommBox tag')
    await dialog('New CommBox tag').getByLabel('Tag name').waitFor()
    await page.keyboard.type('Waits in the outbox')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => dialog('New CommBox tag').getByRole('alert').textContent(), { timeout: 30_000 }).toContain('CommBox asked to slow down (429)')
    await page.keyboard.press('Escape')

    await page.getByRole('link', { name: 'Offline & data' }).focus()
    await page.keyboard.press('Enter')
    await page.getByLabel('Conversations kept offline').selectOption('500')
    await expect.poll(() => page.getByTestId('cache-stats').textContent()).toContain('1 unsent change')
    await page.getByRole('button', { name: 'Clear local cache' }).focus()
    await page.keyboard.press('Enter')
    const confirm = dialog('Clear the local cache?')
    await confirm.waitFor()
    expect(await confirm.getByTestId('unsent-warning').textContent()).toBe('One change in the outbox hasn’t been sent. Clearing the cache deletes it for good.')
    await saveScreenshot(page, 'settings-data-clear-light.png')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => toasts().textContent()).toContain('Local cache cleared')
    await expect.poll(() => page.getByTestId('cache-stats').textContent()).toContain('0 unsent changes')
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('inbox-desk.settings'))) ?? '{}')).toMatchObject({ offlineConversationLimit: 500 })
  })

  it('logged no page errors', () => {
    expect(app.pageErrors).toEqual([])
  })
})
