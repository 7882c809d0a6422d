/**
 * What the bench page (tests/bench/page/, a bundle built only for `npm run bench`) offers the
 * harness. It runs on the preview's own origin, so it writes the very IndexedDB database the
 * app then opens, and it does so with the app's own sign-in, sync and outbox code.
 */
export interface SandboxCredentials {
  accountId: string
  apiKey: string
  baseUrl: string
}

export interface SeedPlan {
  conversations: number
  /** This conversation's timeline is cached to exactly `openEntries` entries, for "open a conversation". */
  openConversationId: string
  openEntries: number
  /** The newest open conversations whose first timeline page is cached too, for local search. */
  searchTimelines: number
}

export interface SeedReport {
  conversations: number
  timelines: number
  timelineEntries: number
  openConversationEntries: number
  seconds: number
}

/** Who writes the seeded conversations into an empty database: the app's sync code, or a bare Dexie bulkPut. */
export type IngestWriter = 'app' | 'bare'

export interface IngestTiming {
  conversations: number
  ms: number
  /** Longest main-thread task while it ran; 0 when none passed 50 ms. */
  longestTaskMs: number
}

export interface BenchPageApi {
  /** Signs in to the sandbox and opens that account's cache. */
  signIn(credentials: SandboxCredentials): Promise<void>
  /** Opens the cache of whoever the preview has signed in. */
  openSignedIn(): Promise<void>
  seed(plan: SeedPlan): Promise<SeedReport>
  /** Writes what seeding read into an empty scratch database, deleted again before it answers. */
  ingestOnce(writer: IngestWriter): Promise<IngestTiming>
  /** Queues `count` operations through the app's enqueue, four per conversation; answers how many. */
  queueOutbox(count: number): Promise<number>
  /** Outbox entries not yet done. */
  outboxOpen(): Promise<number>
}

declare global {
  interface Window {
    inboxBench?: BenchPageApi
  }
}
