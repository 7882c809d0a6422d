import type { AppError, Result } from '../../../shared/result'
import type { InboxDatabase } from '../../db/database'
import { heldReasons } from './conflicts'
import { outboxEntrySchema, sendIdOf, type OutboxEntry, type OutboxState } from './entry'
import { settleOptimistic } from './localEffects'
import { timelineText, unknownOutcomePolicy } from './operations'
import { afterAttempt, backoffDelayMs, DEFAULT_RETRY_POLICY, toOutboxError, type RetryPolicy } from './policy'
import type { OutboxRemote } from './remote'
import { seqsInStates } from './stateQueries'
import { CLOCK_SKEW_MS, isTextOnTimeline, normalizedText } from './verify'

/** Time as the engine sees it; tests drive it by hand instead of sleeping. */
export interface Clock {
  now(): number
  /** Runs the callback later; the returned function cancels it. */
  schedule(callback: () => void, delayMs: number): () => void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(callback, delayMs) {
    const handle = setTimeout(callback, delayMs)
    return () => clearTimeout(handle)
  },
}

/** What the engine tells the rest of the app, for the connectivity state and the UI. */
export type OutboxSignal =
  | { type: 'delivered'; entry: OutboxEntry }
  | { type: 'failed'; entry: OutboxEntry; error: AppError }
  | { type: 'rateLimited'; until: number }
  | { type: 'paused' }
  | { type: 'changed' }

export interface OutboxEngineOptions {
  db: InboxDatabase
  remote: OutboxRemote
  clock: Clock
  random: () => number
  meId: () => string | null
  retryPolicy?: RetryPolicy
  /** A reply that waited longer than this past its undo window is re-checked before it leaves. */
  staleReplyMs?: number
  onSignal?: (signal: OutboxSignal) => void
  /** Ordering keys in flight at once (default DEFAULT_MAX_IN_FLIGHT); 1 sends strictly one at a time. */
  maxInFlight?: number
}

const IN_LINE_STATES: OutboxState[] = ['queued', 'sending', 'retrying', 'paused', 'unknownOutcome', 'held']
const DEFAULT_STALE_REPLY_MS = 60_000
/** Outbox rows read at once while looking for the next one to send. */
const READ_BATCH = 16
/**
 * Ordering keys sent at once. Changes to different conversations are independent, and sending
 * a few side by side turns a backlog's wait into roughly its slowest requests rather than the
 * sum of them all; main's rate limiter still paces what reaches Oktopost.
 */
export const DEFAULT_MAX_IN_FLIGHT = 4

/**
 * Drains the outbox: the oldest entry of each ordering key first and one entry per key at a
 * time, so the changes to one conversation arrive in the order they were made, while a few
 * different keys are sent side by side. Every step of an entry is written to IndexedDB before
 * its next begins; after a crash, `start()` picks up from there.
 */
export class OutboxEngine {
  private pausedUntil = 0
  private isStopped = true
  private drainPromise: Promise<void> | null = null
  private isKickPending = false
  private cancelWake: (() => void) | null = null
  /** The entry being sent for each ordering key, until it is recorded. */
  private readonly inFlight = new Map<string, Promise<void>>()
  private readonly retryPolicy: RetryPolicy
  private readonly staleReplyMs: number
  private readonly maxInFlight: number

  constructor(private readonly options: OutboxEngineOptions) {
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY
    this.staleReplyMs = options.staleReplyMs ?? DEFAULT_STALE_REPLY_MS
    this.maxInFlight = Math.max(1, options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT)
  }

  /** Resumes after a restart: an entry left in `sending` may or may not have arrived. */
  async start(): Promise<void> {
    const { db } = this.options
    const interrupted = await db.outbox.where('state').equals('sending').toArray()
    for (const entry of interrupted) {
      const state = unknownOutcomePolicy(entry.operation) === 'repeat' ? 'retrying' : 'unknownOutcome'
      await db.outbox.update(entry.seq!, { state, nextAttemptAt: this.options.clock.now() })
    }
    this.isStopped = false
    this.kick()
  }

