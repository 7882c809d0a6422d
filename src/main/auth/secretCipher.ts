import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * Encrypts secrets at rest. In the app this is Electron's safeStorage (OS keychain, DPAPI,
 * libsecret/kwallet); `backend()` names the mechanism so the vault can refuse a plain-text one.
 */
export interface SecretCipher {
  isEncryptionAvailable(): boolean
  backend(): string
  encrypt(plain: string): Uint8Array
  decrypt(data: Uint8Array): string
}

/**
 * Backends that protect nothing: Electron on Linux without a keyring falls back to 'basic_text'
 * (a fixed, public password). An adapter for another mechanism reporting plain storage should
 * report one of these names.
 */
export const PLAIN_TEXT_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'plain_text'])

const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * For the browser preview and tests: AES-256-GCM with a random key that exists only in this
 * process, so what it encrypts is unreadable after exit, which is what "memory only" asks.
 */
export function createMemoryCipher(): SecretCipher {
  const key = randomBytes(32)
  return {
    isEncryptionAvailable: () => true,
    backend: () => 'memory',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]))
    },
    decrypt(data) {
      const bytes = Buffer.from(data)
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
    },
  }
}
