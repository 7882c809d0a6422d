import type { OutboxEntry, OutboxError } from '../../sync/outbox/entry'

/** Where a change the agent just submitted stands, for the form that submitted it. */
export type SubmissionOutcome =
  /** The server accepted it. */
  | { kind: 'sent' }
  /** Still in the outbox; it leaves on its own when it can. */
  | { kind: 'queued'; reason: 'offline' | 'waiting' }
  /** The server failed in a way worth waiting out (429, 5xx): the outbox tries again on its own. */
  | { kind: 'retrying'; error: OutboxError }
  /** The server refused it, or sending stopped: the form shows why and can send it again edited. */
  | { kind: 'refused'; entryId: string; error: OutboxError }

/**
 * Settled means the form can stop waiting: delivered, refused, or set to retry later. An entry
 * that is gone was taken back (undo) or discarded elsewhere; the form has nothing to wait for.
 */
export function isSettled(entry: OutboxEntry | undefined): boolean {
  return entry === undefined || !['queued', 'sending'].includes(entry.state)
}

export function submissionOutcome(entry: OutboxEntry | undefined, isOffline: boolean): SubmissionOutcome {
  if (entry === undefined) return { kind: 'queued', reason: 'waiting' }
  switch (entry.state) {
    case 'done':
      return { kind: 'sent' }
    case 'needsAttention':
    case 'paused':
    case 'held':
      return { kind: 'refused', entryId: entry.id, error: entry.lastError ?? { kind: 'internal', message: '' } }
    case 'unknownOutcome':
      return { kind: 'refused', entryId: entry.id, error: entry.lastError ?? { kind: 'unknownOutcome', message: '' } }
    case 'retrying':
      return entry.lastError === null || entry.lastError.kind === 'network' || isOffline
        ? { kind: 'queued', reason: 'offline' }
        : { kind: 'retrying', error: entry.lastError }
    case 'queued':
    case 'sending':
      return { kind: 'queued', reason: isOffline ? 'offline' : 'waiting' }
  }
}
