import type { OutboxEntry } from '../sync/outbox/entry'
import { conversationStrings } from '../strings/conversation'

const strings = conversationStrings.outbox

/** How calm the badge is: waiting its turn, on its way, needing the agent, or delivered. */
export type OutboxTone = 'waiting' | 'progress' | 'attention' | 'done'

export interface OutboxStatus {
  label: string
  tone: OutboxTone
  /** Why it is stuck, in the server's or the sync's words. */
  detail: string | null
  /** The label of "send it again" where the timeline offers it (the outbox view, g o, offers the rest). */
  resendLabel: string | null
  canDiscard: boolean
}

/**
 * An optimistic reply or note as the timeline shows it. No entry means it left and was
 * settled (or undone, in which case the row is gone too).
 */
export function outboxStatus(entry: OutboxEntry | undefined): OutboxStatus {
  const status = (label: string, tone: OutboxTone, detail: string | null = null, resendLabel: string | null = null): OutboxStatus => ({
    label,
    tone,
    detail,
    resendLabel,
    canDiscard: resendLabel !== null,
  })
  if (entry === undefined) return status(strings.done, 'done')
  switch (entry.state) {
    case 'queued':
      return status(entry.queuedOffline ? strings.queuedOffline : strings.queued, 'waiting')
    case 'sending':
      return status(strings.sending, 'progress')
    case 'retrying':
      return status(strings.retrying, 'waiting', errorText(entry))
    case 'paused':
      return status(strings.paused, 'attention', errorText(entry))
    case 'needsAttention':
      return status(strings.needsAttention, 'attention', errorText(entry), strings.retry)
    case 'unknownOutcome':
      return status(strings.unknownOutcome, 'progress')
    case 'held':
      return status(strings.held, 'attention', (entry.heldReasons ?? []).map(strings.heldReason).join('. ') || null, strings.sendAnyway)
    case 'done':
      return status(strings.done, 'done')
  }
}

/** The server's field messages say more than its summary ("Message can't be empty"). */
function errorText(entry: OutboxEntry): string | null {
  const error = entry.lastError
  if (error === null) return null
  const fields = Object.values(error.fields ?? {})
  return fields.length > 0 ? fields.join('. ') : error.message
}
