/** The sandbox's test controls under /__sandbox/, over real HTTP. */
import type { FaultMode } from '../../src/sandbox/faults'

export type { FaultMode }

export interface LedgerEntry {
  seq: number
  at: string
  method: string
  path: string
  params: Record<string, unknown>
  status: number
}

export interface Fault {
  route: string
  mode: FaultMode
  latencyMs?: number
  retryAfterSeconds?: number
  times?: number
  probability?: number
}

export function sandboxControl(baseUrl: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as T
  }
  return {
    addFault: (fault: Fault) => call<{ id: string }>('POST', 'faults', fault),
    clearFaults: () => call('DELETE', 'faults'),
    inbound: (message: { conversationId: string; from: 'customer' | 'agent'; content: string; userId?: string }) =>
      call<{ entry: unknown; conversation: unknown }>('POST', 'inbound', message),
    ledger: async () => (await call<{ entries: LedgerEntry[] }>('GET', 'ledger')).entries,
    reset: () => call('POST', 'reset'),
  }
}
export type SandboxControl = ReturnType<typeof sandboxControl>
