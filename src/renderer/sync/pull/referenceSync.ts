import type { EntityTable } from 'dexie'
import type { Page } from '../../../shared/domain/common'
import type { Lane } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/result'
import type { InboxDatabase } from '../../db/database'
import { toConversationRow } from '../../db/rows'
import type { SyncRemote } from '../remote'

/** A safety stop for lists that report a larger Total than paging ever returns. */
const MAX_REFERENCE_PAGES = 50

async function readAll<Item>(readPage: (page: number) => Promise<Result<Page<Item>>>): Promise<Result<Item[]>> {
  const items: Item[] = []
  for (let page = 0; page < MAX_REFERENCE_PAGES; page++) {
    const result = await readPage(page)
    if (!result.ok) return result
    items.push(...result.value.items)
    if (result.value.items.length === 0 || items.length >= result.value.total) break
  }
  return { ok: true, value: items }
}

/**
 * Tags, canned responses, users and credentials change rarely; each refresh replaces the
 * cached set. A tag deleted elsewhere also leaves every cached conversation that carried it.
 */
export async function refreshReferenceData(db: InboxDatabase, remote: SyncRemote, lane: Lane): Promise<Result<null>> {
  const [tags, cannedResponses, users, credentials] = await Promise.all([
    readAll((page) => remote.listTags(page, lane)),
    readAll((page) => remote.listCannedResponses(page, lane)),
    readAll((page) => remote.listUsers(page, lane)),
    remote.listCredentials(lane),
  ])
  for (const result of [tags, cannedResponses, users, credentials]) if (!result.ok) return result
  if (!tags.ok || !cannedResponses.ok || !users.ok || !credentials.ok) return { ok: true, value: null }

  await db.transaction('rw', [db.tags, db.cannedResponses, db.users, db.credentials, db.conversations], async () => {
    const serverTagNames = new Set(tags.value.map((tag) => tag.name))
    const deletedTags = (await db.tags.toArray()).filter((tag) => !tag.id.startsWith('local:') && !serverTagNames.has(tag.name))
    for (const tag of deletedTags) {
      const tagged = await db.conversations.where('tagNames').equals(tag.name).toArray()
      await db.conversations.bulkPut(tagged.map((row) => toConversationRow({ ...row, tags: (row.tags ?? []).filter((t) => t.name !== tag.name) }, row)))
    }
    await replaceAll(db.tags, tags.value)
    await replaceAll(db.cannedResponses, cannedResponses.value.filter((item) => !item.id.startsWith('local:')))
    await replaceAll(db.users, users.value)
    await replaceAll(db.credentials, credentials.value.items)
  })
  return { ok: true, value: null }
}

async function replaceAll<Row extends { id: string }>(table: EntityTable<Row, 'id'>, rows: Row[]): Promise<void> {
  const keep = new Set(rows.map((row) => row.id))
  const stale = (await table.toCollection().primaryKeys()).filter((key) => !keep.has(key) && !key.startsWith('local:'))
  await table.bulkDelete(stale)
  await table.bulkPut(rows)
}
