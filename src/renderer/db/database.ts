import Dexie, { type EntityTable } from 'dexie'
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
 * One IndexedDB database per signed-in account. Each version's stores are listed in full;
 * a new version adds a `.version(n).stores(...)` (with an upgrade when rows change) and a
 * migration test, never edits an old one.
 */
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

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options)
    this.version(1).stores({
      conversations:
        'id, sortAt, [status+sortAt], [assigneeKey+sortAt], [network+sortAt], [itemType+sortAt], *tagNames',
      timeline: '[conversationId+id], conversationId, [conversationId+createdAt], outboxEntryId',
      timelineCursors: 'conversationId',
      cannedResponses: 'id, name',
      tags: 'id, name',
      users: 'id, name',
      credentials: 'id, network',
      drafts: 'conversationId',
      outbox: '++seq, &id, orderingKey, state, [orderingKey+seq]',
      syncState: 'key',
    })
  }
}

/** The database of one account; the name never contains the key, only who it belongs to. */
export function databaseName(accountId: string, endpoint: string): string {
  return `inbox-desk:${endpoint}:${accountId}`
}

export function openInboxDatabase(name: string, options?: ConstructorParameters<typeof Dexie>[1]): InboxDatabase {
  return new InboxDatabase(name, options)
}
