import type { TimelineEntry } from '../../../shared/domain/timeline'

/** Timestamps from the server and this machine disagree a little; allow for it. */
export const CLOCK_SKEW_MS = 10 * 60_000

export function normalizedText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Whether a text whose outcome is unknown is already on the timeline. Agents do send the
 * same words twice ("Thanks!"), so it counts: the entry arrived only if the timeline holds
 * more copies (since it was queued) than the outbox already knows it delivered.
 */
export function isTextOnTimeline(options: {
  text: string
  queuedAt: number
  timeline: readonly TimelineEntry[]
  deliveredCopies: number
}): boolean {
  const wanted = normalizedText(options.text)
  const since = options.queuedAt - CLOCK_SKEW_MS
  const copies = options.timeline.filter(
    (entry) => entry.content !== null && normalizedText(entry.content) === wanted && Date.parse(entry.createdAt) >= since,
  ).length
  return copies > options.deliveredCopies
}
