import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSIONS } from '../../src/renderer/db/database'
import { outboxEntrySchema, type OutboxEntry } from '../../src/renderer/sync/outbox/entry'
import type { ConversationStatus } from '../../src/shared/domain/conversation'
import { invokeInPage, isBackingStoreRefusal, readInboxCache, type CacheSnapshot } from '../support/appInPage'
import { collectPageErrors } from '../support/appSession'
import { launchKillableChromium, temporaryProfile, type KillableChromium } from '../support/killableChromium'
import { sandboxControl, type LedgerEntry, type SandboxControl } from '../support/sandboxControl'
import { startWebPreview, type RunningPreview } from '../support/webPreview'

/**
 * Crash consistency in a real browser: Debian's Chromium on a persistent profile, killed with
 * SIGKILL (browser, renderer and storage service at once) while the app pulls the conversation
 * list into IndexedDB and while its outbox drains, then started again on the same profile with
 * the same preview (main keeps its session in memory). After every kill the cache is read with
 * plain IndexedDB before the app runs: it opens at the current schema, every row is whole, a
 * pull's write is all there or not at all, and every queued note is still queued exactly once.
 * In the end the cache matches the sandbox and the sandbox's ledger has every note exactly once.
 *
 * One outcome is Chromium's, not the app's: a kill inside a large commit can leave LevelDB's log
 * torn, and Chromium then refuses the whole store ("Internal error opening backing store", with
 * "Corruption: checksum mismatch" in its log) and deletes it at its next start. A pull's kill may
 * meet that; the app must then say so and start the cache afresh. The outbox's kills may not:
 * its writes are small, and a torn store there would lose the queued notes, which fails the test.
 *
 * The preview runs with `--relaxed-rate-limits`: against the sandbox (which has no limit) it lifts
 * main's 57-calls-a-minute limiter, which the eight relaunches' refreshes would otherwise fill.
 */
const DEMO_API_KEY = 'sandbox-api-key'
const PROBE_PATH = '__crash-probe'
/** Each page of the list takes this long, so a pull is seen coming and the kill lands around its write. */
const LIST_LATENCY_MS = 250
/** While the notes are typed the sandbox is slower still, so most of them are left when the kills begin. */
const TYPING_LATENCY_MS = 2_000
/**
 * Then every note sits this long at the sandbox: most kills find one in flight. It stays shorter
 * than a relaunch (about 1.5 s here), so main has finished a dead page's request by the time the
 * next page checks the timeline. A restart quicker than the request is covered by main sending
 * each change once (src/main/ipc/sendOnce.ts), which tests/security/crashMidDrain.test.ts kills for.
 */
const NOTE_LATENCY_MS = 500
/**
 * When each mid-ingest kill comes after the last page of the list is seen arriving. The page has
 * opened its write transaction by then, and it commits some 20 ms later on this machine: the
 * first kills land inside it, the last one just after it.
 */
const INGEST_KILL_OFFSETS_MS = [0, 10, 25]
/** When each mid-drain kill comes after a launch has delivered two notes, spread over the next one's flight. */
const DRAIN_KILL_OFFSETS_MS = [0, 120, 240, 360, 480]
/**
 * All in one conversation, so they leave one at a time (the outbox sends different conversations
 * side by side), each in flight for NOTE_LATENCY_MS, and the counts delivered before each kill
 * stay readable.
 */
const NOTES = 30
/** Closed conversations a customer writes to before the third pull, which re-opens them. */
const REOPENED = 12

let preview: RunningPreview
const profile = temporaryProfile('inbox-desk-crash-profile-')
let chrome: KillableChromium | null = null
let sandbox: { origin: string; control: SandboxControl }
const appErrors: string[] = []

beforeAll(async () => {
  preview = await startWebPreview(['--sandbox', '--relaxed-rate-limits'])
  // Where the demo workspace's sandbox listens, asked from the preview's origin before the app ever runs there.
  const { page } = await launch()
  const status = (await invokeInPage(page, 'auth:status')) as { value: { oktopost: { endpoint: { baseUrl: string } } } }
  const origin = new URL(status.value.oktopost.endpoint.baseUrl).origin
  sandbox = { origin, control: sandboxControl(origin) }
})

