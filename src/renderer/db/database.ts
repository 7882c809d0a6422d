import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTransaction, type EntityTable, type Middleware, type Transaction } from 'dexie'
import type { OutboxEntry } from '../sync/outbox/entry'
import type {
  CannedResponseRow,
  ConversationRow,
  CredentialRow,
  DraftRow,
  SyncStateRow,
  TagRow,
  TimelineCursor,
  TimelineRow,
  UserRow,
} from './rows'

/**
 * Every version of the schema, oldest first. A new version is appended with its full store
 * list (and an `upgrade` when existing rows must change), never edited in place; the
 * migration test opens a database written at each older version with the current code.
 */
export const SCHEMA_VERSIONS: readonly { version: number; stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  {
    version: 1,
    stores: {
      conversations: 'id, sortAt, [status+sortAt], [assigneeKey+sortAt], [network+sortAt], [itemType+sortAt], *tagNames',
      timeline: '[conversationId+id], conversationId, [conversationId+createdAt], outboxEntryId',
      timelineCursors: 'conversationId',
      cannedResponses: 'id, name',
      tags: 'id, name',
      users: 'id, name',
      credentials: 'id, network',
      drafts: 'conversationId',
      outbox: '++seq, &id, orderingKey, state, [orderingKey+seq]',
      syncState: 'key',
    },
  },
]

/** One row written (as it was written) or one key deleted. */
export type TableChange = { readonly put: unknown } | { readonly deletedKey: unknown }

/** What one committed transaction wrote, table by table. */
export interface CommittedWrites {
  /** Every put and delete of each table, in the order they were made: the last one of a key stands. */
  readonly changes: ReadonlyMap<string, readonly TableChange[]>
  /** Tables that lost a whole key range at once (clear): only reading them again tells what is left. */
  readonly rangeDeleted: ReadonlySet<string>
}

export type CommitListener = (writes: CommittedWrites) => void

/** One IndexedDB database per signed-in account. */
export class InboxDatabase extends Dexie {
  conversations!: EntityTable<ConversationRow, 'id'>
  timeline!: Dexie.Table<TimelineRow, [string, string]>
  timelineCursors!: EntityTable<TimelineCursor, 'conversationId'>
  cannedResponses!: EntityTable<CannedResponseRow, 'id'>
  tags!: EntityTable<TagRow, 'id'>
  users!: EntityTable<UserRow, 'id'>
  credentials!: EntityTable<CredentialRow, 'id'>
  drafts!: Dexie.Table<DraftRow, string>
  outbox!: EntityTable<OutboxEntry, 'seq'>
  syncState!: EntityTable<SyncStateRow, 'key'>
  private readonly commitListeners = new Set<CommitListener>()

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1], upToVersion = Number.POSITIVE_INFINITY) {
    super(name, options)
    for (const schema of SCHEMA_VERSIONS) {
      if (schema.version > upToVersion) break
      const version = this.version(schema.version).stores(schema.stores)
      if (schema.upgrade) version.upgrade(schema.upgrade)
    }
    this.use(commitFeed(this.commitListeners))
  }

  /**
   * Tells `listener` what every transaction of this connection wrote, once it has committed,
   * whichever code wrote it. In-memory views of the cache (the list's index) follow it instead
   * of reading whole tables again after each change. Returns the unsubscribe function.
   */
  onCommit(listener: CommitListener): () => void {
    this.commitListeners.add(listener)
    return () => this.commitListeners.delete(listener)
  }
}

interface PendingWrites {
  changes: Map<string, TableChange[]>
  rangeDeleted: Set<string>
}

/**
 * A Dexie DBCore middleware: collects each write transaction's mutations and hands them to the
 * listeners when it commits (never for one that aborts). Costs nothing while nobody listens.
 */
function commitFeed(listeners: ReadonlySet<CommitListener>): Middleware<DBCore> {
  const pending = new WeakMap<DBCoreTransaction, PendingWrites>()

  function writesOf(trans: DBCoreTransaction): PendingWrites {
    let writes = pending.get(trans)
    if (writes) return writes
    writes = { changes: new Map(), rangeDeleted: new Set() }
    pending.set(trans, writes)
    // Dexie's IndexedDB core hands the native IDBTransaction down as its DBCoreTransaction.
    const native = trans as DBCoreTransaction & { addEventListener?: (type: 'complete', listener: () => void) => void }
    const collected = writes
    native.addEventListener?.('complete', () => {
      for (const listener of listeners) listener(collected)
    })
    return writes
  }

  function record(table: string, request: DBCoreMutateRequest, response: DBCoreMutateResponse): void {
    const writes = writesOf(request.trans)
    if (request.type === 'deleteRange') {
      writes.rangeDeleted.add(table)
      return
    }
    const changes = writes.changes.get(table) ?? []
    writes.changes.set(table, changes)
    const items = request.type === 'delete' ? request.keys : request.values
    items.forEach((item, position) => {
      if (position in response.failures) return
      changes.push(request.type === 'delete' ? { deletedKey: item } : { put: item })
    })
  }

  return {
    stack: 'dbcore',
    name: 'commitFeed',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name)
        return {
          ...table,
          async mutate(request) {
            const response = await table.mutate(request)
            if (listeners.size > 0) record(name, request, response)
            return response
          },
        }
      },
    }),
  }
}

/** The database of one account; the name never contains the key, only who it belongs to. */
export function databaseName(accountId: string, endpoint: string): string {
  return `inbox-desk:${endpoint}:${accountId}`
}

export function openInboxDatabase(name: string, options?: ConstructorParameters<typeof Dexie>[1]): InboxDatabase {
  return new InboxDatabase(name, options)
}
