import { parseSettings, serializeSettings, SETTINGS_STORAGE_KEY } from '../../../src/renderer/components/settings/settingsSchema'
import type { Conversation } from '../../../src/shared/domain/conversation'
import type { Session } from '../../../src/shared/domain/session'
import { databaseName, openInboxDatabase, type InboxDatabase } from '../../../src/renderer/db/database'
import { toConversationRow } from '../../../src/renderer/db/rows'
import { connectIpc } from '../../../src/renderer/ipc'
import { enqueue } from '../../../src/renderer/sync/outbox/enqueue'
import type { Operation } from '../../../src/renderer/sync/outbox/operations'
import { ingestConversations } from '../../../src/renderer/sync/pull/conversationSync'
import { loadOlderTimeline, refreshTimeline, type ReadTimeline } from '../../../src/renderer/sync/pull/timelineSync'
import { createIpcRemote, LIST_PAGE_SIZE } from '../../../src/renderer/sync/remote'
import type { BenchPageApi, IngestTiming, IngestWriter, SeedPlan, SeedReport } from '../benchPageApi'

/**
 * The bench's seeding page, built only for `npm run bench` and served on the preview's origin:
 * it signs in, reads conversations and timelines through the app's IPC remote and writes them
 * with the app's sync code into the database the app opens, so the app finds a real cache.
 */
const ipc = connectIpc(window)
const remote = createIpcRemote(ipc)
/**
 * The most conversations the offline cache setting accepts: with the default (2,500) the app
 * would prune the seeded cache after its first sync.
 */
const OFFLINE_CONVERSATION_LIMIT = 100_000
/** Parallel reads while seeding; the preview runs with --relaxed-rate-limits. */
const CONCURRENCY = 4
const SCRATCH_APP = 'inbox-desk-bench:ingest-app'
const SCRATCH_BARE = 'inbox-desk-bench:ingest-bare'

let session: Session | null = null
let cache: InboxDatabase | null = null
/** What seeding read, kept for the ingest runs, which write it again into scratch databases. */
let seeded: Conversation[] = []
const longTasks: PerformanceEntry[] = []
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true })

