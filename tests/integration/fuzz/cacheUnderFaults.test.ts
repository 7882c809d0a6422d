import { randomUUID } from 'node:crypto'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { InboxDatabase } from '../../../src/renderer/db/database'
import { createIpcClient } from '../../../src/renderer/ipc/client'
import { enqueue } from '../../../src/renderer/sync/outbox/enqueue'
import { refreshView } from '../../../src/renderer/sync/pull/conversationSync'
import { refreshReferenceData } from '../../../src/renderer/sync/pull/referenceSync'
import { loadOlderTimeline, refreshTimeline, type ReadTimeline } from '../../../src/renderer/sync/pull/timelineSync'
import { createIpcRemote, type SyncRemote } from '../../../src/renderer/sync/remote'
import type { Result } from '../../../src/shared/result'
import type { FaultMode } from '../../support/sandboxControl'
import { inProcessApi, ME_ID } from '../../support/sync/harness'
import { signedInMain, type SignedInMain } from './support/signedIn'

/**
 * The renderer's pull functions (IndexedDB from fake-indexeddb, main's real handlers, the
 * sandbox) against spoiled answers: each refresh reports its error and leaves the cache
 * exactly as it was, byte for byte, outbox included; once the network behaves, it works again.
 */
/** main's own deadline is 30 s; while an answer drips, the test gives up on it sooner. */
const DRIP_DEADLINE_MS = 100
const LONG_POST = 'eit000000000002'
const noYield = async () => {}

let main: SignedInMain
let db: InboxDatabase
let remote: SyncRemote
let read: ReadTimeline
const now = Date.UTC(2026, 10, 21, 9, 0, 0)

let isDripping = false

/** While answers drip, fetch gets a short deadline, standing in for main's 30-second one. */
const fetchWithDeadline: typeof fetch = (input, init) => {
  if (!isDripping) return fetch(input, init)
  const signals = [init?.signal, AbortSignal.timeout(DRIP_DEADLINE_MS)].filter((signal): signal is AbortSignal => signal instanceof AbortSignal)
  return fetch(input, { ...init, signal: AbortSignal.any(signals) })
}

beforeAll(async () => {
  // Retries of reads wait a random share of their backoff: drawing 0 makes them immediate.
  vi.spyOn(Math, 'random').mockReturnValue(0)
  main = await signedInMain({ fetch: fetchWithDeadline, sandbox: { conversations: 150 } })
  remote = createIpcRemote(createIpcClient(inProcessApi(main.services)))
  read = (conversationId, lastLoadedId) => remote.timelinePage(conversationId, lastLoadedId, 'user')
  db = new InboxDatabase(`cache-under-faults-${randomUUID()}`, { indexedDB, IDBKeyRange })
  await db.open()
  for (const pull of Object.values(pulls)) expectOk(await pull.run())
  const queued = await enqueue(db, { kind: 'note', conversationId: 'eit000000000001', note: 'queued before the faults' }, { now, newId: randomUUID, meId: ME_ID, isOffline: true, undoWindowMs: 0 })
  expectOk(queued)
})

afterAll(async () => {
  vi.restoreAllMocks()
  db?.close()
  await indexedDB.deleteDatabase(db.name)
  await main?.close()
})

function expectOk(result: Result<unknown>): void {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`)
}

/** Every row of every table, in key order. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const))
  return Object.fromEntries(tables)
}

/** Each pull, and the route whose answer is spoiled (reference data reads four lists; one of them fails). */
const pulls: Record<string, { route: string; run: () => Promise<Result<unknown>> }> = {
  view: { route: 'GET /v2/conversation', run: () => refreshView(db, remote, { statuses: ['open'] }, 'user', noYield) },
  timeline: { route: 'GET /v2/conversation/:id/timeline', run: () => refreshTimeline(db, read, LONG_POST, now) },
  olderTimeline: { route: 'GET /v2/conversation/:id/timeline', run: () => loadOlderTimeline(db, read, LONG_POST, now) },
  referenceData: { route: 'GET /v2/user', run: () => refreshReferenceData(db, remote, 'background') },
}

const MODES: { mode: FaultMode; kinds: string[] }[] = [
  { mode: 'malformedJson', kinds: ['invalidResponse'] },
  { mode: 'wrongTypes', kinds: ['invalidResponse'] },
  { mode: 'missingFields', kinds: ['invalidResponse'] },
  { mode: 'hugeBody', kinds: ['invalidResponse'] },
  // The stand-in deadline aborts the read, which main reports as a network failure of a GET.
  { mode: 'slowDrip', kinds: ['network', 'timeout'] },
  { mode: 'cutMidBody', kinds: ['network'] },
  { mode: 'status500', kinds: ['server'] },
]

describe('the cache under spoiled answers', () => {
  for (const { mode, kinds } of MODES) {
    it(`keeps every table as it was when answers come back as ${mode}`, async () => {
      for (const [name, pull] of Object.entries(pulls)) {
        await main.control.addFault({ route: pull.route, mode, latencyMs: 40 })
        const before = await snapshot()
        isDripping = mode === 'slowDrip'
        const result = await pull.run()
        isDripping = false
        await main.control.clearFaults()
        expect(result.ok ? 'ok' : result.error.kind, name).toBeOneOf(kinds)
        expect(await snapshot(), name).toEqual(before)
      }
    })
  }

  it('refreshes normally again once the answers are sound, and the queued change is still there', async () => {
    for (const pull of Object.values(pulls)) expectOk(await pull.run())
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'queued', operation: { kind: 'note', note: 'queued before the faults' } }])
  })
})
