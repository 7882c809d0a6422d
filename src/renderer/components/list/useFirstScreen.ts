import { onScopeDispose, watch, type Ref, type WatchSource } from 'vue'
import { captureScreen, dismissFirstScreen, stylesVersion, storeFirstScreen } from '../../boot/firstScreen'

/** After the screen last changed (the first copy is kept at once): a burst of changes, as a sync makes, is kept once. */
const CAPTURE_AFTER_IDLE_MS = 1_000
/** The longest a capture waits for the page to be idle. */
const CAPTURE_IDLE_TIMEOUT_MS = 5_000

export interface FirstScreenState {
  /** The list's own rows are on screen, read from the cache (or it has none to show). */
  isLive: boolean
  /** The list shows what a start shows: the inbox from its top, unfiltered, no search. */
  isStartScreen: boolean
  /** The cache the rows were read from. */
  database: string | null
}

/**
 * The list's side of the first screen (boot/firstScreen.ts): takes the painted copy away as soon
 * as the list's own rows are on screen, and keeps a copy of the screen whenever it shows what the
 * next start will show, once changes settle and when the page goes away. The cursor, selection and
 * open row are left out of the copy (the list is copied only with nothing selected): a start
 * opens no conversation and puts the cursor on the top row.
 */
export function useFirstScreen(state: WatchSource<FirstScreenState>, scroller: Ref<HTMLElement | null>, changes: WatchSource<unknown>): void {
  let latest: FirstScreenState | null = null
  let pending: { cancel(): void } | null = null

  function capture(): void {
    pending = null
    const element = scroller.value
    const shell = element?.closest('.app-shell')
    if (!latest?.isLive || !latest.isStartScreen || latest.database === null || !element || !shell) return
    if (element.scrollTop !== 0 || document.querySelector('[role="dialog"]')) return
    const styles = stylesVersion(document)
    if (styles === null) return
    storeFirstScreen(window.localStorage, {
      database: latest.database,
      styles,
      theme: document.documentElement.dataset['theme'] ?? null,
      html: captureScreen(shell, putCursorAtTop),
    })
  }

  let hasCaptured = false
  function schedule(): void {
    pending?.cancel()
    const delayMs = hasCaptured ? CAPTURE_AFTER_IDLE_MS : 0
    hasCaptured = true
    const timer = window.setTimeout(() => {
      const idle = window.requestIdleCallback(capture, { timeout: CAPTURE_IDLE_TIMEOUT_MS })
      pending = { cancel: () => window.cancelIdleCallback(idle) }
    }, delayMs)
    pending = { cancel: () => window.clearTimeout(timer) }
  }

  watch(
    [state, changes],
    ([next]) => {
      latest = next
      if (next.isLive) dismissFirstScreen()
      if (next.isLive && next.isStartScreen) schedule()
    },
    { immediate: true, flush: 'post' },
  )

  const onPageHide = () => capture()
  window.addEventListener('pagehide', onPageHide)
  onScopeDispose(() => {
    pending?.cancel()
    window.removeEventListener('pagehide', onPageHide)
    dismissFirstScreen()
  })
}

/** The copy as a start shows it: the cursor on the top row, no row open. */
function putCursorAtTop(copy: Element): void {
  const rows = copy.querySelectorAll('[role="option"]')
  for (const row of rows) {
    row.removeAttribute('data-cursor')
    row.removeAttribute('data-open')
    row.setAttribute('aria-selected', 'false')
  }
  rows[0]?.setAttribute('data-cursor', 'true')
  rows[0]?.setAttribute('aria-selected', 'true')
}
