import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { ListIndex, type ListedConversation } from '../db/listIndex'
import { queryWords } from '../db/localSearch'
import type { ConversationRow } from '../db/rows'
import { savedViewFilter, type ConversationFilter, type SavedViewName } from '../db/viewFilters'
import { useWorkspaceStore } from './workspaceStore'

export type InboxView = SavedViewName | 'outbox'

/** Typing pauses this long before Oktopost is asked; the cache answers every keystroke at once. */
const SERVER_SEARCH_DELAY_MS = 350

/** Extra filters the agent sets on top of a saved view. */
export type ExtraFilter = Pick<ConversationFilter, 'types' | 'networks' | 'tags' | 'assigneeIds'>

/**
 * The list the agent works through: which view, which filters and search, the ordered rows
 * (answered by the cache's in-memory list index, newest change first), the row under the
 * cursor, the open conversation and the bulk selection.
 */
export const useInboxStore = defineStore('inbox', () => {
  const workspace = useWorkspaceStore()
  const view = ref<InboxView>('inbox')
  const extraFilter = ref<ExtraFilter>({})
  const search = ref('')
  /** What the list index knows of each row; the list reads full rows only for those on screen. */
  const rows = shallowRef<readonly ListedConversation[]>([])
  const cursorId = ref<string | null>(null)
  const openId = ref<string | null>(null)
  const selectedIds = ref<Set<string>>(new Set())
  /** Until the index has read the whole cache, the list shows what it has read so far. */
  const isLoading = ref(true)
  /** Conversations Oktopost found for the current search that the cache alone would miss. */
  const serverMatchIds = shallowRef<ReadonlySet<string>>(new Set())
  const index = shallowRef<ListIndex | null>(null)
  /** Bumped by every change of the index, so the rows are asked for again. */
  const indexVersion = ref(0)
  /**
   * The full rows the list holds for the conversations on and near its screen (it keeps them
   * current): opening one of them shows it at once, without waiting for a read.
   */
  const nearbyRows = shallowRef<ReadonlyMap<string, ConversationRow>>(new Map())

  const filter = computed<ConversationFilter>(() => {
    if (view.value === 'outbox') return {}
    return { ...savedViewFilter(view.value, workspace.meId), ...extraFilter.value }
  })

  /** A filter is unset by deleting its key, so any key is a filter set. */
  const hasExtraFilter = computed(() => Object.keys(extraFilter.value).length > 0)

  const cursorIndex = computed(() => rows.value.findIndex((row) => row.id === cursorId.value))

  watch(
    () => workspace.db,
    (db) => {
      index.value?.dispose()
      index.value = db ? new ListIndex(db) : null
      index.value?.onChange(() => indexVersion.value++)
    },
    { immediate: true },
  )

  function refreshRows(): void {
    const current = index.value
    if (!current || view.value === 'outbox') {
      rows.value = []
      isLoading.value = current === null
      return
    }
    const next = current.query(filter.value, queryWords(search.value), serverMatchIds.value)
    rows.value = next
    isLoading.value = !current.isComplete
    if (cursorId.value === null || !next.some((row) => row.id === cursorId.value)) cursorId.value = next[0]?.id ?? null
  }

  watch([index, indexVersion, filter, search, serverMatchIds], refreshRows, { immediate: true })
  watch([filter, () => workspace.db], ([next, db]) => void (db && workspace.setView(next)), { immediate: true })

  let searchTimer: ReturnType<typeof setTimeout> | undefined
  watch([search, filter], ([query, current]) => {
    clearTimeout(searchTimer)
    serverMatchIds.value = new Set()
    if (query.trim() === '') return
    searchTimer = setTimeout(async () => {
      const ids = await workspace.searchServer(current, query.trim())
      if (search.value === query) serverMatchIds.value = new Set(ids)
    }, SERVER_SEARCH_DELAY_MS)
  })

  /**
   * The cached conversations assigned to `userId`, kept current with every write the index
   * follows; null until the index has read the whole cache.
   */
  function assignedTo(userId: string): readonly ListedConversation[] | null {
    void indexVersion.value
    const current = index.value
    return current?.isComplete ? current.assignedTo(userId) : null
  }

  /** A full row the index read moments ago, while it is still loading: the list's first screen needs no second read. */
  function firstReadRow(conversationId: string) {
    return index.value?.firstReadRow(conversationId)
  }

  function setView(next: InboxView): void {
    view.value = next
    selectedIds.value = new Set()
    openId.value = null
  }

  function moveCursor(delta: number): void {
    if (rows.value.length === 0) return
    const index = cursorIndex.value < 0 ? 0 : Math.min(rows.value.length - 1, Math.max(0, cursorIndex.value + delta))
    cursorId.value = rows.value[index]?.id ?? null
    if (openId.value !== null) open(cursorId.value)
  }

  function open(conversationId: string | null): void {
    openId.value = conversationId
    if (conversationId !== null) cursorId.value = conversationId
    void workspace.openConversation(conversationId)
    if (conversationId !== null) void workspace.db?.conversations.update(conversationId, { seenAt: new Date().toISOString() })
  }

  /** The row after the given one (or before it at the end), for "close and next". */
  function neighbourOf(conversationId: string): string | null {
    const index = rows.value.findIndex((row) => row.id === conversationId)
    if (index < 0) return rows.value[0]?.id ?? null
    return rows.value[index + 1]?.id ?? rows.value[index - 1]?.id ?? null
  }

  function toggleSelection(conversationId: string): void {
    const next = new Set(selectedIds.value)
    if (next.has(conversationId)) next.delete(conversationId)
    else next.add(conversationId)
    selectedIds.value = next
  }

  function clearSelection(): void {
    selectedIds.value = new Set()
  }

  return {
    view,
    extraFilter,
    hasExtraFilter,
    search,
    rows,
    cursorId,
    cursorIndex,
    openId,
    selectedIds,
    isLoading,
    filter,
    setView,
    moveCursor,
    open,
    neighbourOf,
    toggleSelection,
    clearSelection,
    firstReadRow,
    nearbyRows,
    assignedTo,
  }
})
