import { computed, ref, type Ref } from 'vue'
import type { FieldErrors } from '../../../shared/result'
import { useToastStore } from '../../stores/toastStore'
import { formStrings } from '../../strings/forms'
import type { Operation } from '../../sync/outbox/operations'
import type { Explanation, ServerAnswer } from './explainAnswers'
import { useOutboxSubmission } from './useOutboxSubmission'

export interface DialogFormOptions<Field extends string> {
  /** The form's own checks: the documented limits. */
  check(): FieldErrors
  /** What the server's refusals mean for this form. */
  explain(answer: ServerAnswer): Explanation
  valueOf(field: Field): unknown
  /** The change to queue; called only when `check` passes. */
  operation(): Operation | null
  sentMessage(): string
  queuedMessage(): string
  /** The change left the form: delivered, or handed to the outbox. */
  onDone(): void
}

/**
 * A dialog that sends one change through the outbox, and what it shows meanwhile:
 * - its own checks, once the agent tried to submit or as soon as a field has text (so "too
 *   long" shows while typing but "can't be empty" waits);
 * - the server's refusal (409, 400, 404…), explained, kept until the agent edits the field it
 *   concerns, and sent again as the same outbox entry so the outbox never holds two copies;
 * - a failure the outbox will wait out (429, 5xx), explained, after which the form only closes:
 *   sending it again from here would queue a second copy.
 */
export function useDialogForm<Field extends string>(options: DialogFormOptions<Field>) {
  const toasts = useToastStore()
  const { submit, isSubmitting } = useOutboxSubmission()
  const hasTried = ref(false)
  const answer: Ref<Explanation | null> = ref(null)
  /** Set once the change is in the outbox for good: the form can only close. */
  const isHandedOver = ref(false)
  let retryEntryId: string | undefined

  const ownFields = computed(() => options.check())

  function errorOf(field: Field): string | undefined {
    const value = options.valueOf(field)
    const isShown = hasTried.value || (typeof value === 'string' && value !== '')
    return answer.value?.fields[field] ?? (isShown ? ownFields.value[field] : undefined)
  }

  function edited(field: Field): void {
    if (!answer.value?.fields[field]) return
    const { [field]: _cleared, ...fields } = answer.value.fields
    answer.value = { ...answer.value, fields }
  }

  async function save(): Promise<void> {
    if (isHandedOver.value) return options.onDone()
    hasTried.value = true
    const operation = Object.keys(ownFields.value).length === 0 ? options.operation() : null
    if (operation === null) return
    const outcome = await submit(operation, retryEntryId)
    switch (outcome.kind) {
      case 'invalid':
        answer.value = { title: '', detail: '', fields: outcome.fields }
        return
      case 'refused':
        retryEntryId = outcome.entryId
        answer.value = options.explain(outcome.error)
        return
      case 'retrying':
        isHandedOver.value = true
        answer.value = options.explain(outcome.error)
        return
      case 'sent':
        toasts.show(options.sentMessage(), { tone: 'success' })
        return options.onDone()
      case 'queued': {
        const why = outcome.reason === 'offline' ? formStrings.submission.queuedOffline : formStrings.submission.queuedWaiting
        toasts.show(`${options.queuedMessage()}. ${why}`)
        return options.onDone()
      }
    }
  }

  return { answer, isSubmitting, isHandedOver, errorOf, edited, save }
}
