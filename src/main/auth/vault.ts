import { z } from 'zod'
import { oktopostEndpointSchema, sessionSchema } from '../../shared/domain/session'
import { err, invalid, ok, type Result } from '../../shared/result'
import { AUTH_MESSAGES } from './messages'
import { PLAIN_TEXT_BACKENDS, type SecretCipher } from './secretCipher'
import type { SecretStore } from './secretStore'

/** What sign-in keeps: the key and where it works, plus who it belongs to for `auth:status`. */
export const oktopostSecretSchema = z.object({
  accountId: z.string().min(1),
  apiKey: z.string().min(1),
  endpoint: oktopostEndpointSchema,
  user: sessionSchema.shape.user,
  account: sessionSchema.shape.account,
})
export type OktopostSecret = z.infer<typeof oktopostSecretSchema>

export const commboxSecretSchema = z.object({
  token: z.string().min(1),
  baseUrl: z.string().min(1),
})
export type CommboxSecret = z.infer<typeof commboxSecretSchema>

/** One signed-in account: its Oktopost key and, if the agent gave one, its CommBox token. */
export const storedAccountSchema = oktopostSecretSchema.extend({
  isDemo: z.boolean(),
  /** When it was last signed in to or switched to (ms since the epoch), for the account list's order. */
  lastUsedAt: z.number(),
  commbox: commboxSecretSchema.optional(),
})
export type StoredAccount = z.infer<typeof storedAccountSchema>

export const storedAccountsSchema = z.object({
  activeKey: z.string().nullable(),
  accounts: z.array(storedAccountSchema),
})
export type StoredAccounts = z.infer<typeof storedAccountsSchema>

/** One encrypted entry of the vault. */
export interface VaultEntry<Secret> {
  save(secret: Secret): Promise<Result<null>>
  /** null when nothing is stored. */
  load(): Promise<Result<Secret | null>>
  clear(): Promise<Result<null>>
}

export interface CredentialVault {
  /** Every signed-in account and which one is active. */
  accounts: VaultEntry<StoredAccounts>
  /** The single sign-in of earlier versions; read once to move it into `accounts`. */
  oktopost: VaultEntry<OktopostSecret>
  /** A CommBox token given while no account is signed in; otherwise it lives with its account. */
  commbox: VaultEntry<CommboxSecret>
}

export interface VaultOptions {
  cipher: SecretCipher
  store: SecretStore
  /**
   * Store even when the cipher's backend is plain text. Off by default; when on, every save
   * logs a loud warning through `warn`.
   */
  allowPlainText?: boolean
  warn?: (message: string) => void
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * The credential vault: secrets are encrypted by the cipher before they reach the store and
 * parsed against their schema when read back, so a tampered or stale entry never becomes a
 * half-valid credential.
 */
export function createCredentialVault(options: VaultOptions): CredentialVault {
  const warn = options.warn ?? ((message: string) => console.warn(`[vault] ${message}`))

  function refusal(): Result<null> | undefined {
    if (!options.cipher.isEncryptionAvailable()) {
      return err(invalid(AUTH_MESSAGES.encryptionUnavailable, { storage: AUTH_MESSAGES.encryptionUnavailable }))
    }
    const backend = options.cipher.backend()
    if (!PLAIN_TEXT_BACKENDS.has(backend)) return undefined
    if (options.allowPlainText !== true) {
      return err(invalid(AUTH_MESSAGES.plainTextRefused, { storage: AUTH_MESSAGES.plainTextRefused }))
    }
    warn(AUTH_MESSAGES.plainTextWarning(backend))
    return undefined
  }

  function entry<Secret>(name: string, schema: z.ZodType<Secret>): VaultEntry<Secret> {
    return {
      async save(secret) {
        const refused = refusal()
        if (refused !== undefined) return refused
        try {
          await options.store.write(name, options.cipher.encrypt(JSON.stringify(schema.parse(secret))))
          return ok(null)
        } catch (error) {
          return err({ kind: 'internal', message: AUTH_MESSAGES.storageFailed(describe(error)) })
        }
      },
      async load() {
        try {
          const data = await options.store.read(name)
          if (data === null) return ok(null)
          const parsed = schema.safeParse(JSON.parse(options.cipher.decrypt(data)))
          return parsed.success ? ok(parsed.data) : err({ kind: 'internal', message: AUTH_MESSAGES.unreadable })
        } catch {
          return err({ kind: 'internal', message: AUTH_MESSAGES.unreadable })
        }
      },
      async clear() {
        try {
          await options.store.delete(name)
          return ok(null)
        } catch (error) {
          return err({ kind: 'internal', message: AUTH_MESSAGES.storageFailed(describe(error)) })
        }
      },
    }
  }

  return {
    accounts: entry('oktopost-accounts', storedAccountsSchema),
    oktopost: entry('oktopost', oktopostSecretSchema),
    commbox: entry('commbox', commboxSecretSchema),
  }
}
