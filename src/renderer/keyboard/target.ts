/** The attribute that puts its subtree in a keyboard scope, e.g. the composer's container. */
export const SCOPE_ATTRIBUTE = 'data-command-scope'

/** What the dispatcher needs to know about where a key was typed, without holding the DOM node. */
export interface TargetDescription {
  readonly tagName: string
  /** The `type` of an <input>, lower-cased; null for other elements. */
  readonly inputType: string | null
  readonly isContentEditable: boolean
  readonly isInComposer: boolean
  /** A button or link: Enter and Space activate it, whatever the shortcuts say. */
  readonly isControl: boolean
}

/** Inputs that take no text, so letters and arrows typed on them are not lost to typing. */
const NON_TEXT_INPUT_TYPES: ReadonlySet<string> = new Set(['button', 'submit', 'reset', 'checkbox', 'image'])

export function describeTarget(target: EventTarget | null): TargetDescription {
  const element = isElement(target) ? target : null
  return {
    tagName: element?.tagName.toUpperCase() ?? '',
    inputType: element?.tagName.toUpperCase() === 'INPUT' ? ((element as HTMLInputElement).type || 'text').toLowerCase() : null,
    isContentEditable: (element as HTMLElement | null)?.isContentEditable === true,
    isInComposer: element?.closest(`[${SCOPE_ATTRIBUTE}="composer"]`) != null,
    isControl: element?.closest('button, a[href], summary, [role="button"]') != null,
  }
}

/** Enter or Space on a focused button or link is that control's own activation. */
export function isControlActivation(target: TargetDescription, event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  const isActivationKey = event.key === 'Enter' || event.key === ' '
  return target.isControl && isActivationKey && !event.ctrlKey && !event.metaKey && !event.altKey
}

function isElement(target: EventTarget | null): target is Element {
  return target !== null && typeof (target as Element).closest === 'function' && typeof (target as Element).tagName === 'string'
}

/** Typing into this target: single-key shortcuts must stay out of the way. */
export function isTypingTarget(target: TargetDescription): boolean {
  if (target.isContentEditable) return true
  switch (target.tagName) {
    case 'TEXTAREA':
    case 'SELECT':
      return true
    case 'INPUT':
      return !NON_TEXT_INPUT_TYPES.has(target.inputType ?? 'text')
    default:
      return false
  }
}
