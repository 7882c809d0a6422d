import { nextTick, onBeforeUnmount, onMounted, type Ref } from 'vue'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Focus for a modal panel: moves into it on open, keeps Tab inside it, and gives focus back
 * to whatever had it before, on close. Bind the returned `onKeydown` on the panel.
 */
export function useModalFocus(container: Ref<HTMLElement | null>, initial: Ref<HTMLElement | null> = container) {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null

  onMounted(() => void nextTick(() => initial.value?.focus()))

  onBeforeUnmount(() => {
    if (previous?.isConnected) previous.focus()
  })

  function onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || !container.value) return
    const focusable = [...container.value.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = focusable[0]
    const last = focusable.at(-1)
    const active = document.activeElement
    if (!first || !last) {
      event.preventDefault()
      return
    }
    if (event.shiftKey && (active === first || !container.value.contains(active))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (active === last || !container.value.contains(active))) {
      event.preventDefault()
      first.focus()
    }
  }

  return { onKeydown }
}
