import { ref, shallowRef, watch, type Ref, type WatchSource } from 'vue'
import type { Page } from '../../../shared/domain/common'
import type { Result } from '../../../shared/result'
import { useWorkspaceStore } from '../../stores/workspaceStore'
import type { PageRequest } from './libraryPages'

/** Typing pauses this long before Oktopost is asked again. */
const SEARCH_DELAY_MS = 250

export type PageSource = 'server' | 'offline' | 'fallback'

export interface LibraryPageOptions<Order extends string, Item> {
  request: Ref<PageRequest<Order>>
  fromServer(request: PageRequest<Order>): Promise<Result<Page<Item>>>
  fromCache(request: PageRequest<Order>): Promise<Page<Item>>
  /** Read the page again when this changes (a change to the list was delivered). */
  reloadOn: WatchSource
}

/**
 * One page of a list that Oktopost pages (`_page`, `_count`, `_order`, `q`): read from the
 * cache at once, then asked of Oktopost while online; offline, or when Oktopost can't answer,
 * the cache's page stays and the page says so.
 */
export function useLibraryPage<Order extends string, Item>(options: LibraryPageOptions<Order, Item>) {
  const workspace = useWorkspaceStore()
  const page = shallowRef<Page<Item>>({ items: [], total: 0 })
  const source = ref<PageSource>('server')
  const failure = ref<string | null>(null)
  const isLoading = ref(true)
  let generation = 0
  let searchTimer: ReturnType<typeof setTimeout> | undefined

  /** The cache answers at once; Oktopost's answer replaces it when it comes (the rate limit may hold it back). */
  async function load(): Promise<void> {
    const current = ++generation
    const request = { ...options.request.value }
    isLoading.value = true
    const isOffline = workspace.connectivity.kind === 'offline'
    const cached = await options.fromCache(request)
    if (current !== generation) return
    page.value = cached
    if (isOffline) {
      source.value = 'offline'
      failure.value = null
      isLoading.value = false
      return
    }
    const answer = await options.fromServer(request)
    if (current !== generation) return
    if (answer.ok) page.value = answer.value
    source.value = answer.ok ? 'server' : 'fallback'
    failure.value = answer.ok ? null : answer.error.message
    isLoading.value = false
  }

  watch(
    () => options.request.value.search,
    () => {
      clearTimeout(searchTimer)
      searchTimer = setTimeout(() => void load(), SEARCH_DELAY_MS)
    },
  )
  watch([() => options.request.value.page, () => options.request.value.order, () => workspace.db, options.reloadOn], () => void load(), {
    immediate: true,
  })
  watch(
    () => workspace.connectivity.kind,
    (kind, previous) => {
      if (kind === 'online' && previous === 'offline') void load()
    },
  )

  return { page, source, failure, isLoading, reload: load }
}
