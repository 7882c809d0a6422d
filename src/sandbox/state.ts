/** Everything one running sandbox remembers; `reset()` returns it to the freshly seeded state. */
import { CommboxTags } from './commbox/tags'
import { FaultRegistry } from './faults'
import { Ledger } from './ledger'
import type { SandboxOptions } from './options'
import { OKTOPOST_RATE_WINDOWS, SlidingWindowLimiter } from './rateLimit'
import { Workspace } from './workspace/workspace'

interface Session {
  workspace: Workspace
  commboxTags: CommboxTags
  faults: FaultRegistry
  ledger: Ledger
  limiter: SlidingWindowLimiter
}

export class SandboxState {
  private session: Session

  constructor(readonly options: SandboxOptions) {
    this.session = freshSession(options)
  }

  get workspace(): Workspace {
    return this.session.workspace
  }

  get commboxTags(): CommboxTags {
    return this.session.commboxTags
  }

  get faults(): FaultRegistry {
    return this.session.faults
  }

  get ledger(): Ledger {
    return this.session.ledger
  }

  get limiter(): SlidingWindowLimiter {
    return this.session.limiter
  }

  /** Reseeds the data and forgets faults, ledger and rate-limit history, as if just started. */
  reset(): void {
    this.session = freshSession(this.options)
  }
}

function freshSession(options: SandboxOptions): Session {
  return {
    workspace: new Workspace(options.seed, options.conversations, options.now),
    commboxTags: new CommboxTags(),
    faults: new FaultRegistry(options.seed),
    ledger: new Ledger(options.now),
    limiter: new SlidingWindowLimiter(OKTOPOST_RATE_WINDOWS, options.now),
  }
}
