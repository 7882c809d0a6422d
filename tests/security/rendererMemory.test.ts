import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryCipher } from '../../src/main/auth/secretCipher'
import { createMemorySecretStore } from '../../src/main/auth/secretStore'
import { startBridge, type RunningBridge } from '../../src/main/bridge/httpBridge'
import { createMainServices, type MainServices } from '../../src/main/services'
import { SANDBOX_DEFAULTS, startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { launchChromium } from '../support/browser'
import { TEST_IDENTITY } from '../support/mainServices'
import { BUILT_RENDERER, requireBuild } from './support/builtApp'

/**
 * The renderer's memory, read from a V8 heap snapshot (Chromium DevTools protocol): after an
 * agent signs in through the form, the API key they typed is gone from the page's heap once
 * garbage is collected, and the CommBox token, which only main ever holds, is never there.
 * The browser preview is wired here as `npm run web` wires it, over the build in out/.
 */
const SECRETS = { apiKey: 'renderer-memory-api-key-0b9d61e4', commboxToken: 'renderer-memory-commbox-token-c3a7f2' }
const BRIDGE_TOKEN = 'renderer-memory-bridge-token'

let sandbox: RunningSandbox
let services: MainServices
let bridge: RunningBridge
let browser: Browser
let page: Page

beforeAll(async () => {
  requireBuild()
  sandbox = await startSandbox({ conversations: 40, ...SECRETS })
  services = createMainServices({ identity: TEST_IDENTITY, cipher: createMemoryCipher(), store: createMemorySecretStore(), startSandbox })
  bridge = await startBridge({ handlers: services.handlers, token: BRIDGE_TOKEN, staticDir: BUILT_RENDERER })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
})

afterAll(async () => {
  await browser?.close()
  await bridge?.close()
  await services?.demo.stop()
  await sandbox?.close()
})

/** The page's whole JavaScript heap, after a garbage collection, as the snapshot's JSON text. */
async function heapSnapshot(): Promise<string> {
  const devtools = await page.context().newCDPSession(page)
  const chunks: string[] = []
  devtools.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk))
  await devtools.send('HeapProfiler.enable')
  await devtools.send('HeapProfiler.collectGarbage')
  await devtools.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  await devtools.detach()
  return chunks.join('')
}

function secretForms(accountId: string, apiKey: string, token: string): string[] {
  return [apiKey, token, Buffer.from(`${accountId}:${apiKey}`).toString('base64')]
}

describe('the renderer’s memory', () => {
  it('holds no API key once the agent has signed in through the form', async () => {
    await page.goto(bridge.url)
    await page.waitForURL(/#\/sign-in/)
    await page.getByLabel('Account ID').fill(sandbox.options.accountId)
    await page.getByLabel('API key').fill(SECRETS.apiKey)
    await page.getByRole('radio', { name: 'Custom URL' }).check()
    await page.getByLabel('API base URL').fill(sandbox.oktopostBaseUrl)
    // While it is typed, the form holds the key, and the snapshot shows it: the search below can see a key.
    expect(await heapSnapshot()).toContain(SECRETS.apiKey)
    await page.keyboard.press('Enter')
    await page.getByTestId('conversation-list').getByRole('option').first().waitFor({ timeout: 30_000 })
    expect(await services.auth.setCommboxToken({ token: SECRETS.commboxToken, baseUrl: sandbox.commboxBaseUrl })).toMatchObject({ ok: true })

    const heap = await heapSnapshot()
    expect(heap.length).toBeGreaterThan(1_000_000)
    expect(heap).toContain(sandbox.options.accountId)
    for (const form of secretForms(sandbox.options.accountId, SECRETS.apiKey, SECRETS.commboxToken)) expect(heap).not.toContain(form)
  })

  it('never holds the demo workspace’s key either', async () => {
    expect(await services.demo.start()).toMatchObject({ ok: true })
    await page.reload()
    await page.getByTestId('conversation-list').getByRole('option').first().waitFor({ timeout: 30_000 })
    const heap = await heapSnapshot()
    for (const form of secretForms(SANDBOX_DEFAULTS.accountId, SANDBOX_DEFAULTS.apiKey, SANDBOX_DEFAULTS.commboxToken)) expect(heap).not.toContain(form)
  })
})
