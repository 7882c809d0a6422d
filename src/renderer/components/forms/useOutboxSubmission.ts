import { liveQuery } from 'dexie'
import { ref } from 'vue'
import type { FieldErrors } from '../../../shared/result'
import type { InboxDatabase } from '../../db/database'
import { useWorkspaceStore } from '../../stores/workspaceStore'
import type { OutboxEntry } from '../../sync/outbox/entry'
import type { Operation } from '../../sync/outbox/operations'
import { isSettled, submissionOutcome, type SubmissionOutcome } from './submissionOutcome'

/** How long a form waits for its turn in the outbox before it closes and leaves the change there. */
const DEFAULT_QUEUED_WAIT_MS = 8_000
/**
 * Once on its way (waiting for the rate limit, then the request) the change comes back with an
 * answer; the form waits for it up to this, so a refusal shows where it was made.
 */
const SENDING_WAIT_MS = 90_000

export type SubmitResult = SubmissionOutcome | { kind: 'invalid'; message: string; fields: FieldErrors }

function waitForSettled(db: InboxDatabase, entryId: string, queuedWaitMs: number): Promise<OutboxEntry | undefined> {
  return new Promise((resolve) => {
    let latest: OutboxEntry | undefined
    const finish = () => {
      clearTimeout(queuedTimer)
      clearTimeout(sendingTimer)
      subscription.unsubscribe()
      resolve(latest)
    }
    const queuedTimer = setTimeout(() => {
      if (latest?.state !== 'sending') finish()
    }, queuedWaitMs)
    const sendingTimer = setTimeout(finish, SENDING_WAIT_MS)
    const subscription = liveQuery(() => db.outbox.get({ id: entryId })).subscribe({
      next: (entry) => {
        latest = entry
        if (isSettled(entry)) finish()
      },
      error: finish,
    })
  })
}

/**
 * Sends a form's change the way every change goes: into the outbox. While online it waits for
 * the server's answer, so a refusal (409, 400…) shows in the form itself; offline, or behind
 * other changes, it stays queued and the form closes. A refused entry
 * is sent again edited (`retryEntryId`), so the outbox never holds two copies.
 */
export function useOutboxSubmission(queuedWaitMs = DEFAULT_QUEUED_WAIT_MS) {
  const workspace = useWorkspaceStore()
  const isSubmitting = ref(false)

  async function submit(operation: Operation, retryEntryId?: string): Promise<SubmitResult> {
    isSubmitting.value = true
    try {
      const queued = retryEntryId === undefined ? await workspace.queue(operation) : await workspace.resendEntry(retryEntryId, operation)
      if (!queued.ok) {
        const fields = queued.error.kind === 'invalid' ? queued.error.fields : {}
        return { kind: 'invalid', message: queued.error.message, fields }
      }
      const isOffline = () => workspace.connectivity.kind === 'offline'
      if (isOffline() || !workspace.db) return submissionOutcome(queued.value, true)
      return submissionOutcome(await waitForSettled(workspace.db, queued.value.id, queuedWaitMs), isOffline())
    } finally {
      isSubmitting.value = false
    }
  }

  return { submit, isSubmitting }
}