afterAll(async () => {
  await chrome?.close()
  profile.remove()
  await preview?.stop()
})

const listCount = (page: Page) => page.getByText(/^[\d,]+ conversations?$/).textContent()

/**
 * Starts Chromium on the profile, on a blank page of the app's origin (served by the browser
 * itself, never by the preview) from which the cache is read before the app runs.
 */
async function launch(): Promise<{ page: Page; cache: CacheSnapshot | null; torn: string | null }> {
  // One browser per profile: one still running from an earlier step is closed cleanly first.
  await chrome?.close()
  chrome = await launchKillableChromium(profile.dir)
  await chrome.context.route(`${preview.url}${PROBE_PATH}`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>probe</title>' }))
  const page = chrome.context.pages()[0] ?? (await chrome.context.newPage())
  collectPageErrors(page, appErrors)
  await page.goto(`${preview.url}${PROBE_PATH}`)
  try {
    return { page, cache: await readInboxCache(page), torn: null }
  } catch (error) {
    if (!isBackingStoreRefusal(error)) throw error
    return { page, cache: null, torn: (error as Error).message }
  }
}

/**
 * What the agent meets when Chromium would not open the store a kill tore. Chromium then either
 * opens it again a moment later (without the torn commit), or gives up on it and deletes it. So
 * the app either opens it as it was, or says the cache would not open (after trying again a few
 * times) and on request deletes it and downloads the inbox again, or finds its cache gone and
 * says, until dismissed, that it was lost with whatever the outbox held. Never silence over a
 * loss. The browser is then closed cleanly and started again, so the next step begins, like
 * every other, from a cache read before the app runs.
 */
async function startAfreshAfterTornStore(page: Page, openCount: number): Promise<{ page: Page; cache: CacheSnapshot | null; told: string }> {
  await page.goto(`${preview.url}#/view/inbox`)
  const unavailable = page.getByTestId('cache-unavailable')
  const lost = page.getByTestId('toasts').getByText('The cache on this computer was gone when Inbox Desk opened', { exact: false })
  const isListed = async () => (await page.getByTestId('conversation-list').count()) > 0 && (await listCount(page)) === `${openCount} conversations`
  await expect.poll(async () => (await unavailable.isVisible()) || (await lost.isVisible()) || (await isListed()), { timeout: 30_000 }).toBe(true)
  let told = 'nothing: it opened the store Chromium had come back to'
  if (await unavailable.isVisible()) {
    told = 'the cache would not open'
    expect(await unavailable.textContent()).toContain('Internal error opening backing store')
    await page.getByRole('button', { name: 'Delete the cache and download it again…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete and download again' }).click()
  } else if (await lost.isVisible()) {
    told = 'the cache was lost'
  }
  await expect.poll(() => listCount(page), { timeout: 30_000 }).toBe(`${openCount} conversations`)
  const launched = await launch()
  expect(launched.torn).toBeNull()
  return { ...launched, told }
}

async function kill(): Promise<void> {
  await chrome?.kill()
  chrome = null
}

/** The crash comes `offsetMs` after the moment it is pinned to; that offset is the point of the test, not a wait. */
function after(offsetMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, offsetMs))
}

function expectOpensWhole(cache: CacheSnapshot | null): asserts cache is CacheSnapshot {
  expect(cache).not.toBeNull()
  const latest = SCHEMA_VERSIONS.at(-1)!
  expect(cache!.version).toBe(latest.version * 10)
  expect([...cache!.stores].sort()).toEqual(Object.keys(latest.stores).sort())
  const broken = cache!.conversations.filter(
    (row) =>
      typeof row.id !== 'string' ||
      (row.status !== 'open' && row.status !== 'closed') ||
      typeof row.sortAt !== 'string' ||
      typeof row.network !== 'string' ||
      !Array.isArray(row.tagNames),
  )
  expect(broken).toEqual([])
}