  /**
   * Stops after the entry in flight, if any, has been recorded; nothing new leaves once this
   * is called, so an engine started after it never finds an entry another one is sending.
   */
  async stop(): Promise<void> {
    this.isStopped = true
    this.clearWake()
    await this.drainPromise
    await Promise.all(this.inFlight.values())
  }

  /** Something changed (a new entry, the connection came back): look at the queue again. */
  kick(): void {
    if (this.isStopped) return
    if (this.drainPromise) {
      this.isKickPending = true
      return
    }
    this.clearWake()
    this.drainPromise = this.drain()
      .catch((error: unknown) => console.error('Outbox: reading the queue failed unexpectedly', error))
      .finally(() => {
        this.drainPromise = null
        if (this.isKickPending) {
          this.isKickPending = false
          this.kick()
        }
      })
  }

  /** The connection is back: entries waiting on a network error try again now. */
  async retryNow(): Promise<void> {
    const now = this.options.clock.now()
    await this.options.db.outbox.where('state').equals('retrying').modify((entry) => {
      if (entry.lastError?.kind === 'network') entry.nextAttemptAt = now
    })
    this.kick()
  }

  /** After the agent signs in again, paused entries go back in the queue. */
  async resumeAfterSignIn(): Promise<void> {
    this.pausedUntil = 0
    await this.options.db.outbox.where('state').equals('paused').modify({ state: 'queued', nextAttemptAt: this.options.clock.now() })
    this.kick()
  }

  /** Resolves once nothing is being sent and nothing is ready to send. */
  async whenIdle(): Promise<void> {
    while (this.drainPromise || this.inFlight.size > 0) await Promise.all([this.drainPromise, ...this.inFlight.values()])
  }

  get isPaused(): boolean {
    return this.pausedUntil > this.options.clock.now()
  }

  /** Starts ready heads until as many keys as allowed are in flight; each one kicks again when recorded. */
  private async drain(): Promise<void> {
    while (!this.isStopped && this.inFlight.size < this.maxInFlight) {
      this.isKickPending = false
      const now = this.options.clock.now()
      if (this.pausedUntil > now) {
        if (Number.isFinite(this.pausedUntil)) this.wakeAt(this.pausedUntil)
        return
      }
      const { ready, wakeAt } = await this.nextReady(now)
      if (this.isStopped) return
      if (!ready) {
        if (wakeAt !== null) this.wakeAt(wakeAt)
        return
      }
      const key = ready.orderingKey
      const sending = this.process(ready)
        .catch((error: unknown) => console.error('Outbox: sending a queued change failed unexpectedly', error))
        .finally(() => {
          this.inFlight.delete(key)
          this.kick()
        })
      this.inFlight.set(key, sending)
    }
  }

  /**
   * The oldest open entry of each ordering key is its head; only heads may leave. An entry
   * the server refused (needsAttention) has left the line: it waits for the agent without
   * holding up the changes made after it.
   */
  private async nextReady(now: number): Promise<{ ready: OutboxEntry | null; wakeAt: number | null }> {
    const { outbox } = this.options.db
    // Keys alone are cheap to read (one lookup per state); whole rows are read a few at a time,
    // oldest first, as the first ready head is usually among the first few (a long queue costs
    // no more per send).
    const seqs = await seqsInStates(this.options.db, IN_LINE_STATES)
    // A key in flight has its head out already; the next of that key waits for it.
    const seenKeys = new Set<string>(this.inFlight.keys())
    let wakeAt: number | null = null
    for (let from = 0; from < seqs.length; from += READ_BATCH) {
      const rows = await outbox.bulkGet(seqs.slice(from, from + READ_BATCH))
      for (const row of rows) {
        // Gone, or moved out of line, since its key was read.
        if (!row || !IN_LINE_STATES.includes(row.state)) continue
        const head = await this.considerHead(row, seenKeys, now)
        if (typeof head === 'number') wakeAt = wakeAt === null ? head : Math.min(wakeAt, head)
        else if (head !== null) return { ready: head, wakeAt: null }
      }
    }
    return { ready: null, wakeAt }
  }

