import { createMemoryCipher } from '../../../../src/main/auth/secretCipher'
import { createMemorySecretStore } from '../../../../src/main/auth/secretStore'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import { createMainServices, type MainServices } from '../../../../src/main/services'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../../src/sandbox/server'
import type { Channel, RequestOf, ResponseOf } from '../../../../src/shared/ipc/contract'
import type { Result } from '../../../../src/shared/result'
import { TEST_IDENTITY } from '../../../support/mainServices'
import { sandboxControl, type SandboxControl } from '../../../support/sandboxControl'

/** Oktopost's limits lifted: the fuzzers send thousands of requests; the limiter has its own tests. */
export const UNLIMITED = [{ limit: 1_000_000, windowMs: 1_000 }]

/** Distinct from the sandbox defaults, so a search for them can't be fooled by text that happens to match. */
export const SECRETS = {
  apiKey: 'fuzz-api-key-3f9a1c77e2',
  commboxToken: 'fuzz-commbox-token-b81d04c9',
}

export interface SignedInMain {
  sandbox: RunningSandbox
  control: SandboxControl
  services: MainServices
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>
  close(): Promise<void>
}

/**
 * Main's real services (memory vault, as in the browser preview), signed in to a fresh sandbox
 * with both secrets stored. `fetch` lets a test watch or spoil what main sends.
 */
export async function signedInMain(options: { sandbox?: Partial<SandboxOptions>; fetch?: typeof fetch } = {}): Promise<SignedInMain> {
  const sandbox = await startSandbox({ conversations: 40, salesforceIntegrationId: 'sfint-fuzz', ...SECRETS, ...options.sandbox })
  const services = createMainServices({
    identity: TEST_IDENTITY,
    cipher: createMemoryCipher(),
    store: createMemorySecretStore(),
    startSandbox,
    rateWindows: UNLIMITED,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  const call = <C extends Channel>(channel: C, request: RequestOf<C>) =>
    dispatch(services.handlers, channel, request, { transport: 'electron' }) as Promise<Result<ResponseOf<C>>>
  const session = await call('auth:signIn', { accountId: sandbox.options.accountId, apiKey: SECRETS.apiKey, baseUrl: sandbox.oktopostBaseUrl })
  if (!session.ok) throw new Error(`sign-in to the sandbox failed: ${session.error.message}`)
  const commbox = await call('auth:setCommboxToken', { token: SECRETS.commboxToken, baseUrl: sandbox.commboxBaseUrl })
  if (!commbox.ok) throw new Error(`storing the CommBox token failed: ${commbox.error.message}`)
  return {
    sandbox,
    control: sandboxControl(sandbox.url),
    services,
    call,
    async close() {
      await services.demo.stop()
      await sandbox.close()
    },
  }
}
