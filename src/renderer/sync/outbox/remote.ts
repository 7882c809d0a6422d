import type { Conversation } from '../../../shared/domain/conversation'
import type { TimelineEntry } from '../../../shared/domain/timeline'
import type { Result } from '../../../shared/result'
import type { Operation } from './operations'

/**
 * What the outbox needs from the outside world. The app implements it over IPC; the
 * engine never knows whether main, a test double or a sandbox answers.
 */
export interface OutboxRemote {
  /**
   * Sends one operation; the answer's value is what the API returned for it (a note, tags…).
   * `sendId` (sendIdOf the entry) lets main send it at most once, however often it is asked.
   */
  perform(operation: Operation, sendId: string): Promise<Result<unknown>>
  readConversation(conversationId: string): Promise<Result<Conversation>>
  /** The newest page of a conversation's timeline. */
  readTimeline(conversationId: string): Promise<Result<TimelineEntry[]>>
  cannedResponseNames(search: string): Promise<Result<string[]>>
}