  /** The entry when it is its key's head and due now; its due time when it is a head still waiting; null otherwise. */
  private async considerHead(row: OutboxEntry, seenKeys: Set<string>, now: number): Promise<OutboxEntry | number | null> {
    if (seenKeys.has(row.orderingKey)) return null
    seenKeys.add(row.orderingKey)
    const parsed = outboxEntrySchema.safeParse(row)
    if (!parsed.success) {
      await this.markUnreadable(row, parsed.error.issues[0]?.path.join('.') ?? 'entry')
      return null
    }
    const entry = parsed.data
    if (entry.state !== 'queued' && entry.state !== 'retrying' && entry.state !== 'unknownOutcome') return null
    const dueAt = Math.max(entry.nextAttemptAt, entry.state === 'unknownOutcome' ? 0 : entry.sendAfter)
    return dueAt <= now ? entry : dueAt
  }

  private async process(entry: OutboxEntry): Promise<void> {
    if (entry.state === 'unknownOutcome') return this.verifyOutcome(entry)
    if (this.needsConflictCheck(entry)) {
      const isClear = await this.checkConversationUnchanged(entry)
      if (!isClear || this.isStopped) return
    }
    const attempts = entry.attempts + 1
    await this.update(entry, { state: 'sending', attempts })
    const result = await this.options.remote.perform(entry.operation, sendIdOf(entry))
    await this.record({ ...entry, attempts }, result)
  }

  private async record(entry: OutboxEntry, result: Result<unknown>): Promise<void> {
    const now = this.options.clock.now()
    const transition = afterAttempt(entry, result.ok ? null : result.error, now, this.options.random, this.retryPolicy)
    const { db } = this.options
    await db.transaction('rw', [db.outbox, db.timeline, db.conversations, db.tags], async () => {
      await this.update(entry, { state: transition.state, nextAttemptAt: transition.nextAttemptAt, lastError: transition.lastError })
      if (result.ok) await settleOptimistic(db, entry, result.value)
    })
    if (transition.pauseAllUntil !== undefined) this.pauseUntil(transition.pauseAllUntil)
    const settled = { ...entry, state: transition.state }
    this.signal(result.ok ? { type: 'delivered', entry: settled } : { type: 'failed', entry: settled, error: result.error })
  }

  private needsConflictCheck(entry: OutboxEntry): boolean {
    if (entry.operation.kind !== 'reply' || entry.overrideHold || entry.baseline === null) return false
    const waitedTooLong = this.options.clock.now() - entry.sendAfter > this.staleReplyMs
    return entry.queuedOffline || entry.attempts > 0 || waitedTooLong
  }

  /** Re-reads the conversation before a reply that waited; holds it if anything happened meanwhile. */
  private async checkConversationUnchanged(entry: OutboxEntry): Promise<boolean> {
    const operation = entry.operation
    if (operation.kind !== 'reply' || entry.baseline === null) return true
    const conversation = await this.options.remote.readConversation(operation.conversationId)
    if (!conversation.ok) return this.deferAfterReadFailure(entry, conversation.error)
    const timeline = await this.options.remote.readTimeline(operation.conversationId)
    if (!timeline.ok) return this.deferAfterReadFailure(entry, timeline.error)
    const reasons = heldReasons({
      baseline: entry.baseline,
      conversation: conversation.value,
      timeline: timeline.value,
      meId: this.options.meId(),
      ownTexts: await this.ownTextsFor(operation.conversationId),
    })
    if (reasons.length === 0) return true
    await this.update(entry, { state: 'held', heldReasons: reasons })
    this.signal({ type: 'changed' })
    return false
  }

  /** An unknown outcome is settled by looking, never by sending blindly. */
  private async verifyOutcome(entry: OutboxEntry): Promise<void> {
    const operation = entry.operation
    switch (unknownOutcomePolicy(operation)) {
      case 'repeat':
        return this.update(entry, { state: 'queued', nextAttemptAt: this.options.clock.now() })
      case 'askAgent':
        await this.update(entry, {
          state: 'needsAttention',
          lastError: { kind: 'unknownOutcome', message: entry.lastError?.message ?? 'The answer was lost' },
        })
        return this.signal({ type: 'changed' })
      case 'verifyCannedResponses': {
        if (operation.kind !== 'createCannedResponse') return
        const names = await this.options.remote.cannedResponseNames(operation.name)
        if (!names.ok) return void (await this.deferAfterReadFailure(entry, names.error))
        const exists = names.value.some((name) => name.trim() === operation.name.trim())
        return this.settleVerified(entry, exists)
      }
      case 'verifyTimeline': {
        const text = timelineText(operation)
        if (text === null || !('conversationId' in operation)) return
        const timeline = await this.options.remote.readTimeline(operation.conversationId)
        if (!timeline.ok) return void (await this.deferAfterReadFailure(entry, timeline.error))
        const arrived = isTextOnTimeline({
          text,
          queuedAt: entry.createdAt,
          timeline: timeline.value,
          deliveredCopies: await this.deliveredCopies(entry, operation.conversationId, text),
        })
        return this.settleVerified(entry, arrived)
      }
    }
  }