function countByStatus(cache: CacheSnapshot | null): Record<ConversationStatus, number> {
  const rows = cache?.conversations ?? []
  return { open: rows.filter((row) => row.status === 'open').length, closed: rows.filter((row) => row.status === 'closed').length }
}

function idsWithStatus(cache: CacheSnapshot, status: ConversationStatus): string[] {
  return cache.conversations
    .filter((row) => row.status === status)
    .map((row) => String(row.id))
    .sort()
}

/** Every conversation of one status, as the sandbox has it now. */
async function sandboxIds(status: ConversationStatus): Promise<string[]> {
  const ids: string[] = []
  for (let page = 0; ; page++) {
    const response = await fetch(`${sandbox.origin}/v2/conversation?status=${status}&_count=100&_page=${page}`, {
      headers: { authorization: `Basic ${Buffer.from(`00A0000000DEMO1:${DEMO_API_KEY}`).toString('base64')}` },
    })
    const body = (await response.json()) as { Conversations: { Total: number; Items: { Id: string }[] } }
    ids.push(...body.Conversations.Items.map((item) => item.Id))
    if (ids.length >= body.Conversations.Total || body.Conversations.Items.length === 0) return ids.sort()
  }
}

/** Resolves when the answer with the last page of a pull of this status has reached the page. */
function lastListPage(page: Page, status: ConversationStatus): Promise<void> {
  return new Promise((resolve) => {
    const onFinished = async (request: Request) => {
      try {
        const sent = request.url().endsWith('/__bridge/invoke') ? (request.postDataJSON() as { channel: string; payload: { statuses?: string[]; page?: number; count?: number } }) : null
        if (sent?.channel !== 'conversation:list' || !sent.payload.statuses?.includes(status)) return
        const answer = (await (await request.response())?.json()) as { ok: boolean; value?: { items: unknown[]; total: number } }
        const { page: index = 0, count = 100 } = sent.payload
        if (!answer.ok || !answer.value || (answer.value.items.length === count && (index + 1) * count < answer.value.total)) return
        page.off('requestfinished', onFinished)
        resolve()
      } catch {
        // The page went away mid-answer: this was not the one.
      }
    }
    page.on('requestfinished', onFinished)
  })
}


describe('killed while pulling the conversation list into IndexedDB', () => {
  it(`opens whole after each of ${INGEST_KILL_OFFSETS_MS.length} kills (or the app recovers a store Chromium found torn) and matches the sandbox`, async () => {
    let { page, cache } = await launch()
    expect(cache).toBeNull()
    await sandbox.control.addFault({ route: 'GET /v2/conversation', mode: 'latency', latencyMs: LIST_LATENCY_MS })
    const closedBefore = await sandboxIds('closed')
    // Inbox and Closed each start from no rows at all; the second Inbox pull brings re-opened ones too.
    const pulls: { view: 'inbox' | 'closed'; status: ConversationStatus; before?: () => Promise<unknown> }[] = [
      { view: 'inbox', status: 'open' },
      { view: 'closed', status: 'closed' },
      {
        view: 'inbox',
        status: 'open',
        before: () => Promise.all(closedBefore.slice(0, REOPENED).map((conversationId) => sandbox.control.inbound({ conversationId, from: 'customer', content: 'Still there?' }))),
      },
    ]
    const landed: string[] = []
    let previous = countByStatus(cache)
    for (const [index, pull] of pulls.entries()) {
      await pull.before?.()
      const total = (await sandboxIds(pull.status)).length
      const arrived = lastListPage(page, pull.status)
      await page.goto(`${preview.url}#/view/${pull.view}`)
      await arrived
      await after(INGEST_KILL_OFFSETS_MS[index]!)
      await kill()
      const launched = await launch()
      ;({ page, cache } = launched)
      // Chromium refusing the store a kill tore, or having dropped it already: no cache at all.
      if (launched.torn !== null || launched.cache === null) {
        const recovered = await startAfreshAfterTornStore(page, (await sandboxIds('open')).length)
        ;({ page, cache } = recovered)
        expectOpensWhole(cache)
        landed.push(`inside the commit: Chromium found its store torn; the app said ${recovered.told}`)
        previous = countByStatus(cache)
        continue
      }
      expectOpensWhole(cache)
      const now = countByStatus(cache)
      // One chunk's transaction: the view's rows are all written or none are.
      expect([previous[pull.status], total]).toContain(now[pull.status])
      landed.push(now[pull.status] === total ? 'after the write committed' : 'before the write committed')
      previous = now
    }
    console.info(`mid-ingest kills landed: ${landed.join('; ')}`)

    await sandbox.control.clearFaults()
    const [openIds, closedIds] = await Promise.all([sandboxIds('open'), sandboxIds('closed')])
    await page.goto(`${preview.url}#/view/inbox`)
    await expect.poll(() => listCount(page), { timeout: 30_000 }).toBe(`${openIds.length} conversations`)
    await page.keyboard.press('g')
    await page.keyboard.press('c')
    await expect.poll(() => listCount(page), { timeout: 30_000 }).toBe(`${closedIds.length} conversations`)
    const reader = await chrome!.context.newPage()
    await reader.goto(`${preview.url}${PROBE_PATH}`)
    const settled = await readInboxCache(reader)
    expectOpensWhole(settled)
    expect(idsWithStatus(settled, 'open')).toEqual(openIds)
    expect(idsWithStatus(settled, 'closed')).toEqual(closedIds)
    await reader.close()
    expect(appErrors).toEqual([])
  }, 90_000)
})

