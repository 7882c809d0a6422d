/** A clock that moves only when a test says so; timers fire in time order as it passes them. */
export class ManualClock {
  private timers: { at: number; order: number; callback: () => void }[] = []
  private order = 0

  constructor(public current = Date.UTC(2026, 10, 21, 9, 0, 0)) {}

  now = (): number => this.current

  schedule = (callback: () => void, delayMs: number): (() => void) => {
    const timer = { at: this.current + Math.max(0, delayMs), order: this.order++, callback }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((other) => other !== timer)
    }
  }

  /** Moves time forward, firing each timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.order - b.order)[0]
      if (!due) break
      this.timers = this.timers.filter((timer) => timer !== due)
      this.current = Math.max(this.current, due.at)
      due.callback()
    }
    this.current = target
  }

  get pendingTimers(): number {
    return this.timers.length
  }
}
