import { createServer } from 'node:net'
import { systemClock, type Clock } from '../../../src/main/api/clock'
import { createCommboxClient } from '../../../src/main/api/commbox/client'
import { createOktopostClient, type OktopostClient } from '../../../src/main/api/oktopost/client'
import { createRateLimiter, type RateLimiter } from '../../../src/main/api/rateLimiter'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox/server'

/**
 * A running sandbox plus clients pointed at it over real HTTP, and its `/__sandbox/` controls.
 * The limiter here is roomy so a test file's many calls don't wait a real minute; the
 * Oktopost windows themselves are tested with a fake clock in tests/unit/main/api.
 */
export interface FaultSpec {
  route: string
  mode: 'latency' | 'resetBefore' | 'dropAfter' | 'status500' | 'status429' | 'malformedJson'
  latencyMs?: number
  retryAfterSeconds?: number
  times?: number
}

export interface LedgerEntry {
  seq: number
  method: string
  path: string
  params: unknown
  status: number
}

export const roomyLimiter = (clock: Clock = systemClock): RateLimiter =>
  createRateLimiter({ windows: [{ limit: 10_000, windowMs: 1_000 }], clock })

export interface ClientOptions {
  apiKey?: string
  timeoutMs?: number
  limiter?: RateLimiter
  clock?: Clock
}

export class SandboxHarness {
  private constructor(readonly sandbox: RunningSandbox) {}

  static async start(overrides: Partial<SandboxOptions> = {}): Promise<SandboxHarness> {
    return new SandboxHarness(await startSandbox({ conversations: 300, ...overrides }))
  }

  oktopost(options: ClientOptions = {}): OktopostClient {
    return createOktopostClient({
      auth: {
        baseUrl: this.sandbox.oktopostBaseUrl,
        accountId: this.sandbox.options.accountId,
        apiKey: options.apiKey ?? this.sandbox.options.apiKey,
      },
      limiter: options.limiter ?? roomyLimiter(),
      clock: options.clock ?? systemClock,
      // No real waiting between read retries: the jitter draws 0.
      random: () => 0,
      timeoutMs: options.timeoutMs ?? 5_000,
    })
  }

  commbox(options: { token?: string; timeoutMs?: number } = {}) {
    return createCommboxClient({
      baseUrl: this.sandbox.commboxBaseUrl,
      token: options.token ?? this.sandbox.options.commboxToken,
      timeoutMs: options.timeoutMs ?? 5_000,
    })
  }

  private async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.sandbox.url}/__sandbox${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (!response.ok) throw new Error(`sandbox control ${method} ${path}: ${response.status} ${await response.text()}`)
    return response.json()
  }

  async addFault(spec: FaultSpec): Promise<void> {
    await this.control('POST', '/faults', spec)
  }

  async clearFaults(): Promise<void> {
    await this.control('DELETE', '/faults')
  }

  /** Firings left per fault: how many matching requests reached the sandbox since it was added. */
  async faultsRemaining(): Promise<Array<number | null>> {
    const { faults } = (await this.control('GET', '/faults')) as { faults: Array<{ remaining: number | null }> }
    return faults.map((fault) => fault.remaining)
  }

  async ledger(): Promise<LedgerEntry[]> {
    return ((await this.control('GET', '/ledger')) as { entries: LedgerEntry[] }).entries
  }

  async inbound(conversationId: string, content: string): Promise<void> {
    await this.control('POST', '/inbound', { conversationId, from: 'customer', content })
  }

  async reset(): Promise<void> {
    await this.control('POST', '/reset')
  }

  close(): Promise<void> {
    return this.sandbox.close()
  }
}

/** A loopback port nothing listens on: bound by us, then released. */
export async function closedLoopbackPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}
