import { randomUUID } from 'node:crypto'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { InboxDatabase, SCHEMA_VERSIONS } from '../../../src/renderer/db/database'
import { toConversationRow } from '../../../src/renderer/db/rows'

const conversation = toConversationRow({
  id: 'eit000000000001', createdAt: '2026-11-20T10:00:00.000Z', modifiedAt: '2026-11-21T10:00:00.000Z', status: 'open',
  network: 'Facebook', itemType: 'Post', assigneeId: null, profileName: 'Acme', author: null, preview: 'Hi', tags: [{ id: 't1', name: 'VIP' }],
})

describe('schema migrations', () => {
  it('lists versions in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((schema) => schema.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
  })

  it.each(SCHEMA_VERSIONS.map((schema) => schema.version))('opens a database written at version %i with the current code, keeping every row', async (version) => {
    const name = `migration-${version}-${randomUUID()}`
    const old = new InboxDatabase(name, { indexedDB, IDBKeyRange }, version)
    await old.open()
    await old.conversations.put(conversation)
    await old.timeline.put({ id: 'e1', conversationId: conversation.id, type: 'comment', createdAt: '2026-11-21T10:00:00.000Z', content: 'Hi', createdBy: null, author: null, parentId: null, isInbound: true, media: [] })
    await old.drafts.put({ conversationId: conversation.id, mode: 'reply', text: 'half', updatedAt: 1 })
    old.close()

    const current = new InboxDatabase(name, { indexedDB, IDBKeyRange })
    await current.open()
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version)
    expect(await current.conversations.where('[status+sortAt]').between(['open', ''], ['open', '\uffff']).primaryKeys()).toEqual([conversation.id])
    expect(await current.conversations.where('tagNames').equals('VIP').count()).toBe(1)
    expect(await current.timeline.where('[conversationId+createdAt]').between([conversation.id, ''], [conversation.id, '\uffff']).count()).toBe(1)
    expect((await current.drafts.get(conversation.id))?.text).toBe('half')
    current.close()
    await indexedDB.deleteDatabase(name)
  })
})
