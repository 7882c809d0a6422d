import { safeStorage } from 'electron'
import type { SecretCipher } from '../auth/secretCipher'

/**
 * The OS keychain (macOS Keychain, Windows DPAPI, libsecret or KWallet on Linux) through
 * Electron's safeStorage. On Linux without a keyring it reports 'basic_text', and the vault
 * refuses to store a key with it.
 */
export function createSafeStorageCipher(): SecretCipher {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'),
    encrypt: (plain) => new Uint8Array(safeStorage.encryptString(plain)),
    decrypt: (data) => safeStorage.decryptString(Buffer.from(data)),
  }
}
