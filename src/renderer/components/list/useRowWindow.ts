import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'
import type { InboxDatabase, TableChange } from '../../db/database'
import type { ConversationRow } from '../../db/rows'

/**
 * The full cached rows of the conversations the list has on screen, plus a margin: read from
 * IndexedDB as the window moves, kept current from the database's committed writes, and let go
 * once out of the window, so scrolling 100,000 conversations never holds more than a few dozen.
 * `alreadyRead` offers rows read moments ago elsewhere (the list index's first read), so the
 * first screen needs no second trip to IndexedDB.
 */
export function useRowWindow(
  db: () => InboxDatabase | null,
  wantedIds: () => readonly string[],
  alreadyRead: (id: string) => ConversationRow | undefined = () => undefined,
): Readonly<ShallowRef<ReadonlyMap<string, ConversationRow>>> {
  const rows = shallowRef<ReadonlyMap<string, ConversationRow>>(new Map())
  let wanted = new Set<string>()
  /** Ids being read, and whether a write has overtaken the read (its answer is then older). */
  const reading = new Map<string, { isOvertaken: boolean }>()
  let stopFeed: (() => void) | null = null

  function onWrites(changes: readonly TableChange[]): void {
    let next: Map<string, ConversationRow> | null = null
    const change = () => (next ??= new Map(rows.value))
    for (const written of changes) {
      const id = 'put' in written ? (written.put as ConversationRow).id : (written.deletedKey as string)
      const read = reading.get(id)
      if (read) read.isOvertaken = true
      if ('put' in written && wanted.has(id)) change().set(id, written.put as ConversationRow)
      else if (!('put' in written) && rows.value.has(id)) change().delete(id)
    }
    if (next) rows.value = next
  }

  watch(
    db,
    (current) => {
      stopFeed?.()
      rows.value = new Map()
      reading.clear()
      stopFeed = current?.onCommit((writes) => onWrites(writes.changes.get('conversations') ?? [])) ?? null
    },
    { immediate: true },
  )
  onScopeDispose(() => stopFeed?.())

  async function read(current: InboxDatabase, ids: readonly string[]): Promise<void> {
    const reads = ids.map((id) => {
      const state = { isOvertaken: false }
      reading.set(id, state)
      return state
    })
    const found = await current.conversations.bulkGet([...ids])
    ids.forEach((id) => reading.delete(id))
    if (current !== db()) return
    const next = new Map(rows.value)
    found.forEach((row, position) => {
      if (row && wanted.has(row.id) && !reads[position]!.isOvertaken) next.set(row.id, row)
    })
    rows.value = next
  }

  watch(
    [wantedIds, db],
    ([ids, current]) => {
      wanted = new Set(ids)
      const kept = new Map([...rows.value].filter(([id]) => wanted.has(id)))
      let isChanged = kept.size !== rows.value.size
      for (const id of ids) {
        const row = kept.has(id) ? undefined : alreadyRead(id)
        if (!row) continue
        kept.set(id, row)
        isChanged = true
      }
      if (isChanged) rows.value = kept
      const missing = ids.filter((id) => !kept.has(id) && !reading.has(id))
      if (current && missing.length > 0) {
        read(current, missing).catch((error: unknown) => console.error('[list] reading rows failed', error))
      }
    },
    { immediate: true },
  )

  return rows
}
