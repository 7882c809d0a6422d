import { randomUUID } from 'node:crypto'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, shallowRef, type EffectScope } from 'vue'
import { useRowWindow } from '../../../../src/renderer/components/list/useRowWindow'
import { InboxDatabase } from '../../../../src/renderer/db/database'
import { toConversationRow, type ConversationRow } from '../../../../src/renderer/db/rows'

const row = (id: string, preview = 'Hi'): ConversationRow =>
  toConversationRow({
    id, createdAt: '2026-11-20T10:00:00.000Z', modifiedAt: '2026-11-21T10:00:00.000Z', status: 'open', network: 'Facebook',
    itemType: 'Post', assigneeId: null, profileName: 'Acme', author: null, preview,
  })

let db: InboxDatabase
let scope: EffectScope

beforeEach(async () => {
  db = new InboxDatabase(`row-window-${randomUUID()}`, { indexedDB, IDBKeyRange })
  await db.open()
  await db.conversations.bulkPut(['a', 'b', 'c', 'd'].map((id) => row(id)))
  scope = effectScope()
})

afterEach(async () => {
  scope.stop()
  await db.delete()
})

async function until(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !check(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(check()).toBe(true)
}

describe('the rows the list has on screen', () => {
  it('reads the wanted rows and lets go of those that left the window', async () => {
    const wanted = shallowRef(['a', 'b'])
    const rows = scope.run(() => useRowWindow(() => db, () => wanted.value))!
    await until(() => rows.value.size === 2)
    wanted.value = ['b', 'c']
    await until(() => rows.value.has('c'))
    expect([...rows.value.keys()].sort()).toEqual(['b', 'c'])
  })

  it('shows a committed write of a row on screen without reading it again', async () => {
    const rows = scope.run(() => useRowWindow(() => db, () => ['a']))!
    await until(() => rows.value.has('a'))
    await db.conversations.update('a', { preview: 'Changed' })
    expect(rows.value.get('a')?.preview).toBe('Changed')
    await db.conversations.delete('a')
    expect(rows.value.has('a')).toBe(false)
  })

  it('takes rows already read elsewhere at once', async () => {
    const early = row('d', 'From the first read')
    const rows = scope.run(() => useRowWindow(() => db, () => ['d'], (id) => (id === 'd' ? early : undefined)))!
    await nextTick()
    expect(rows.value.get('d')).toBe(early)
  })

  it('keeps a write that overtook a read of the same row', async () => {
    const rows = scope.run(() => useRowWindow(() => db, () => ['b']))!
    await db.conversations.update('b', { preview: 'Newer' })
    await until(() => rows.value.has('b'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(rows.value.get('b')?.preview).toBe('Newer')
  })
})
