import { randomUUID } from 'node:crypto'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { InboxDatabase, SCHEMA_VERSIONS } from '../../src/renderer/db/database'
import { toConversationRow } from '../../src/renderer/db/rows'
import { createIpcClient } from '../../src/renderer/ipc/client'
import { resend } from '../../src/renderer/sync/outbox/actions'
import { OutboxEngine } from '../../src/renderer/sync/outbox/engine'
import { enqueue } from '../../src/renderer/sync/outbox/enqueue'
import { outboxEntrySchema } from '../../src/renderer/sync/outbox/entry'
import type { Operation } from '../../src/renderer/sync/outbox/operations'
import { createIpcRemote, type SyncRemote } from '../../src/renderer/sync/remote'
import type { Conversation } from '../../src/shared/domain/conversation'
import { replyCapability } from '../../src/shared/replyRules'
import { Random } from '../integration/fuzz/support/random'
import { signedInMain, type SignedInMain } from '../integration/fuzz/support/signedIn'
import { ManualClock } from '../support/manualClock'
import type { LedgerEntry } from '../support/sandboxControl'
import { inProcessApi, ME_ID } from '../support/sync/harness'
import { CrashLink, type CrashPoint } from './support/crashLink'

/**
 * The renderer killed again and again while its outbox drains (IndexedDB from fake-indexeddb,
 * main's real handlers, the sandbox): just before a request leaves, just after (the next
 * renderer starts while main is still sending it), or after main handled it and before the
 * answer arrives. After every kill the database is closed as a dead process
 * leaves it and opened again by a fresh engine: it opens, every queued change is still there,
 * and in the end the sandbox's ledger shows each one applied once (set-style changes, which are
 * safe to repeat, at least once), or waiting for the agent with a reason; never lost.
 */
const CRASHES = 40
const random = new Random(20261121)
const clock = new ManualClock()

let main: SignedInMain
let remote: SyncRemote
/** What engines log: a killed engine's read of the database its process lost fails, and nothing else may. */
const logged: unknown[][] = []

beforeAll(async () => {
  main = await signedInMain({ sandbox: { conversations: 80, seed: 11 } })
  remote = createIpcRemote(createIpcClient(inProcessApi(main.services)))
  // Changes take a while to land, so a renderer killed just after sending starts again before they have.
  await main.control.addFault({ route: 'POST /*', mode: 'latency', latencyMs: 60 })
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args))
})

afterAll(async () => {
  vi.restoreAllMocks()
  await main?.close()
})

async function openDatabase(name: string): Promise<InboxDatabase> {
  const db = new InboxDatabase(name, { indexedDB, IDBKeyRange })
  await db.open()
  return db
}

