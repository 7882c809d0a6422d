import { onMounted, ref, watch, type Ref } from 'vue'
import type { TimelineItem } from '../../conversation/timelineModel'

/** Older pages start loading this far from the top, so they are usually there before the agent is. */
const NEAR_TOP_PX = 400
/** Within this of the bottom counts as "reading the newest": new entries keep it pinned there. */
const AT_BOTTOM_PX = 48
/** After a page that brought nothing (offline, an error), wait before asking again. */
const STALLED_RETRY_MS = 10_000

export interface TimelineScrollOptions {
  items: Readonly<Ref<readonly TimelineItem[]>>
  canLoadOlder: () => boolean
  /** Resolves true when a page arrived (or the start was reached), false when nothing could be read. */
  loadOlder: () => Promise<boolean>
}

/**
 * The timeline's scrolling: it opens at the newest entry and stays there as entries arrive
 * while the agent reads the bottom; older pages load as they near the top without moving
 * what they are reading (the first visible entry keeps its place on screen, wherever the
 * new entries landed, threads included); their own new reply or note is scrolled into view.
 */
export function useTimelineScroll(scroller: Ref<HTMLElement | null>, options: TimelineScrollOptions) {
  const isLoadingOlder = ref(false)
  let hasShownEntries = false
  let wasAtBottom = true
  let anchor: { key: string; offset: number } | null = null
  let stalledUntil = 0

  function entryElement(element: HTMLElement, key: string): HTMLElement | null {
    return element.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(key)}"]`)
  }

  function capture(): void {
    const element = scroller.value
    if (!element) return
    wasAtBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= AT_BOTTOM_PX
    const top = element.getBoundingClientRect().top
    anchor = null
    for (const article of element.querySelectorAll<HTMLElement>('[data-entry-id]')) {
      const rect = article.getBoundingClientRect()
      if (rect.bottom > top) {
        anchor = { key: article.dataset['entryId'] ?? '', offset: rect.top - top }
        return
      }
    }
  }

  function restore(ownNewKey: string | undefined): void {
    const element = scroller.value
    if (!element) return
    if (!hasShownEntries || wasAtBottom) {
      element.scrollTop = element.scrollHeight
      hasShownEntries = options.items.value.some((item) => item.kind === 'entry')
    } else if (anchor) {
      const article = entryElement(element, anchor.key)
      if (article) element.scrollTop += article.getBoundingClientRect().top - element.getBoundingClientRect().top - anchor.offset
    }
    if (ownNewKey !== undefined) entryElement(element, ownNewKey)?.scrollIntoView({ block: 'nearest' })
  }

  /**
   * An optimistic row that just appeared: the agent's own reply or note. Items that appeared
   * above what was there (older ones drawn or loaded) are never new.
   */
  function ownNewKey(next: readonly TimelineItem[], previous: readonly TimelineItem[] | undefined): string | undefined {
    const known = new Set((previous ?? []).map((item) => item.key))
    const firstKnown = Math.max(0, next.findIndex((item) => known.has(item.key)))
    const added = next.slice(firstKnown).find((item) => item.kind === 'entry' && item.row.outboxEntryId !== undefined && !known.has(item.key))
    return added?.key
  }

  /** The page can render before the load's promise settles; whoever finishes last looks again. */
  let shouldLookAgain = false

  async function maybeLoadOlder(): Promise<void> {
    const element = scroller.value
    if (isLoadingOlder.value) {
      shouldLookAgain = true
      return
    }
    if (!element || element.scrollTop > NEAR_TOP_PX || Date.now() < stalledUntil || !options.canLoadOlder()) return
    isLoadingOlder.value = true
    shouldLookAgain = false
    let hasProgressed = false
    try {
      hasProgressed = await options.loadOlder()
    } finally {
      isLoadingOlder.value = false
    }
    if (!hasProgressed) stalledUntil = Date.now() + STALLED_RETRY_MS
    else if (shouldLookAgain) void maybeLoadOlder()
  }

  watch(options.items, capture, { flush: 'pre' })
  watch(
    options.items,
    (next, previous) => {
      restore(ownNewKey(next, previous))
      void maybeLoadOlder()
    },
    { flush: 'post' },
  )
  onMounted(() => restore(undefined))

  return { isLoadingOlder, onScroll: () => void maybeLoadOlder() }
}
