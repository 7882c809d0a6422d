/** A "/query" being typed in the composer: where it starts and ends, and what follows the slash. */
export interface SlashTrigger {
  start: number
  end: number
  query: string
}

/**
 * The canned-response trigger under the caret: a `/` at the start of the text or after
 * whitespace, followed by non-space characters up to the caret. URLs ("https://") and
 * "and/or" don't trigger, because their slash follows a letter or another slash.
 */
export function findSlashTrigger(text: string, caret: number): SlashTrigger | null {
  const before = text.slice(0, caret)
  const match = /(^|\s)\/([^\s/]*)$/.exec(before)
  if (!match) return null
  const start = caret - match[2]!.length - 1
  return { start, end: caret, query: match[2]! }
}

export interface TextEdit {
  text: string
  /** Where the caret goes: right after what was inserted. */
  caret: number
}

/** Replaces `text[start, end)` with `insert`. */
export function replaceRange(text: string, start: number, end: number, insert: string): TextEdit {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length }
}
