import { onBeforeUnmount, onMounted, watch } from 'vue'
import type { DraftRow } from '../../db/rows'
import { useWorkspaceStore } from '../../stores/workspaceStore'
import { loadDraft, saveDraft } from '../../sync/drafts'

/** Long enough not to write on every key, short enough that a crash loses a few words at most. */
const SAVE_DELAY_MS = 400

export type DraftFields = Omit<DraftRow, 'conversationId' | 'updatedAt'>

export interface DraftBinding {
  read(): DraftFields
  apply(draft: DraftRow): void
  /** Nothing typed yet: a stored draft may replace what is there. */
  isPristine(): boolean
}

/**
 * Keeps one conversation's composer in its draft row: restored when the composer mounts
 * (the pane mounts one per conversation, so a draft can never show under another), saved a
 * moment after each change, and saved at once when the agent moves on.
 */
export function useComposerDraft(conversationId: string, binding: DraftBinding) {
  const workspace = useWorkspaceStore()
  let timer: ReturnType<typeof setTimeout> | null = null
  // Saving before the stored draft was read would overwrite it with an empty one.
  let isRestored = false

  function save(): void {
    timer = null
    const db = workspace.db
    if (db) void saveDraft(db, { conversationId, ...binding.read() }, Date.now())
  }

  function cancel(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  function schedule(): void {
    if (!isRestored) return
    cancel()
    timer = setTimeout(save, SAVE_DELAY_MS)
  }

  onMounted(async () => {
    const db = workspace.db
    const draft = db ? await loadDraft(db, conversationId) : undefined
    if (draft && binding.isPristine()) binding.apply(draft)
    isRestored = true
    if (!binding.isPristine()) schedule()
  })

  watch(binding.read, schedule, { deep: true })

  onBeforeUnmount(() => {
    if (timer === null) return
    cancel()
    save()
  })

  /** Sending clears the draft in the outbox's own transaction; a pending save must not bring it back. */
  return { cancelPendingSave: cancel }
}
