import type { OutboxRemote } from '../../../src/renderer/sync/outbox/remote'
import type { Result } from '../../../src/shared/result'

/**
 * Where a renderer dies relative to one call to main:
 * - beforeSend: just before the request left, so main never saw it;
 * - whileSending: just after it left: the next renderer starts while main is still sending it;
 * - inFlight: after main (and the server) handled it, before the answer came back.
 */
export type CrashPoint = 'beforeSend' | 'whileSending' | 'inFlight'

const never = <T>() => new Promise<T>(() => {})

/**
 * Stands between outbox engines and main, and kills the renderer on cue: when the armed call
 * comes, that engine and everything it would do afterwards stop for good (its calls never
 * return), as when the process is killed. The next engine, over a reopened database, starts clean.
 */
export class CrashLink {
  private generation = 0
  private callsSinceArmed = 0
  private armed: { afterCalls: number; point: CrashPoint } | null = null
  private onCrash: () => void = () => {}
  /** Resolves once the armed crash has happened (and, for inFlight, once main has answered). */
  crashed: Promise<void> = never()

  constructor(private readonly remote: OutboxRemote) {}

  /** Crash at the (afterCalls + 1)-th call from now. */
  arm(afterCalls: number, point: CrashPoint): void {
    this.armed = { afterCalls, point }
    this.callsSinceArmed = 0
    this.crashed = new Promise((resolve) => (this.onCrash = resolve))
  }

  remoteForEngine(): OutboxRemote {
    const generation = this.generation
    const guard = <T>(call: () => Promise<Result<T>>): Promise<Result<T>> => {
      if (generation !== this.generation) return never()
      const armed = this.armed
      if (armed === null || this.callsSinceArmed++ < armed.afterCalls) {
        return call().then((result) => (generation === this.generation ? result : never()))
      }
      this.armed = null
      this.generation += 1
      const sent = armed.point === 'beforeSend' ? null : call().then(() => undefined)
      void (armed.point === 'inFlight' && sent ? sent : Promise.resolve()).then(this.onCrash)
      return never()
    }
    const remote = this.remote
    return {
      perform: (operation, sendId) => guard(() => remote.perform(operation, sendId)),
      readConversation: (id) => guard(() => remote.readConversation(id)),
      readTimeline: (id) => guard(() => remote.readTimeline(id)),
      cannedResponseNames: (search) => guard(() => remote.cannedResponseNames(search)),
    }
  }
}
