import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { inboxDatabaseNames } from '../support/appInPage'
import { saveScreenshot, startAppSession, type AppSession } from '../support/appSession'
import { sandboxControl } from '../support/sandboxControl'

const ACCOUNT_ID = '00A0000000DEMO1'
const API_KEY = 'sandbox-api-key'

let sandbox: RunningSandbox
let app: AppSession
let page: Page

/** Types into the focused field, replacing what was there. */
async function retype(text: string): Promise<void> {
  await page.keyboard.press('Control+a')
  if (text === '') await page.keyboard.press('Backspace')
  else await page.keyboard.type(text)
}

/** Fills the form the way an agent would: type, Tab, arrows for the data centre, Enter. */
async function signInWith(fields: { accountId: string; apiKey: string; customUrl: string }): Promise<void> {
  await page.getByLabel('Account ID').focus()
  await retype(fields.accountId)
  await page.keyboard.press('Tab')
  await retype(fields.apiKey)
  await page.keyboard.press('Tab')
  while ((await page.getByRole('radio', { name: 'Custom URL' }).isChecked()) === false) await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Tab')
  await retype(fields.customUrl)
  await page.keyboard.press('Enter')
}

const alert = () => page.getByRole('alert')

beforeAll(async () => {
  sandbox = await startSandbox({ conversations: 40 })
  // A refused sign-in is an HTTP 200 from the bridge, so the page reports no error for it.
  app = await startAppSession()
  page = app.page
})

afterAll(async () => {
  await app?.close()
  await sandbox?.close()
})

describe('signing in', () => {
  it('opens on the sign-in screen when nobody is signed in', async () => {
    await page.goto(app.preview.url)
    await page.waitForURL(/#\/sign-in/)
    await page.getByRole('heading', { name: 'Sign in to Oktopost' }).waitFor()
    expect(await page.getByRole('radio', { name: 'US', exact: true }).isChecked()).toBe(true)
    expect(await page.getByText('api.oktopost.com').isVisible()).toBe(true)
    await saveScreenshot(page, 'sign-in.png')
    await page.emulateMedia({ colorScheme: 'dark' })
    await saveScreenshot(page, 'sign-in-dark.png')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('explains missing fields under each field and moves focus to the first', async () => {
    await page.getByLabel('Account ID').focus()
    await page.keyboard.press('Enter')
    await page.getByText('Enter the Account ID').waitFor()
    expect(await page.getByText('Enter the API key').isVisible()).toBe(true)
    expect(await page.getByLabel('Account ID').getAttribute('aria-invalid')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('accountId')
  })

  it('shows that it is busy, then says that Oktopost refused the key', async () => {
    await sandboxControl(sandbox.url).addFault({ route: 'GET /v2/me', mode: 'latency', latencyMs: 1500, times: 1 })
    await signInWith({ accountId: ACCOUNT_ID, apiKey: 'not-the-key', customUrl: sandbox.url })
    const busyButton = page.getByRole('button', { name: 'Checking your key…' })
    await busyButton.waitFor()
    expect(await busyButton.isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Try the demo workspace' }).isDisabled()).toBe(true)
    await alert().waitFor()
    expect(await alert().textContent()).toContain('Oktopost didn’t accept this Account ID and API key')
    expect(await page.getByLabel('API key').getAttribute('aria-invalid')).toBe('true')
    await saveScreenshot(page, 'sign-in-refused.png')
  })

  it('says which host it could not reach', async () => {
    await signInWith({ accountId: ACCOUNT_ID, apiKey: API_KEY, customUrl: 'http://127.0.0.1:9' })
    await expect.poll(() => alert().textContent()).toContain('Couldn’t reach 127.0.0.1:9')
    expect(await page.getByLabel('API base URL').getAttribute('aria-invalid')).toBe('true')
  })

  it('refuses plain http to another computer, under the URL field', async () => {
    await signInWith({ accountId: ACCOUNT_ID, apiKey: API_KEY, customUrl: 'http://proxy.example.com/v2' })
    await page.getByText('Use https').waitFor()
    expect(await page.getByLabel('API base URL').getAttribute('aria-invalid')).toBe('true')
  })

  it('signs in with a good key and lands in the inbox, showing who is signed in', async () => {
    await signInWith({ accountId: ACCOUNT_ID, apiKey: API_KEY, customUrl: sandbox.url })
    await page.waitForURL(/#\/view\/inbox/)
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toMatch(/\w+/)
  })

  it('signs out from the palette after asking, deleting the cache and the unsent change in it when told to', async () => {
    const cacheName = `inbox-desk:${sandbox.url}:${ACCOUNT_ID}`
    // Oktopost fails every time it is tried: the note stays in the outbox, unsent. (Not a 429: its
    // Retry-After would hold main's shared rate limiter, and the demo workspace below with it.)
    await sandboxControl(sandbox.url).addFault({ route: 'POST /v2/conversation/:id/note', mode: 'status500' })
    const conversation = page.getByRole('region', { name: 'Conversation', exact: true })
    await page.getByTestId('conversation-list').getByRole('option').first().waitFor()
    await page.keyboard.press('o')
    await conversation.getByRole('feed', { name: 'Timeline' }).getByRole('article').first().waitFor()
    await page.keyboard.press('n')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/Internal note/)
    await page.keyboard.type('Goes with the cache')
    await page.keyboard.press('Control+Enter')
    await conversation.getByRole('article').filter({ hasText: 'Goes with the cache' }).waitFor()
    await page.getByText('1 queued', { exact: true }).waitFor()
    expect(await inboxDatabaseNames(page)).toContain(cacheName)

    await page.keyboard.press('Control+k')
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor()
    await page.keyboard.type('sign out')
    await page.keyboard.press('Enter')
    const confirm = page.getByRole('dialog', { name: /^Sign out of / })
    await confirm.waitFor()
    const warning = confirm.getByTestId('unsent-warning')
    expect(await warning.textContent()).toContain('One change in this account’s outbox hasn’t been sent, and won’t be while you are signed out.')
    expect(await confirm.getByRole('checkbox').isChecked()).toBe(false)
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Space')
    expect(await confirm.getByRole('checkbox').isChecked()).toBe(true)
    expect(await warning.textContent()).toContain('One change in this account’s outbox hasn’t been sent. Deleting the cache deletes it for good.')
    await saveScreenshot(page, 'sign-out-delete-cache-unsent.png')
    await page.keyboard.press('Control+Enter')

    await page.waitForURL(/#\/sign-in/)
    await page.getByRole('heading', { name: 'Sign in to Oktopost' }).waitFor()
    await expect.poll(() => page.getByTestId('toasts').textContent()).toMatch(/Signed out of .+ and deleted its cache from this computer/)
    expect(await inboxDatabaseNames(page)).not.toContain(cacheName)
    await sandboxControl(sandbox.url).clearFaults()
  })

  it('opens the demo workspace from the keyboard and returns to the page the agent asked for', async () => {
    await page.goto(`${app.preview.url}#/view/closed`)
    await page.waitForURL(/#\/sign-in\?redirect=/)
    await page.getByRole('button', { name: 'Try the demo workspace' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/view\/closed/, { timeout: 30_000 })
    await page.getByRole('heading', { name: 'Closed' }).waitFor()
  })

  it('logged no page errors', () => {
    expect(app.pageErrors).toEqual([])
  })
})