describe('killed mid-drain', () => {
  const name = `crash-drain-${randomUUID()}`
  let db: InboxDatabase
  const queued: { id: string; operation: Operation }[] = []

  beforeAll(async () => {
    db = await openDatabase(name)
    const open = await remote.listConversations({ statuses: ['open'], count: 40 }, 'user')
    if (!open.ok) throw new Error(open.error.message)
    await db.conversations.bulkPut(open.value.items.map((conversation) => toConversationRow(conversation)))
    const repliable = open.value.items.filter((conversation) => replyCapability(conversation).canReply).slice(0, 8)
    const others = open.value.items.filter((conversation) => !repliable.includes(conversation)).slice(0, 8)
    for (let serial = 0; serial < 48; serial++) {
      const operation = nextOperation(serial, repliable, others)
      const result = await enqueue(db, operation, { now: clock.now(), newId: randomUUID, meId: ME_ID, isOffline: serial % 2 === 0, undoWindowMs: 0 })
      if (!result.ok) throw new Error(`not queued: ${JSON.stringify(result.error)}`)
      queued.push({ id: result.value.id, operation })
    }
  })

  afterAll(async () => {
    db.close()
    await indexedDB.deleteDatabase(name)
  })

  /** What a dead process leaves: its connection gone. Then the app starts again. */
  async function restart(link: CrashLink): Promise<OutboxEngine> {
    db.close()
    db = await openDatabase(name)
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version)
    const engine = new OutboxEngine({ db, remote: link.remoteForEngine(), clock, random: () => 0.5, meId: () => ME_ID })
    await engine.start()
    return engine
  }

  async function expectNothingLost(): Promise<void> {
    const rows = await db.outbox.toArray()
    expect(rows.map((row) => row.id).sort()).toEqual(queued.map((entry) => entry.id).sort())
    expect(rows.filter((row) => !outboxEntrySchema.safeParse(row).success)).toEqual([])
    expect(rows.filter((row) => row.state === 'sending')).toEqual([])
  }

  async function expectNothingTwice(): Promise<void> {
    const counts = ledgerCounts(await main.control.ledger())
    expect([...counts].filter(([, count]) => count > 1)).toEqual([])
  }

  /** What an agent does with what waits: held replies go anyway, a paused outbox resumes. */
  async function actOnWaiting(engine: OutboxEngine): Promise<void> {
    for (const entry of await db.outbox.where('state').equals('held').toArray()) await resend(db, entry.id, clock.now())
    if ((await db.outbox.where('state').equals('paused').count()) > 0) await engine.resumeAfterSignIn()
  }

  /** Runs the engine until the armed crash happens, or until nothing is left to send. */
  async function runUntilCrash(engine: OutboxEngine, link: CrashLink): Promise<'crashed' | 'drained'> {
    for (let round = 0; round < 100; round++) {
      engine.kick()
      const hasCrashed = await Promise.race([link.crashed.then(() => true), engine.whenIdle().then(() => false)])
      if (hasCrashed) return 'crashed'
      if ((await db.outbox.where('state').noneOf(['done', 'needsAttention']).count()) === 0) return 'drained'
      await actOnWaiting(engine)
      clock.advance(120_000)
    }
    throw new Error('the outbox neither drained nor reached the armed crash')
  }

  it(`loses nothing and sends nothing twice through ${CRASHES} kills`, async () => {
    const link = new CrashLink(remote)
    let crashes = 0
    while (crashes < CRASHES) {
      const engine = await restart(link)
      await expectNothingLost()
      link.arm(random.int(0, 2), random.pick<CrashPoint>(['beforeSend', 'whileSending', 'inFlight']))
      if ((await runUntilCrash(engine, link)) === 'drained') break
      crashes += 1
      await expectNothingTwice()
    }
    expect(crashes).toBeGreaterThanOrEqual(20)

    const calmLink = new CrashLink(remote)
    const engine = await restart(calmLink)
    expect(await runUntilCrash(engine, calmLink)).toBe('drained')
    await expectNothingLost()
    await expectNothingTwice()

    const ledger = await main.control.ledger()
    const counts = ledgerCounts(ledger)
    const verdicts = await Promise.all(
      queued.map(async ({ id, operation }) => {
        const entry = await db.outbox.get({ id })
        const key = textKey(operation)
        const delivered = key === null ? setStyleDeliveries(operation, ledger) : (counts.get(key) ?? 0)
        if (entry?.state === 'done') return delivered >= 1 ? 'delivered' : `done but not in the ledger: ${JSON.stringify(operation)}`
        if (entry?.state === 'needsAttention' && entry.lastError?.message) return 'waiting for the agent, with a reason'
        return `lost: ${JSON.stringify({ operation, state: entry?.state })}`
      }),
    )
    expect(verdicts.filter((verdict) => verdict !== 'delivered' && verdict !== 'waiting for the agent, with a reason')).toEqual([])
    expect(verdicts.filter((verdict) => verdict === 'delivered').length).toBeGreaterThan(queued.length * 0.75)
    expect(logged.map((args) => args.map(String).join(' ')).filter((line) => !line.includes('DatabaseClosedError'))).toEqual([])
  })
})

/** Unique texts, so the ledger can tell copies apart. */
function nextOperation(serial: number, repliable: Conversation[], others: Conversation[]): Operation {
  const tag = `crash-${serial}`
  const target = repliable[serial % repliable.length]!
  const other = others[serial % others.length]!
  switch (serial % 8) {
    case 0:
    case 1:
      return { kind: 'reply', conversationId: target.id, network: target.network, itemType: target.itemType, message: `reply ${tag}` }
    case 2:
      return { kind: 'note', conversationId: target.id, note: `note ${tag}` }
    case 3:
      return { kind: 'setStatus', conversationId: other.id, status: serial % 16 === 3 ? 'closed' : 'open' }
    case 4:
      return { kind: 'assign', conversationId: other.id, assigneeId: '00A000000000003', note: `assign ${tag}` }
    case 5:
      return { kind: 'replaceTags', conversationId: other.id, tags: [`t-${tag}`] }
    case 6:
      return { kind: 'createCannedResponse', name: `canned ${tag}`, content: `content ${tag}`, visibility: 'shared' }
    default:
      return { kind: 'createCommboxTag', input: { name: `commbox ${tag}`, type: 1, tagGroupId: 0, objectTag: true, userTag: false, childTag: false } }
  }
}

function textKey(operation: Operation): string | null {
  switch (operation.kind) {
    case 'reply':
      return operation.message
    case 'note':
      return operation.note
    case 'assign':
      return operation.note ?? null
    case 'createCannedResponse':
      return operation.name
    case 'createCommboxTag':
      return operation.input.name
    default:
      return null
  }
}

function ledgerKey(row: LedgerEntry): string | null {
  const params = row.params
  const data = params['data'] as Record<string, unknown> | undefined
  const value = params['message'] ?? params['note'] ?? data?.['Name'] ?? (row.path.endsWith('/canned-response') ? params['name'] : undefined)
  return typeof value === 'string' ? value : null
}

function ledgerCounts(ledger: LedgerEntry[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const row of ledger) {
    const key = ledgerKey(row)
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

function setStyleDeliveries(operation: Operation, ledger: LedgerEntry[]): number {
  if (operation.kind === 'setStatus') return ledger.filter((row) => row.path === `/v2/conversation/${operation.conversationId}` && row.params['status'] === operation.status).length
  if (operation.kind === 'replaceTags') return ledger.filter((row) => row.path === `/v2/conversation/${operation.conversationId}/tag` && JSON.stringify(row.params['tags']) === JSON.stringify(operation.tags)).length
  return 0
}
