import type { SeedReport } from './benchPageApi'
import type { DrainRun } from './figures/outboxDrain'
import type { Machine } from './machine'
import type { Summary } from './stats'

export interface BenchSettings {
  sizes: number[]
  /** Measured runs of cold start, opening a conversation and search, after `warmups` thrown away. */
  runs: number
  warmups: number
  /** `j` presses measured at each size, after `pressWarmups` thrown away. */
  presses: number
  pressWarmups: number
  /**
   * Measured ingest runs per size, each writing every conversation twice (app, then bare, or
   * the other way): fewer at the large sizes, where one run takes a minute. The seeding,
   * which goes through the same code, is their warm-up.
   */
  ingestRuns: (size: number) => number
  drainOperations: number
  isSmoke: boolean
}

export interface SizeResult {
  conversations: number
  seed: SeedReport
  /** To the first 50 rows painted, whichever: the first screen kept from the last run, or the live list. */
  coldStartMs: Summary
  /** To 50 of the live list's own rows, read from IndexedDB. */
  coldStartLiveMs: Summary
  keyboard: { latencyMs: Summary; longestTaskMs: number }
  /** `Enter` to the timeline's screen whole: scrolled to the newest entry, filled from the top of the view. */
  openConversationMs: Summary
  /** `Enter` to every one of the 200 cached entries drawn (the timeline draws the older ones in slices after the first screen). */
  openConversationAllDrawnMs: Summary
  searchKeystrokeMs: Summary
  ingest: {
    /** App rate / bare bulkPut rate, per run. */
    ratio: Summary
    appPerSecond: Summary
    barePerSecond: Summary
    longestTaskMs: number
    /** In the app: the longest task while a background refresh re-ingests a view into this cache. */
    longestTaskInAppMs: number
  }
  outboxDrain: Omit<DrainRun, 'latenciesMs'> & {
    sumOfLatenciesMs: number
    /** Total time / the sum of the requests' own latencies. */
    timeOverLatencies: number
    requestLatencyMs: Summary
  }
  heapAfterScrollMb: number
  seconds: number
}

export interface BenchResults {
  ranAt: string
  machine: Machine
  settings: Omit<BenchSettings, 'ingestRuns'> & { ingestRuns: Record<number, number> }
  /** The keyboard figure's method on a page that only moves its cursor. */
  floorMs: Summary
  sizes: SizeResult[]
  minutes: number
}
