import { COLD_START_ROWS, type BenchProbe, type Expectation } from '../probeApi'

/**
 * Built into one script the harness adds to every page before the page's own scripts. Every
 * latency runs from a key's `keydown` timestamp to the end of the first frame that shows the
 * expected result: the checks run in rAF callbacks, which see the DOM about to be painted,
 * and a message posted from one runs once that frame has been produced.
 */
const TIMEOUT_MS = 15_000
const LIST = '[data-testid="conversation-list"]'

/** Call from a rAF callback: `callback` gets the time at which this frame has been produced. */
function whenFrameProduced(callback: (time: number) => void): void {
  const channel = new MessageChannel()
  channel.port1.onmessage = () => callback(performance.now())
  channel.port2.postMessage(null)
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/** Rows with their content, not just their slot; `isLive`: the app's own, not the first screen painted from its last run. */
function filledRows(isLive = false): number {
  let count = 0
  for (const row of document.querySelectorAll(`${LIST} [role="option"]`)) {
    if (row.textContent?.trim() && !(isLive && row.closest('.first-screen'))) count++
  }
  return count
}

function cursorId(): string | null {
  return document.querySelector(`${LIST} [data-cursor]`)?.getAttribute('data-conversation-id') ?? null
}

const FEED = '[role="feed"][aria-busy="false"]'

function isTimelineFilled(): boolean {
  const view = document.querySelector<HTMLElement>('[data-testid="timeline"]')
  const first = view?.querySelector(`${FEED} [data-entry-id]`)
  if (!view || !first) return false
  const isAtNewest = view.scrollHeight - view.scrollTop - view.clientHeight <= 1
  return isAtNewest && first.getBoundingClientRect().top <= view.getBoundingClientRect().top
}

function isMet(expectation: Expectation, cursorWhenArmed: string | null): boolean {
  switch (expectation.kind) {
    case 'selectionMoved':
      return cursorId() !== cursorWhenArmed
    case 'timelineFilled':
      return isTimelineFilled()
    case 'timelineShown':
      return document.querySelectorAll(`${FEED} [data-entry-id]`).length >= expectation.entries
    case 'searchAnswered': {
      const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')
      return input?.value === expectation.value && document.querySelector(LIST)?.getAttribute('aria-busy') !== 'true'
    }
  }
}

interface Armed {
  expectation: Expectation
  cursorWhenArmed: string | null
  keydownAt: number | null
  resolve: (ms: number) => void
  reject: (error: Error) => void
}

let armed: Armed | null = null
let result: Promise<number> = Promise.reject(new Error('Nothing was armed'))
result.catch(() => undefined)

function watchFrames(): void {
  const current = armed
  if (!current || current.keydownAt === null) return
  const keydownAt = current.keydownAt
  if (performance.now() - keydownAt > TIMEOUT_MS) {
    armed = null
    current.reject(new Error(`No frame showed ${JSON.stringify(current.expectation)} within ${TIMEOUT_MS} ms`))
  } else if (isMet(current.expectation, current.cursorWhenArmed)) {
    armed = null
    whenFrameProduced((paintedAt) => current.resolve(paintedAt - keydownAt))
  } else {
    requestAnimationFrame(watchFrames)
  }
}

window.addEventListener(
  'keydown',
  (event) => {
    if (!armed || armed.keydownAt !== null) return
    armed.keydownAt = event.timeStamp
    requestAnimationFrame(watchFrames)
  },
  { capture: true },
)

let reportColdStart: (ms: number) => void = () => undefined
const coldStart = new Promise<number>((resolve) => (reportColdStart = resolve))
let reportLiveList: (ms: number) => void = () => undefined
const liveList = new Promise<number>((resolve) => (reportLiveList = resolve))
let isFirstScreenReported = false
function watchColdStart(): void {
  if (!window.benchMeasuresColdStart) return
  if (!isFirstScreenReported && filledRows() >= COLD_START_ROWS) {
    isFirstScreenReported = true
    whenFrameProduced(reportColdStart)
  }
  if (filledRows(true) >= COLD_START_ROWS) whenFrameProduced(reportLiveList)
  else requestAnimationFrame(watchColdStart)
}
requestAnimationFrame(watchColdStart)

const probe: BenchProbe = {
  coldStart: () => coldStart,
  liveList: () => liveList,
  longTasks: [],
  async scrollListToEnd(maxSteps) {
    const list = document.querySelector<HTMLElement>(LIST)
    if (!list) throw new Error('No conversation list on this page')
    const step = Math.max(list.clientHeight, Math.ceil(list.scrollHeight / maxSteps))
    while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
      list.scrollTop += step
      await nextFrame()
    }
    await nextFrame()
  },
  arm(expectation) {
    result = new Promise<number>((resolve, reject) => {
      armed = { expectation, cursorWhenArmed: cursorId(), keydownAt: null, resolve, reject }
    })
  },
  measured: () => result,
  now: () => performance.now(),
}
window.benchProbe = probe

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) probe.longTasks.push({ startTime: entry.startTime, duration: entry.duration })
}).observe({ type: 'longtask', buffered: true })
