import { computed, nextTick, ref, type Ref } from 'vue'
import type { CannedSearch } from '../../conversation/cannedSearch'
import { findSlashTrigger, replaceRange, type SlashTrigger } from '../../conversation/composerText'

const RESULT_LIMIT = 6

/**
 * Typing `/` at the start of a word in the composer opens canned responses under the caret:
 * arrows move, Enter or Tab inserts in place of the `/query`, Escape closes it until the next `/`.
 */
export function useSlashCanned(textarea: Ref<HTMLTextAreaElement | null>, text: Ref<string>, search: Ref<CannedSearch>) {
  const trigger = ref<SlashTrigger | null>(null)
  const activeIndex = ref(0)
  /** The start of a trigger the agent dismissed with Escape; it stays closed while they keep typing it. */
  let dismissedStart: number | null = null

  const results = computed(() => (trigger.value ? search.value(trigger.value.query, RESULT_LIMIT) : []))
  const isOpen = computed(() => trigger.value !== null)

  /** Call after every input and caret move. */
  function update(): void {
    const element = textarea.value
    if (!element || element.selectionStart !== element.selectionEnd) {
      trigger.value = null
      return
    }
    const found = findSlashTrigger(text.value, element.selectionStart)
    if (found === null) dismissedStart = null
    const next = found !== null && found.start !== dismissedStart ? found : null
    if (next?.query !== trigger.value?.query) activeIndex.value = 0
    trigger.value = next
  }

  function choose(index: number): void {
    const current = trigger.value
    const response = results.value[index]
    if (!current || !response) return
    const edit = replaceRange(text.value, current.start, current.end, response.content)
    text.value = edit.text
    trigger.value = null
    void nextTick(() => {
      textarea.value?.focus()
      textarea.value?.setSelectionRange(edit.caret, edit.caret)
    })
  }

  /** Handles the keys the list needs; returns without touching anything else (Ctrl+Enter still sends). */
  function onKeydown(event: KeyboardEvent): void {
    if (!trigger.value || event.altKey || event.ctrlKey || event.metaKey) return
    const count = results.value.length
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return
        event.preventDefault()
        activeIndex.value = (activeIndex.value + (event.key === 'ArrowDown' ? 1 : -1) + count) % count
        return
      case 'Enter':
      case 'Tab':
        if (count === 0 || event.shiftKey) return
        event.preventDefault()
        choose(activeIndex.value)
        return
      case 'Escape':
        // Handled here, so the dispatcher sees it as taken and the agent stays in the field.
        event.preventDefault()
        dismissedStart = trigger.value.start
        trigger.value = null
        return
    }
  }

  return { trigger, results, activeIndex, isOpen, update, choose, onKeydown }
}
