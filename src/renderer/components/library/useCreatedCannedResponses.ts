import { watch } from 'vue'
import { useLiveQuery } from '../../composables/useLiveQuery'
import { useIpc } from '../../ipc'
import { useWorkspaceStore } from '../../stores/workspaceStore'
import type { OutboxEntry } from '../../sync/outbox/entry'

/**
 * A canned response created from this app joins the cache as soon as Oktopost has it, so `c`
 * in a conversation offers it at once rather than after the next reference refresh. The
 * outbox keeps only what was sent, so the new response is read back by its (unique) name.
 */
export function useCreatedCannedResponses(): void {
  const workspace = useWorkspaceStore()
  const startedAt = Date.now()
  const handled = new Set<string>()
  const delivered = useLiveQuery(
    () => workspace.db,
    async (db) =>
      (await db?.outbox
        .where('orderingKey')
        .startsWith('canned:')
        .filter((entry) => entry.state === 'done' && entry.updatedAt >= startedAt)
        .toArray()) ?? [],
    [] as OutboxEntry[],
  )

  watch(delivered, async (entries) => {
    const db = workspace.db
    for (const entry of entries) {
      if (handled.has(entry.id) || entry.operation.kind !== 'createCannedResponse' || !db) continue
      handled.add(entry.id)
      const name = entry.operation.name.trim()
      const found = await useIpc().invoke('cannedResponse:list', { search: name, count: 20, lane: 'background' })
      const created = found.ok ? found.value.items.find((item) => item.name.trim() === name) : undefined
      if (created && db === workspace.db) await db.cannedResponses.put(created)
    }
  })
}
