/**
 * The probe (tests/bench/page/probe.ts) instruments the app's page from the outside: the
 * harness adds it as an init script, nothing of it is in the app's bundle.
 */
export type Expectation =
  /** The list's cursor row is another conversation than when armed. */
  | { kind: 'selectionMoved' }
  /**
   * The open conversation's timeline has read the cache and its screen is whole: scrolled to the
   * newest entry, with entries from the top of the view down (what the agent reads on opening).
   */
  | { kind: 'timelineFilled' }
  /** The open conversation's timeline has read the cache and drawn at least `entries` entries. */
  | { kind: 'timelineShown'; entries: number }
  /** The search field holds `value` and the list is no longer busy answering it. */
  | { kind: 'searchAnswered'; value: string }

export interface BenchProbe {
  /** Navigation start to the end of the first frame with COLD_START_ROWS filled list rows. */
  coldStart(): Promise<number>
  /** The same, counting only the app's own rows, read from IndexedDB: not the first screen it paints from its last run. */
  liveList(): Promise<number>
  /** Main-thread tasks over 50 ms since the page started. */
  longTasks: Array<{ startTime: number; duration: number }>
  /** Scrolls the conversation list to its end, one frame per step, in at most `maxSteps` steps. */
  scrollListToEnd(maxSteps: number): Promise<void>
  /** Waits for the next keydown, then for a frame that meets `expectation`. */
  arm(expectation: Expectation): void
  /** The armed measurement in ms; rejects if no frame met it within 15 s. */
  measured(): Promise<number>
  now(): number
}

declare global {
  interface Window {
    benchProbe?: BenchProbe
    /** Set (by a page's own init script) on the pages that measure a cold start; the others skip the per-frame watch. */
    benchMeasuresColdStart?: boolean
  }
}

/** The init script that marks a page as measuring its cold start. */
export const MEASURE_COLD_START_SCRIPT = 'window.benchMeasuresColdStart = true'

/** The list's first 50 rows on screen at once (76 px rows under the list header) for the cold start. */
export const COLD_START_ROWS = 50