function requireCache(): InboxDatabase {
  if (!cache) throw new Error('signIn() first')
  return cache
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.kind}: ${result.error.message}`)
  return result.value
}

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
}

const readTimeline: ReadTimeline = (conversationId, lastLoadedId) => remote.timelinePage(conversationId, lastLoadedId, 'background')

async function readConversations(count: number): Promise<Conversation[]> {
  const pages = Array.from({ length: Math.ceil(count / LIST_PAGE_SIZE) }, (_, page) => page)
  const byPage = new Map<number, Conversation[]>()
  await inParallel(pages, async (page) => {
    const answer = await remote.listConversations({ page, count: LIST_PAGE_SIZE, order: { field: 'Modified', direction: 'desc' } }, 'background')
    byPage.set(page, unwrap(answer, `conversation page ${page}`).items)
  })
  return pages.flatMap((page) => byPage.get(page) ?? []).slice(0, count)
}

async function cacheTimeline(db: InboxDatabase, conversationId: string, entries: number): Promise<number> {
  unwrap(await refreshTimeline(db, readTimeline, conversationId, Date.now()), `timeline of ${conversationId}`)
  let cached = await db.timeline.where('conversationId').equals(conversationId).count()
  while (cached < entries) {
    const added = unwrap(await loadOlderTimeline(db, readTimeline, conversationId, Date.now()), `older timeline of ${conversationId}`)
    if (added === 0) break
    cached += added
  }
  if (cached > entries) {
    const oldest = await db.timeline.where('[conversationId+createdAt]').between([conversationId, ''], [conversationId, '\uffff']).limit(cached - entries).primaryKeys()
    await db.timeline.bulkDelete(oldest)
    cached = entries
  }
  return cached
}

async function seed(plan: SeedPlan): Promise<SeedReport> {
  const db = requireCache()
  const started = performance.now()
  const settings = parseSettings(localStorage.getItem(SETTINGS_STORAGE_KEY))
  localStorage.setItem(SETTINGS_STORAGE_KEY, serializeSettings({ ...settings, offlineConversationLimit: OFFLINE_CONVERSATION_LIMIT }))
  seeded = await readConversations(plan.conversations)
  await ingestConversations(db, seeded)
  const openConversationEntries = await cacheTimeline(db, plan.openConversationId, plan.openEntries)
  const newestOpen = await db.conversations.where('[status+sortAt]').between(['open', ''], ['open', '\uffff']).reverse().limit(plan.searchTimelines + 1).primaryKeys()
  const searchIds = newestOpen.filter((id) => id !== plan.openConversationId).slice(0, plan.searchTimelines)
  await inParallel(searchIds, async (conversationId) => {
    unwrap(await refreshTimeline(db, readTimeline, conversationId, Date.now()), `timeline of ${conversationId}`)
  })
  return {
    conversations: await db.conversations.count(),
    timelines: await db.timelineCursors.count(),
    timelineEntries: await db.timeline.count(),
    openConversationEntries,
    seconds: (performance.now() - started) / 1000,
  }
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Times `work` between task boundaries, so what runs before or after is never counted in its tasks. */
async function timed(work: () => Promise<unknown>): Promise<{ ms: number; start: number; end: number }> {
  await nextTask()
  const start = performance.now()
  await work()
  const end = performance.now()
  await nextTask()
  return { ms: end - start, start, end }
}

async function freshDatabase(name: string): Promise<InboxDatabase> {
  const db = openInboxDatabase(name)
  await db.delete()
  await db.open()
  return db
}

/**
 * One writer's run into an empty database: the app's ingest, or the floor it is held to (Dexie
 * writing the same rows in one bulkPut, with no reads, no chunks and no yielding). The bare
 * run's rows are made before its clock starts. The database is deleted before answering, so
 * what the next run finds is only garbage, which the harness collects between runs.
 */
async function ingestOnce(writer: IngestWriter): Promise<IngestTiming> {
  const db = await freshDatabase(writer === 'app' ? SCRATCH_APP : SCRATCH_BARE)
  let run: Awaited<ReturnType<typeof timed>>
  if (writer === 'app') {
    run = await timed(() => ingestConversations(db, seeded))
  } else {
    const rows = seeded.map((conversation) => toConversationRow(conversation))
    run = await timed(() => db.conversations.bulkPut(rows))
  }
  await db.delete()
  const during = longTasks.filter((task) => task.startTime >= run.start && task.startTime < run.end)
  return { conversations: seeded.length, ms: run.ms, longestTaskMs: Math.max(0, ...during.map((task) => task.duration)) }
}

/** A shift's worth of changes per conversation, each kind the outbox sends as one request. */
function operationsFor(conversationId: string, index: number, meId: string): Operation[] {
  return [
    { kind: 'note', conversationId, note: `Bench note ${index}` },
    { kind: 'assign', conversationId, assigneeId: meId },
    { kind: 'replaceTags', conversationId, tags: ['Support', 'VIP'] },
    { kind: 'setStatus', conversationId, status: 'closed' },
  ]
}

async function queueOutbox(count: number): Promise<number> {
  const db = requireCache()
  const meId = session?.user.id ?? null
  if (meId === null) throw new Error('signIn() first')
  const perConversation = operationsFor('', 0, meId).length
  const ids = await db.conversations.where('[status+sortAt]').between(['open', ''], ['open', '\uffff']).reverse().limit(Math.ceil(count / perConversation)).primaryKeys()
  const operations = ids.flatMap((id, index) => operationsFor(id, index, meId)).slice(0, count)
  for (const operation of operations) {
    const context = { now: Date.now(), newId: () => crypto.randomUUID(), meId, isOffline: false, undoWindowMs: 0 }
    unwrap(await enqueue(db, operation, context), `queue ${operation.kind}`)
  }
  return operations.length
}

/** The signed-in account's database, named as the app names it. */
async function openCache(signedIn: Session): Promise<void> {
  session = signedIn
  const endpoint = 'region' in signedIn.endpoint ? signedIn.endpoint.region : signedIn.endpoint.baseUrl
  cache = openInboxDatabase(databaseName(signedIn.account.id, endpoint))
  await cache.open()
}

const api: BenchPageApi = {
  async signIn(credentials) {
    await openCache(unwrap(await ipc.invoke('auth:signIn', credentials), 'sign in'))
  },
  async openSignedIn() {
    const signedIn = unwrap(await ipc.invoke('auth:status', {}), 'auth status').oktopost
    if (!signedIn) throw new Error('Nobody is signed in')
    await openCache(signedIn)
  },
  seed,
  ingestOnce,
  queueOutbox,
  outboxOpen: () => requireCache().outbox.where('state').notEqual('done').count(),
}
window.inboxBench = api
