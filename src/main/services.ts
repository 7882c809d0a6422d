import { createCommboxClient } from './api/commbox/client'
import { systemClock } from './api/clock'
import { createOktopostClient } from './api/oktopost/client'
import { createRateLimiter, OKTOPOST_RATE_WINDOWS, type RateWindow } from './api/rateLimiter'
import { createAuthService, type AuthService } from './auth/authService'
import type { SecretCipher } from './auth/secretCipher'
import type { SecretStore } from './auth/secretStore'
import { createCredentialVault } from './auth/vault'
import { createDemoWorkspace, type DemoWorkspace, type StartSandbox } from './demo/demoWorkspace'
import { createHandlers } from './handlers'
import type { AppIdentity } from './handlers/appInfo'
import { headlessDesktop, type DesktopShell } from './handlers/desktop'
import type { Handlers } from './ipc/handlers'

export interface MainServicesOptions {
  identity: AppIdentity
  cipher: SecretCipher
  store: SecretStore
  startSandbox: StartSandbox
  /** Where fetch goes; tests may point it elsewhere. */
  fetch?: typeof fetch
  /** Oktopost's documented limits unless a test relaxes them to run thousands of requests. */
  rateWindows?: readonly RateWindow[]
  /** Menu, notifications and badge; the browser preview has none. */
  desktop?: DesktopShell
}

export interface MainServices {
  auth: AuthService
  demo: DemoWorkspace
  handlers: Handlers
}

/**
 * Everything main runs, wired once: one rate limiter shared by every Oktopost client of the
 * process, the vault, sign-in and the demo workspace, and the handler table over them.
 * The Electron shell and the browser preview differ only in the cipher and store they pass.
 */
export function createMainServices(options: MainServicesOptions): MainServices {
  const limiter = createRateLimiter({ windows: options.rateWindows ?? OKTOPOST_RATE_WINDOWS, clock: systemClock })
  const vault = createCredentialVault({ cipher: options.cipher, store: options.store })
  const fetchOption = options.fetch ? { fetch: options.fetch } : {}
  const auth = createAuthService({
    vault,
    connectOktopost: (credentials) => createOktopostClient({ auth: credentials, limiter, ...fetchOption }),
    connectCommbox: (commbox) => createCommboxClient({ ...commbox, ...fetchOption }),
  })
  // The demo signs in like any account, marked so the account list keeps one entry for it.
  const demo = createDemoWorkspace({ ...auth, signIn: (request) => auth.signIn(request, { isDemo: true }) }, options.startSandbox)
  const handlers = createHandlers({
    identity: options.identity,
    auth,
    demo,
    probe: { auth, clock: systemClock },
    desktop: options.desktop ?? headlessDesktop,
  })
  return { auth, demo, handlers }
}
