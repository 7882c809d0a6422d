/** How a sandbox is started; every field has a default so `startSandbox()` just works. */
export interface SandboxOptions {
  /** 0 picks a free port. */
  port: number
  accountId: string
  apiKey: string
  commboxToken: string
  /** Without one, create-case answers 400 like an account with no Salesforce integration. */
  salesforceIntegrationId: string | undefined
  seed: number
  conversations: number
  /** Enforce Oktopost's request limits (off by default so tests can hammer the server). */
  rateLimit: boolean
  /** Epoch milliseconds; injectable so tests control time instead of sleeping. */
  now: () => number
}

export const SANDBOX_HOST = '127.0.0.1'

/** Ids embed the conversation number in 7 digits, see ids.ts. */
export const MAX_CONVERSATIONS = 1_000_000

export const SANDBOX_DEFAULTS: Readonly<SandboxOptions> = Object.freeze({
  port: 0,
  accountId: '00A0000000DEMO1',
  apiKey: 'sandbox-api-key',
  commboxToken: 'sandbox-commbox-token',
  salesforceIntegrationId: undefined,
  seed: 1,
  conversations: 500,
  rateLimit: false,
  now: () => Date.now(),
})

export function resolveOptions(overrides: Partial<SandboxOptions> = {}): SandboxOptions {
  const defined = Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  ) as Partial<SandboxOptions>
  const options: SandboxOptions = { ...SANDBOX_DEFAULTS, ...defined }
  assertIntegerIn('port', options.port, 0, 65_535)
  assertIntegerIn('seed', options.seed, -0x8000_0000, 0xffff_ffff)
  assertIntegerIn('conversations', options.conversations, 1, MAX_CONVERSATIONS)
  for (const key of ['accountId', 'apiKey', 'commboxToken'] as const) {
    if (options[key].length === 0) throw new RangeError(`${key} must not be empty`)
  }
  return options
}

function assertIntegerIn(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`)
  }
}
