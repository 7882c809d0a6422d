/**
 * Fault injection for tests: make chosen requests slow, fail, or lose their answer, so
 * clients can be tested against the failures real networks produce.
 */
import { STREAM, randomFor, type Random } from './seed/random'

export const FAULT_MODES = [
  'latency',
  'resetBefore',
  'dropAfter',
  'status500',
  'status429',
  'status401',
  'status403',
  'malformedJson',
  'wrongTypes',
  'missingFields',
  'hugeBody',
  'slowDrip',
  'cutMidBody',
] as const
export type FaultMode = (typeof FAULT_MODES)[number]

/** How a request ends when a fault fires; latency only delays and combines with one of these. */
export type FaultOutcome = Exclude<FaultMode, 'latency'>

export interface FaultSpec {
  /** `METHOD /path` with `:param` segments and `*` wildcards; the method is optional; `*` alone is everything. */
  route: string
  mode: FaultMode
  /** latency: the delay; slowDrip: the pause between pieces of the answer. */
  latencyMs?: number | undefined
  retryAfterSeconds?: number | undefined
  /** Fire on the next N matching requests only; unlimited when absent. */
  times?: number | undefined
  /** Chance (0..1) that a matching request is hit, drawn from the sandbox seed. */
  probability?: number | undefined
}

export interface FaultView extends FaultSpec {
  id: string
  /** Firings left, or null when unlimited. */
  remaining: number | null
}

export interface FaultPlan {
  latencyMs: number
  outcome: FaultOutcome | undefined
  retryAfterSeconds: number
  /** slowDrip: the pause between pieces of the answer. */
  dripIntervalMs: number
}

const DEFAULT_RETRY_AFTER_SECONDS = 1
const DEFAULT_DRIP_INTERVAL_MS = 50

interface Fault {
  id: string
  spec: FaultSpec
  remaining: number | null
  matches: (method: string, path: string) => boolean
  random: Random
}

export class FaultRegistry {
  private faults: Fault[] = []
  private serial = 0

  constructor(private readonly seed: number) {}

  add(spec: FaultSpec): string {
    this.serial += 1
    const id = `flt${this.serial}`
    this.faults.push({
      id,
      spec,
      remaining: spec.times ?? null,
      matches: routeMatcher(spec.route),
      random: randomFor(this.seed, STREAM.fault, this.serial),
    })
    return id
  }

  list(): FaultView[] {
    return this.faults.map(({ id, spec, remaining }) => ({ ...spec, id, remaining }))
  }

  remove(id: string): boolean {
    const before = this.faults.length
    this.faults = this.faults.filter((fault) => fault.id !== id)
    return this.faults.length < before
  }

  clear(): void {
    this.faults = []
  }

  /**
   * Decides what happens to one request. Faults are tried in the order they were added:
   * every firing latency fault adds its delay, and the first other fault that fires decides
   * the outcome. A fault that does not fire (probability) keeps its remaining count.
   */
  plan(method: string, path: string): FaultPlan {
    const plan: FaultPlan = {
      latencyMs: 0,
      outcome: undefined,
      retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS,
      dripIntervalMs: DEFAULT_DRIP_INTERVAL_MS,
    }
    for (const fault of this.faults) {
      const { mode } = fault.spec
      if (mode !== 'latency' && plan.outcome !== undefined) continue
      if (!fault.matches(method, path) || !fires(fault)) continue
      if (mode === 'latency') {
        plan.latencyMs += fault.spec.latencyMs ?? 0
      } else {
        plan.outcome = mode
        plan.retryAfterSeconds = fault.spec.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS
        if (mode === 'slowDrip') plan.dripIntervalMs = fault.spec.latencyMs ?? DEFAULT_DRIP_INTERVAL_MS
      }
    }
    this.faults = this.faults.filter((fault) => fault.remaining !== 0)
    return plan
  }
}

function fires(fault: Fault): boolean {
  const { probability } = fault.spec
  if (probability !== undefined && fault.random() >= probability) return false
  if (fault.remaining !== null) fault.remaining -= 1
  return true
}

/** `POST /v2/conversation/:id/reply`, `GET /v2/*`, `/commbox/tags` (any method), `*` (everything). */
export function routeMatcher(route: string): (method: string, path: string) => boolean {
  const parts = route.trim().split(/\s+/)
  const [method, pathPattern] = parts.length >= 2
    ? [(parts[0] ?? '').toUpperCase(), parts.slice(1).join(' ')]
    : ['*', parts[0] ?? '*']
  const pathRegex = new RegExp(`^${pathPattern.split(/(\*|:[A-Za-z_]\w*)/).map(toRegexPart).join('')}$`)
  return (requestMethod, path) => (method === '*' || method === requestMethod) && pathRegex.test(path)
}

function toRegexPart(part: string): string {
  if (part === '*') return '.*'
  if (part.startsWith(':')) return '[^/]+'
  return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
}
