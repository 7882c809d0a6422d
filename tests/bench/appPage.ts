import type { BrowserContext, Page, Request } from 'playwright-core'
import { BRIDGE_INVOKE_PATH } from '../../src/shared/ipc/transport'

/** One call the page made over the preview's bridge, as the browser timed it. */
export interface BridgeCall {
  channel: string
  startedAt: number
  endedAt: number
}

/** Every bridge call of a page: how many are in flight, and the finished ones with their timing. */
export class BridgeTraffic {
  readonly calls: BridgeCall[] = []
  private inFlight = 0
  private lastActivityAt = Date.now()

  constructor(page: Page) {
    const isBridge = (request: Request) => new URL(request.url()).pathname === BRIDGE_INVOKE_PATH
    page.on('request', (request) => {
      if (!isBridge(request)) return
      this.inFlight++
      this.lastActivityAt = Date.now()
    })
    page.on('requestfinished', (request) => {
      if (!isBridge(request)) return
      this.settle()
      const timing = request.timing()
      const channel = (request.postDataJSON() as { channel?: string } | null)?.channel ?? 'unknown'
      this.calls.push({ channel, startedAt: timing.startTime, endedAt: timing.startTime + timing.responseEnd })
    })
    page.on('requestfailed', (request) => {
      if (isBridge(request)) this.settle()
    })
  }

  private settle(): void {
    this.inFlight--
    this.lastActivityAt = Date.now()
  }

  /** Resolves once a call on `channel` has finished, among the calls from position `since` on. */
  async called(channel: string, since: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!this.calls.slice(since).some((call) => call.channel === channel)) {
      if (Date.now() > deadline) throw new Error(`The app made no ${channel} call within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  /** Resolves once no call has been in flight for `quietMs`: the app's background sync has settled. */
  async quiet(quietMs = 1_000, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (this.inFlight > 0 || Date.now() - this.lastActivityAt < quietMs) {
      if (Date.now() > deadline) throw new Error(`The app's bridge traffic did not settle within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

export interface AppPage {
  page: Page
  traffic: BridgeTraffic
}

/** Opens the app and waits until its list has read the whole cache (it is busy until then). */
export async function openApp(context: BrowserContext, appUrl: string): Promise<AppPage> {
  const page = await context.newPage()
  const traffic = new BridgeTraffic(page)
  page.on('pageerror', (error) => console.error(`[app page] ${error.message}`))
  await page.goto(appUrl)
  await listComplete(page)
  return { page, traffic }
}

export async function listComplete(page: Page): Promise<void> {
  const list = page.getByTestId('conversation-list')
  await list.getByRole('option').first().waitFor({ timeout: 60_000 })
  await page.locator('[data-testid="conversation-list"]:not([aria-busy])').waitFor({ timeout: 120_000 })
}

export function cursorId(page: Page): Promise<string | null> {
  return page.getByTestId('conversation-list').locator('[data-cursor]').getAttribute('data-conversation-id')
}
