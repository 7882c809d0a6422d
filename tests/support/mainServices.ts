import { createMemoryCipher } from '../../src/main/auth/secretCipher'
import { createMemorySecretStore } from '../../src/main/auth/secretStore'
import { createMainServices, type MainServices, type MainServicesOptions } from '../../src/main/services'
import { startSandbox } from '../../src/sandbox/server'

export const TEST_IDENTITY = { name: 'Inbox Desk', version: '1.0.0', platform: 'linux' }

/**
 * Main's real services, as the browser preview wires them: memory vault, real sandbox.
 */
export function createTestServices(options: Pick<MainServicesOptions, 'rateWindows'> = {}): MainServices {
  return createMainServices({ identity: TEST_IDENTITY, cipher: createMemoryCipher(), store: createMemorySecretStore(), startSandbox, ...options })
}
