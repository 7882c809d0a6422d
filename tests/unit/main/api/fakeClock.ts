import type { Cancel, Clock } from '../../../../src/main/api/clock'

interface Timer {
  at: number
  order: number
  callback: () => void
}

/** A clock tests move by hand: `advance` fires due timers in time order, nothing sleeps. */
export class FakeClock implements Clock {
  private time: number
  private timers: Timer[] = []
  private serial = 0

  constructor(startMs = 1_700_000_000_000) {
    this.time = startMs
  }

  now(): number {
    return this.time
  }

  schedule(callback: () => void, delayMs: number): Cancel {
    const timer: Timer = { at: this.time + Math.max(0, delayMs), order: this.serial++, callback }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((candidate) => candidate !== timer)
    }
  }

  pendingTimers(): number {
    return this.timers.length
  }

  /** Lets promise continuations run (no real time passes). */
  async settle(): Promise<void> {
    for (let round = 0; round < 5; round += 1) await new Promise<void>((resolve) => setImmediate(resolve))
  }

  async advance(ms: number): Promise<void> {
    const target = this.time + ms
    await this.settle()
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.order - b.order)[0]
      if (next === undefined || next.at > target) break
      this.timers = this.timers.filter((timer) => timer !== next)
      this.time = next.at
      next.callback()
      await this.settle()
    }
    this.time = target
    await this.settle()
  }
}