  private async settleVerified(entry: OutboxEntry, hasArrived: boolean): Promise<void> {
    if (hasArrived) {
      await this.update(entry, { state: 'done', lastError: null })
      return this.signal({ type: 'delivered', entry: { ...entry, state: 'done' } })
    }
    // Checked and missing: sending it again cannot make a second copy.
    await this.update(entry, { state: 'queued', nextAttemptAt: this.options.clock.now(), verifyAttempts: 0 })
  }

  /** A read before sending failed: wait as the error says, without counting an attempt. */
  private async deferAfterReadFailure(entry: OutboxEntry, error: AppError): Promise<boolean> {
    const now = this.options.clock.now()
    if (error.kind === 'unauthorized' || error.kind === 'forbidden') {
      await this.update(entry, { state: 'paused', lastError: toOutboxError(error) })
      this.pauseUntil(Number.POSITIVE_INFINITY)
      return false
    }
    if (error.kind === 'notFound') {
      await this.update(entry, { state: 'needsAttention', lastError: toOutboxError(error) })
      this.signal({ type: 'changed' })
      return false
    }
    const verifyAttempts = (entry.verifyAttempts ?? 0) + 1
    const delay = error.kind === 'rateLimited' ? error.retryAfterMs : backoffDelayMs(Math.min(verifyAttempts, 6), this.retryPolicy, this.options.random)
    if (error.kind === 'rateLimited') this.pauseUntil(now + error.retryAfterMs)
    await this.update(entry, { nextAttemptAt: now + delay, verifyAttempts, lastError: toOutboxError(error) })
    this.signal({ type: 'failed', entry, error })
    return false
  }

  private async deliveredCopies(entry: OutboxEntry, conversationId: string, text: string): Promise<number> {
    const wanted = normalizedText(text)
    const since = entry.createdAt - CLOCK_SKEW_MS
    const done = await this.options.db.outbox.where('orderingKey').equals(`conversation:${conversationId}`).toArray()
    return done.filter((other) => {
      const otherText = timelineText(other.operation)
      return other.id !== entry.id && other.state === 'done' && other.createdAt >= since && otherText !== null && normalizedText(otherText) === wanted
    }).length
  }

  private async ownTextsFor(conversationId: string): Promise<string[]> {
    const entries = await this.options.db.outbox.where('orderingKey').equals(`conversation:${conversationId}`).toArray()
    return entries.map((entry) => timelineText(entry.operation)).filter((text): text is string => text !== null)
  }

  private async markUnreadable(row: OutboxEntry, where: string): Promise<void> {
    await this.options.db.outbox.update(row.seq!, {
      state: 'needsAttention',
      lastError: { kind: 'internal', message: `This queued change could not be read back (${where}); discard it and make it again` },
    })
  }

  private async update(entry: OutboxEntry, changes: Partial<OutboxEntry>): Promise<void> {
    await this.options.db.outbox.update(entry.seq!, { ...changes, updatedAt: this.options.clock.now() })
  }

  private pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until)
    this.signal(Number.isFinite(until) ? { type: 'rateLimited', until } : { type: 'paused' })
  }

  private wakeAt(time: number): void {
    this.clearWake()
    const delay = Math.max(0, time - this.options.clock.now())
    this.cancelWake = this.options.clock.schedule(() => {
      this.cancelWake = null
      this.kick()
    }, delay)
  }

  private clearWake(): void {
    this.cancelWake?.()
    this.cancelWake = null
  }

  private signal(signal: OutboxSignal): void {
    this.options.onSignal?.(signal)
  }
}