describe('a store Chromium finds torn', () => {
  it('is refused after the kill; the app opens it again, or says what became of it and starts afresh', async () => {
    await kill()
    // What a kill inside a large commit can leave: a LevelDB log record whose checksum fails.
    tearStoreLog()
    const launched = await launch()
    // Refused, or (Chromium having given up on it between tries) gone.
    expect(launched.torn ?? (launched.cache === null ? 'gone' : 'opened')).toMatch(/Internal error opening backing store|gone/)
    const openIds = await sandboxIds('open')
    const { cache, told } = await startAfreshAfterTornStore(launched.page, openIds.length)
    console.info(`after a torn store the app said: ${told}`)
    expectOpensWhole(cache)
    expect(idsWithStatus(cache, 'open')).toEqual(openIds)
    expect(appErrors).toEqual([])
  }, 90_000)
})

/** Overwrites the middle of the biggest LevelDB log of the profile's only IndexedDB store. */
function tearStoreLog(): void {
  const root = path.join(profile.dir, 'Default', 'IndexedDB')
  const stores = fs.readdirSync(root).filter((name) => name.endsWith('.indexeddb.leveldb'))
  expect(stores).toHaveLength(1)
  const dir = path.join(root, stores[0]!)
  const [log] = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .map((name) => ({ file: path.join(dir, name), size: fs.statSync(path.join(dir, name)).size }))
    .sort((a, b) => b.size - a.size)
  expect(log?.size).toBeGreaterThan(4_096)
  const handle = fs.openSync(log!.file, 'r+')
  try {
    fs.writeSync(handle, Buffer.alloc(512, 0xa5), 0, 512, Math.floor(log!.size / 2))
  } finally {
    fs.closeSync(handle)
  }
}

