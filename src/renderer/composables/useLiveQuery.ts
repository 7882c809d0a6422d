import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'

/**
 * A Dexie live query as a Vue ref: `source` picks what to read (and is watched), `query`
 * reads it and runs again whenever the tables it touched change. When `source` changes the
 * ref goes back to `initial` first, so one conversation's data never shows under another's,
 * or to what `seed` already holds for the new source (read ahead) until the query answers.
 * Unsubscribes with the calling component.
 *
 *   const row = useLiveQuery(() => [workspace.db, inbox.openId] as const,
 *     ([db, id]) => (db && id ? db.conversations.get(id) : undefined), undefined)
 */
export function useLiveQuery<Source, Value>(
  source: () => Source,
  query: (source: Source) => Value | Promise<Value>,
  initial: Value,
  seed: (source: Source) => Value | undefined = () => undefined,
): Readonly<ShallowRef<Value>> {
  const result = shallowRef<Value>(initial)
  let subscription: Subscription | null = null

  watch(
    source,
    (current) => {
      subscription?.unsubscribe()
      result.value = seed(current) ?? initial
      subscription = liveQuery(() => query(current)).subscribe({
        next: (value) => {
          result.value = value
        },
        error: (error: unknown) => console.error('[live query] failed', error),
      })
    },
    { immediate: true },
  )

  onScopeDispose(() => subscription?.unsubscribe())
  return result
}
