/**
 * Oktopost ids are a three-letter prefix and twelve digits (`eit000000000001`).
 * Timeline ids embed their conversation number so that a timeline can be derived lazily
 * and its ids are still unique and stable across restarts with the same seed.
 */

const DIGITS = 12
const ENTRY_SEQ_SPAN = 100_000

export const ID_PREFIX = {
  conversation: 'eit',
  timelineEntry: 'eat',
  tag: 'etg',
  cannedResponse: 'cnr',
  user: '00A',
  credential: 'crd',
} as const

export function formatId(prefix: string, serial: number): string {
  return prefix + String(serial).padStart(DIGITS, '0')
}

/** The serial number of an id with the given prefix, or undefined if it is not one. */
export function parseId(prefix: string, id: string): number | undefined {
  if (!id.startsWith(prefix)) return undefined
  const digits = id.slice(prefix.length)
  return /^\d{12}$/.test(digits) ? Number(digits) : undefined
}

export function conversationId(index: number): string {
  return formatId(ID_PREFIX.conversation, index + 1)
}

export function conversationIndexOf(id: string): number | undefined {
  const serial = parseId(ID_PREFIX.conversation, id)
  return serial === undefined || serial === 0 ? undefined : serial - 1
}

/** `seq` counts from 1 within one conversation's timeline. */
export function timelineEntryId(conversationIndex: number, seq: number): string {
  if (seq >= ENTRY_SEQ_SPAN) throw new RangeError('a timeline holds at most 99,999 entries')
  return formatId(ID_PREFIX.timelineEntry, (conversationIndex + 1) * ENTRY_SEQ_SPAN + seq)
}
