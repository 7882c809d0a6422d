import type { Session } from '../../shared/domain/session'
import { ok, type Result } from '../../shared/result'
import type { AuthService } from '../auth/authService'
import type { RunningSandbox, SandboxOptions } from '../../sandbox/server'

/** The demo workspace's Salesforce integration, so "create case" works in the demo too. */
export const DEMO_SALESFORCE_INTEGRATION_ID = 'sfint-demo-0001'

export type StartSandbox = (options: Partial<SandboxOptions>) => Promise<RunningSandbox>

export interface DemoWorkspace {
  /** Starts the built-in sandbox on a free loopback port and signs in to it. */
  start(): Promise<Result<Session>>
  stop(): Promise<void>
  /**
   * At launch: with no account at all, open the demo so the app is useful at once; with a
   * stored demo session (its port is gone after a restart), start a fresh sandbox for it.
   */
  startIfNoAccount(): Promise<void>
  /** Resolves once a start in progress has finished, so "who is signed in" is never asked mid-start. */
  settled(): Promise<void>
}

/**
 * "Try the demo workspace": a local Oktopost and CommBox with seeded data, so the app is
 * useful before anyone has an account. It signs in like any account, through the vault.
 */
export function createDemoWorkspace(auth: AuthService, startSandbox: StartSandbox, seedOptions: Partial<SandboxOptions> = {}): DemoWorkspace {
  let running: RunningSandbox | null = null
  let starting: Promise<Result<Session>> | null = null

  function start(): Promise<Result<Session>> {
    starting ??= signInToSandbox().finally(() => {
      starting = null
    })
    return starting
  }

  async function signInToSandbox(): Promise<Result<Session>> {
    running ??= await startSandbox({ port: 0, salesforceIntegrationId: DEMO_SALESFORCE_INTEGRATION_ID, ...seedOptions })
    const { accountId, apiKey, commboxToken } = running.options
    const session = await auth.signIn({ accountId, apiKey, baseUrl: running.oktopostBaseUrl })
    if (!session.ok) return session
    const commbox = await auth.setCommboxToken({ token: commboxToken, baseUrl: running.commboxBaseUrl })
    return commbox.ok ? ok(session.value) : commbox
  }

  return {
    start,
    async stop() {
      await running?.close()
      running = null
    },
    async settled() {
      await starting
    },
    async startIfNoAccount() {
      const status = await auth.status()
      if (!status.ok || running !== null) return
      const endpoint = status.value.oktopost?.endpoint
      const isDemoSession = endpoint !== undefined && 'baseUrl' in endpoint && isDemoUrl(endpoint.baseUrl)
      if (endpoint === undefined || isDemoSession) await start()
    },
  }
}

function isDemoUrl(baseUrl: string): boolean {
  try {
    return new URL(baseUrl).hostname === '127.0.0.1'
  } catch {
    return false
  }
}