describe('killed while the outbox drains', () => {
  const runId = randomUUID().slice(0, 8)
  const texts = Array.from({ length: NOTES }, (_, index) => `Crash drain ${runId} note ${String(index + 1).padStart(2, '0')}`)
  const isOurs = new Set(texts)

  function notesIn(ledger: LedgerEntry[]): string[] {
    return ledger.filter((row) => /^\/v2\/conversation\/[^/]+\/note$/.test(row.path) && isOurs.has(String(row.params['note']))).map((row) => String(row.params['note']))
  }

  function copiesOf(notes: string[]): Map<string, number> {
    const copies = new Map<string, number>()
    for (const note of notes) copies.set(note, (copies.get(note) ?? 0) + 1)
    return copies
  }

  function expectNothingLost(cache: CacheSnapshot): OutboxEntry[] {
    const parsed = cache.outbox.map((row) => outboxEntrySchema.safeParse(row))
    expect(parsed.filter((result) => !result.success)).toEqual([])
    const entries = parsed.flatMap((result) => (result.success ? [result.data] : []))
    const queuedTexts = entries.map((entry) => (entry.operation.kind === 'note' ? entry.operation.note : '')).filter((text) => isOurs.has(text))
    expect(queuedTexts.sort()).toEqual([...texts].sort())
    return entries
  }

  async function expectNothingTwice(): Promise<number> {
    const delivered = notesIn(await sandbox.control.ledger())
    expect([...copiesOf(delivered)].filter(([, copies]) => copies > 1)).toEqual([])
    return delivered.length
  }

  /** Writes the notes from the keyboard, in the first conversation of the Inbox. */
  async function queueNotes(page: Page): Promise<void> {
    const pane = page.getByRole('region', { name: 'Conversation', exact: true })
    await page.getByTestId('conversation-list').getByRole('option').first().waitFor({ timeout: 30_000 })
    await page.keyboard.press('o')
    await pane.getByRole('feed', { name: 'Timeline' }).getByRole('article').first().waitFor()
    for (const text of texts) {
      await page.keyboard.press('n')
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/Internal note/)
      await page.keyboard.type(text)
      await page.keyboard.press('Control+Enter')
      // Shown once the outbox entry and its optimistic note are committed together.
      await pane.getByRole('article').filter({ hasText: text }).waitFor()
    }
  }

  it(`sends every queued note exactly once through ${DRAIN_KILL_OFFSETS_MS.length} kills`, async () => {
    let { page } = await launch()
    const noteRoute = 'POST /v2/conversation/:id/note'
    await sandbox.control.addFault({ route: noteRoute, mode: 'latency', latencyMs: TYPING_LATENCY_MS })
    await page.goto(`${preview.url}#/view/inbox`)
    await queueNotes(page)
    await sandbox.control.clearFaults()
    await sandbox.control.addFault({ route: noteRoute, mode: 'latency', latencyMs: NOTE_LATENCY_MS })

    let killedMidSend = 0
    const deliveredAtKills: number[] = []
    for (const offset of DRAIN_KILL_OFFSETS_MS) {
      const deliveredBefore = await expectNothingTwice()
      expect(deliveredBefore).toBeLessThan(NOTES - 2)
      deliveredAtKills.push(deliveredBefore)
      await expect.poll(() => sandbox.control.ledger().then((ledger) => notesIn(ledger).length), { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(deliveredBefore + 2)
      await after(offset)
      await kill()
      let cache: CacheSnapshot | null
      let torn: string | null
      ;({ page, cache, torn } = await launch())
      // The queued notes live in that store: Chromium giving up on it would lose them.
      expect(torn).toBeNull()
      expectOpensWhole(cache)
      const entries = expectNothingLost(cache)
      if (entries.some((entry) => entry.state === 'sending')) killedMidSend += 1
      await expectNothingTwice()
      await page.goto(`${preview.url}#/view/inbox`)
    }
    console.info(`mid-drain kills that found a note in flight: ${killedMidSend} of ${DRAIN_KILL_OFFSETS_MS.length}; notes delivered before each: ${deliveredAtKills.join(', ')} of ${NOTES}`)
    expect(killedMidSend).toBeGreaterThan(0)

    await expect.poll(() => sandbox.control.ledger().then((ledger) => notesIn(ledger).length), { timeout: 30_000, interval: 100 }).toBe(NOTES)
    const reader = await chrome!.context.newPage()
    await reader.goto(`${preview.url}${PROBE_PATH}`)
    await expect
      .poll(async () => expectNothingLost((await readInboxCache(reader))!).filter((entry) => entry.state !== 'done').length, { timeout: 30_000 })
      .toBe(0)
    expect([...copiesOf(notesIn(await sandbox.control.ledger())).values()]).toEqual(texts.map(() => 1))
    await reader.close()
    expect(appErrors).toEqual([])
  }, 90_000)
})
