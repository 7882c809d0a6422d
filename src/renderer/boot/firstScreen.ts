/**
 * The first screen, painted from the last one before the app's code has loaded.
 *
 * At 50,000 cached conversations, a freshly started Chromium takes about 200 ms just to open the
 * origin's IndexedDB (under 30 ms for a small one), and loading and starting the app takes longer
 * still, so the list would first show after most of a second. Each time the inbox shows the top
 * of its list read from the cache, a copy of the screen's markup is kept in localStorage; the next
 * start paints it at once, inert, over the app while the app loads, and the app takes it away
 * when its own list has read those rows from the cache. It holds what the cache holds (names and
 * snippets of the rows on screen) and goes with it: on signing out and on deleting the cache.
 *
 * Nothing here imports the app: this module runs before the app's bundle is even loaded.
 */
import { LAST_DATABASE_KEY, readFirstScreen } from './firstScreenStorage'

export { forgetFirstScreen, storeFirstScreen } from './firstScreenStorage'

/** The painted copy never outstays a start that went wrong. */
const LONGEST_SHOWN_MS = 10_000

const OVERLAY_CLASS = 'first-screen'
/** Marks what the copy leaves empty: what changes by the second, or is about one conversation. */
const OMIT_ATTRIBUTE = 'data-first-screen-omit'
/**
 * Where the copy keeps each element's inline style. Under the CSP, every style attribute parsed
 * from markup is refused and reported, which made reading the copy back ten times slower; set
 * through the CSSOM, as Vue sets them, they apply.
 */
const STYLE_ATTRIBUTE = 'data-first-screen-style'

/** The built stylesheet's address, which changes with every change to the app's styles and markup; none in development. */
export function stylesVersion(document: Document): string | null {
  return document.querySelector<HTMLLinkElement>('link[rel="stylesheet"][href*="assets/"]')?.getAttribute('href') ?? null
}

/** Where the app starts on the inbox: the copy is of the inbox, not of whatever page was asked for. */
const START_ROUTES: ReadonlySet<string> = new Set(['', '#/', '#/view/inbox'])

let painted: HTMLElement | null = null

/**
 * Paints the last first screen over the page, if there is one for the cache the app opened last,
 * and says whether it did. It is inert and hidden from assistive technology: the app beneath
 * takes the keys and is what a screen reader reads.
 */
export function paintFirstScreen(window: Window): boolean {
  const { document, localStorage, location } = window
  if (!START_ROUTES.has(location.hash)) return false
  const screen = readFirstScreen(localStorage, localStorage.getItem(LAST_DATABASE_KEY), stylesVersion(document))
  if (!screen) return false
  const template = document.createElement('template')
  template.innerHTML = screen.html
  removeActiveContent(template.content)
  const overlay = document.createElement('div')
  overlay.className = OVERLAY_CLASS
  overlay.inert = true
  overlay.setAttribute('aria-hidden', 'true')
  overlay.append(template.content)
  for (const element of overlay.querySelectorAll<HTMLElement | SVGElement>(`[${STYLE_ATTRIBUTE}]`)) {
    element.style.cssText = element.getAttribute(STYLE_ATTRIBUTE) ?? ''
    element.removeAttribute(STYLE_ATTRIBUTE)
  }
  if (screen.theme !== null && document.documentElement.dataset['theme'] === undefined) document.documentElement.dataset['theme'] = screen.theme
  document.body.append(overlay)
  painted = overlay
  window.setTimeout(dismissFirstScreen, LONGEST_SHOWN_MS)
  return true
}

/**
 * The copy is the app's own markup, but it is read back from storage: nothing in it may run or
 * fetch. The CSP would stop inline script and handlers too; this does not lean on it alone. The
 * style attributes are taken out, to be set again once the copy is in the page.
 */
function removeActiveContent(root: DocumentFragment): void {
  for (const element of root.querySelectorAll('script, style, link, meta, base, iframe, frame, object, embed')) element.remove()
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value } of [...element.attributes]) {
      const isActive = name.startsWith('on') || FETCHING_ATTRIBUTES.has(name) || name === 'style'
      if (isActive || (name === STYLE_ATTRIBUTE && value.includes('url('))) element.removeAttribute(name)
    }
  }
}

const FETCHING_ATTRIBUTES: ReadonlySet<string> = new Set(['src', 'srcset', 'href', 'xlink:href', 'action', 'formaction', 'poster', 'background'])

/** Takes the painted copy away: the app's own screen is ready, or is not the one it showed. */
export function dismissFirstScreen(): void {
  painted?.remove()
  painted = null
}

/**
 * The markup of the screen under `shell`, with what `OMIT_ATTRIBUTE` marks left empty (the
 * elements stay, so the layout keeps its shape), after `adjust` has had the copy.
 */
export function captureScreen(shell: Element, adjust: (copy: Element) => void = () => undefined): string {
  const copy = shell.cloneNode(true) as Element
  for (const omitted of copy.querySelectorAll(`[${OMIT_ATTRIBUTE}]`)) omitted.replaceChildren()
  for (const element of [copy, ...copy.querySelectorAll('[style]')]) {
    const style = element.getAttribute('style')
    if (style === null) continue
    element.setAttribute(STYLE_ATTRIBUTE, style)
    element.removeAttribute('style')
  }
  adjust(copy)
  return copy.outerHTML
}
