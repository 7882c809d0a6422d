import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface Toast {
  id: number
  message: string
  tone: 'info' | 'success' | 'error'
  /** Shows "Undo (z)" while the window lasts. */
  undoUntil?: number
  /** Stays until dismissed: for what the agent must not miss. */
  isSticky?: boolean
}

const VISIBLE_MS = 6_000

/** Short notices at the bottom of the window: what was queued, what failed, what can be undone. */
export const useToastStore = defineStore('toasts', () => {
  const toasts = ref<Toast[]>([])
  let nextId = 1

  function show(message: string, options: Pick<Toast, 'tone' | 'undoUntil' | 'isSticky'> = { tone: 'info' }): number {
    const id = nextId++
    toasts.value = [...toasts.value.slice(-2), { id, message, ...options }]
    if (!options.isSticky) setTimeout(() => dismiss(id), Math.max(VISIBLE_MS, (options.undoUntil ?? 0) - Date.now()))
    return id
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((toast) => toast.id !== id)
  }

  return { toasts, show, dismiss }
})
