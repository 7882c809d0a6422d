import Dexie, { type EntityTable, type Transaction } from 'dexie'
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

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1], upToVersion = Number.POSITIVE_INFINITY) {
    super(name, options)
    for (const schema of SCHEMA_VERSIONS) {
      if (schema.version > upToVersion) break
      const version = this.version(schema.version).stores(schema.stores)
      if (schema.upgrade) version.upgrade(schema.upgrade)
    }
  }
}

/** The database of one account; the name never contains the key, only who it belongs to. */
export function databaseName(accountId: string, endpoint: string): string {
  return `inbox-desk:${endpoint}:${accountId}`
}

export function openInboxDatabase(name: string, options?: ConstructorParameters<typeof Dexie>[1]): InboxDatabase {
  return new InboxDatabase(name, options)
}
