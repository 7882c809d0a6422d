import { randomUUID } from 'node:crypto'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { MainServices } from '../../../src/main/services'
import { InboxDatabase } from '../../../src/renderer/db/database'
import { createIpcClient, type IpcClient } from '../../../src/renderer/ipc/client'
import { OutboxEngine, type OutboxEngineOptions, type OutboxSignal } from '../../../src/renderer/sync/outbox/engine'
import { enqueue, type EnqueueContext } from '../../../src/renderer/sync/outbox/enqueue'
import type { Operation } from '../../../src/renderer/sync/outbox/operations'
import { createIpcRemote, type SyncRemote } from '../../../src/renderer/sync/remote'
import type { InboxDeskApi } from '../../../src/shared/ipc/api'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox/server'
import { ManualClock } from '../manualClock'
import { createTestServices } from '../mainServices'
import { sandboxControl, type SandboxControl } from '../sandboxControl'

/** Lifts Oktopost's request limits so tests can run thousands of requests; the limiter has its own tests. */
export const UNLIMITED = [{ limit: 1_000_000, windowMs: 1_000 }]

/** The API key of the sandbox belongs to this user. */
export const ME_ID = '00A000000000001'

/**
 * The renderer's sync code against main's real handlers and a real sandbox over HTTP, with
 * IndexedDB from fake-indexeddb: everything but Chromium and the IPC carrier.
 */
export interface SyncHarness {
  sandbox: RunningSandbox
  control: SandboxControl
  services: MainServices
  ipc: IpcClient
  remote: SyncRemote
  db: InboxDatabase
  clock: ManualClock
  signals: OutboxSignal[]
  engine: OutboxEngine
  queue(operation: Operation, context?: Partial<EnqueueContext>): Promise<string>
  /** Lets the engine work until nothing is ready, moving the clock by `ms` first. */
  settle(ms?: number): Promise<void>
  /** A fresh engine over the same database, as after the app restarts. */
  restartEngine(): Promise<void>
  close(): Promise<void>
}

export function inProcessApi(services: MainServices): InboxDeskApi {
  return {
    invoke: (channel, request) => dispatch(services.handlers, channel, request, { transport: 'http' }) as never,
  }
}

export async function createSyncHarness(
  options: { sandbox?: Partial<SandboxOptions>; engine?: Partial<OutboxEngineOptions> } = {},
): Promise<SyncHarness> {
  const sandbox = await startSandbox({ conversations: 60, ...options.sandbox })
  const services = createTestServices({ rateWindows: UNLIMITED })
  const signIn = await services.auth.signIn({ accountId: sandbox.options.accountId, apiKey: sandbox.options.apiKey, baseUrl: sandbox.oktopostBaseUrl })
  if (!signIn.ok) throw new Error(`sign-in to the sandbox failed: ${signIn.error.message}`)
  await services.auth.setCommboxToken({ token: sandbox.options.commboxToken, baseUrl: sandbox.commboxBaseUrl })
  const ipc = createIpcClient(inProcessApi(services))
  const remote = createIpcRemote(ipc)
  const db = new InboxDatabase(`test-${randomUUID()}`, { indexedDB, IDBKeyRange })
  await db.open()
  const clock = new ManualClock(Date.now())
  const signals: OutboxSignal[] = []
  const makeEngine = () =>
    new OutboxEngine({ db, remote, clock, random: () => 0.5, meId: () => ME_ID, onSignal: (signal) => signals.push(signal), ...options.engine })

  const harness: SyncHarness = {
    sandbox,
    control: sandboxControl(sandbox.url),
    services,
    ipc,
    remote,
    db,
    clock,
    signals,
    engine: makeEngine(),
    async queue(operation, context = {}) {
      const result = await enqueue(db, operation, {
        now: clock.now(),
        newId: randomUUID,
        meId: ME_ID,
        isOffline: false,
        undoWindowMs: 0,
        ...context,
      })
      if (!result.ok) throw new Error(`not queued: ${JSON.stringify(result.error)}`)
      harness.engine.kick()
      return result.value.id
    },
    async settle(ms = 0) {
      clock.advance(ms)
      harness.engine.kick()
      await harness.engine.whenIdle()
    },
    async restartEngine() {
      await harness.engine.stop()
      harness.engine = makeEngine()
      await harness.engine.start()
    },
    async close() {
      await harness.engine.stop()
      db.close()
      await indexedDB.deleteDatabase(db.name)
      await sandbox.close()
    },
  }
  await harness.engine.start()
  return harness
}

/** Caches a conversation (and its newest timeline page) the way a pull would. */
export async function cacheConversation(harness: SyncHarness, conversationId: string): Promise<void> {
  const { toConversationRow } = await import('../../../src/renderer/db/rows')
  const { refreshTimeline } = await import('../../../src/renderer/sync/pull/timelineSync')
  const conversation = await harness.remote.getConversation(conversationId, 'user')
  if (!conversation.ok) throw new Error(conversation.error.message)
  await harness.db.conversations.put(toConversationRow(conversation.value))
  const read = (id: string, lastLoadedId?: string) => harness.remote.timelinePage(id, lastLoadedId, 'user')
  const refreshed = await refreshTimeline(harness.db, read, conversationId, harness.clock.now())
  if (!refreshed.ok) throw new Error(refreshed.error.message)
}
