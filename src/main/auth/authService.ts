import type { AuthStatus, CommboxTokenInput, OktopostEndpoint, Session, SignInRequest } from '../../shared/domain/session'
import type { AccountList, AccountSummary } from '../../shared/ipc/contract'
import { err, invalid, ok, type AppError, type FieldErrors, type Result } from '../../shared/result'
import type { CommboxClient } from '../api/commbox/client'
import type { OktopostClient } from '../api/oktopost/client'
import type { OktopostAuth } from '../api/oktopost/transport'
import { COMMBOX_DEFAULT_BASE_URL, normalizeBaseUrl, oktopostBaseUrl } from '../api/regions'
import { createAccountStore } from './accountStore'
import {
  accountList,
  accountSummary,
  activateAccount,
  activeAccount,
  findAccount,
  accountKeyOf,
  removeAccount,
  updateActive,
  upsertAccount,
} from './accounts'
import { AUTH_MESSAGES } from './messages'
import type { CommboxSecret, CredentialVault, StoredAccount } from './vault'

export interface AuthServiceDeps {
  vault: CredentialVault
  /** Builds a client on the process's shared rate limiter. */
  connectOktopost(auth: OktopostAuth): OktopostClient
  connectCommbox(options: { baseUrl: string; token: string }): CommboxClient
  now?: () => number
}

export interface SignInOptions {
  /** The built-in demo workspace: one entry in the account list whatever port its sandbox has. */
  isDemo?: boolean
}

/**
 * Sign-in and the stored credentials, for several accounts with one active at a time. Keys go
 * in (signIn, setCommboxToken) and never come back out: callers get sessions, account
 * summaries and ready clients instead.
 */
export interface AuthService {
  /** Checks the key with GET /v2/me, then stores it encrypted and makes it the active account. */
  signIn(request: SignInRequest, options?: SignInOptions): Promise<Result<Session>>
  /** The active account and whether it has a CommBox token. */
  status(): Promise<Result<AuthStatus>>
  /** Wipes the active account's key and CommBox token; the other accounts stay. */
  signOut(): Promise<Result<null>>
  /**
   * Stored as given (CommBox has no endpoint to check a token without side effects), with the
   * active account, or on its own while none is signed in.
   */
  setCommboxToken(input: CommboxTokenInput): Promise<Result<{ baseUrl: string }>>
  clearCommboxToken(): Promise<Result<null>>
  accounts(): Promise<Result<AccountList>>
  switchAccount(accountKey: string): Promise<Result<AccountSummary>>
  /** Wipes one account's key and token; `removed` is null when there was no such account. */
  removeAccount(accountKey: string): Promise<Result<{ removed: AccountSummary | null; list: AccountList }>>
  /** The active account's client, or `unauthorized` when none is active. */
  oktopost(): Promise<Result<OktopostClient>>
  commbox(): Promise<Result<CommboxClient>>
}

function sessionOf(account: StoredAccount): Session {
  return { user: account.user, account: account.account, endpoint: account.endpoint }
}

function endpointOf(request: SignInRequest): OktopostEndpoint {
  return 'region' in request ? { region: request.region } : { baseUrl: request.baseUrl.trim() }
}

/** Sign-in speaks about the key the agent just typed, not about "saved credentials". */
function explainRejection(error: AppError): AppError {
  switch (error.kind) {
    case 'unauthorized':
      return { kind: 'unauthorized', message: AUTH_MESSAGES.rejected }
    case 'forbidden':
      return { kind: 'forbidden', message: AUTH_MESSAGES.notPermitted }
    default:
      return error
  }
}

const unknownAccount = () => err<never>(invalid(AUTH_MESSAGES.unknownAccount, { accountKey: AUTH_MESSAGES.unknownAccount }))

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const store = createAccountStore(deps.vault)
  const now = deps.now ?? Date.now
  // Clients of the active account, dropped whenever the active account or its token changes.
  let oktopostClient: OktopostClient | undefined
  let commboxClient: CommboxClient | undefined

  function forget(): void {
    oktopostClient = undefined
    commboxClient = undefined
  }

  function connect(account: StoredAccount): Result<OktopostClient> {
    const baseUrl = oktopostBaseUrl(account.endpoint)
    if (!baseUrl.ok) return baseUrl
    return ok(deps.connectOktopost({ baseUrl: baseUrl.value, accountId: account.accountId, apiKey: account.apiKey }))
  }

  async function active(): Promise<Result<StoredAccount | null>> {
    const state = await store.read()
    return state.ok ? ok(activeAccount(state.value)) : state
  }

  /** The token in use: the active account's, or the stand-alone one while none is active. */
  async function commboxSecret(): Promise<Result<CommboxSecret | null>> {
    const account = await active()
    if (!account.ok) return account
    return account.value === null ? deps.vault.commbox.load() : ok(account.value.commbox ?? null)
  }

  return {
    async signIn(request, options = {}) {
      const accountId = request.accountId.trim()
      const apiKey = request.apiKey.trim()
      const fields: FieldErrors = {}
      if (accountId === '') fields.accountId = AUTH_MESSAGES.accountIdRequired
      if (apiKey === '') fields.apiKey = AUTH_MESSAGES.apiKeyRequired
      const endpoint = endpointOf(request)
      const baseUrl = oktopostBaseUrl(endpoint)
      if (!baseUrl.ok && baseUrl.error.kind === 'invalid') Object.assign(fields, baseUrl.error.fields)
      if (Object.keys(fields).length > 0 || !baseUrl.ok) {
        return err(invalid(Object.values(fields)[0] ?? AUTH_MESSAGES.rejected, fields))
      }

      const client = deps.connectOktopost({ baseUrl: baseUrl.value, accountId, apiKey })
      const me = await client.account.me()
      if (!me.ok) return err(explainRejection(me.error))

      const fresh: StoredAccount = {
        accountId,
        apiKey,
        endpoint,
        user: me.value.user,
        account: me.value.account,
        isDemo: options.isDemo === true,
        lastUsedAt: now(),
      }
      const saved = await store.update((state) => {
        // Signing in again (a new key) keeps the account's CommBox token.
        const previous = findAccount(state, accountKeyOf(fresh))
        const account = previous?.commbox ? { ...fresh, commbox: previous.commbox } : fresh
        return ok({ state: upsertAccount(state, account), value: sessionOf(account) })
      })
      if (!saved.ok) return saved
      forget()
      oktopostClient = client
      return saved
    },

    async status() {
      const account = await active()
      if (!account.ok) return account
      const commbox = await commboxSecret()
      if (!commbox.ok) return commbox
      return ok({
        oktopost: account.value === null ? null : sessionOf(account.value),
        commbox: commbox.value === null ? null : { baseUrl: commbox.value.baseUrl },
      })
    },

    async signOut() {
      forget()
      const removed = await store.update((state) =>
        ok({ state: state.activeKey === null ? state : removeAccount(state, state.activeKey), value: null }),
      )
      const standalone = await deps.vault.commbox.clear()
      return removed.ok ? standalone : removed
    },

    async setCommboxToken(input) {
      const token = input.token.trim()
      if (token === '') return err(invalid(AUTH_MESSAGES.tokenRequired, { token: AUTH_MESSAGES.tokenRequired }))
      const baseUrl = normalizeBaseUrl(input.baseUrl ?? COMMBOX_DEFAULT_BASE_URL)
      if (!baseUrl.ok) return baseUrl
      const secret: CommboxSecret = { token, baseUrl: baseUrl.value }
      const saved = await store.update((state) => {
        const next = updateActive(state, (account) => ({ ...account, commbox: secret }))
        return ok({ state: next ?? state, value: next !== null })
      })
      if (!saved.ok) return saved
      if (!saved.value) {
        const standalone = await deps.vault.commbox.save(secret)
        if (!standalone.ok) return standalone
      }
      commboxClient = deps.connectCommbox(secret)
      return ok({ baseUrl: secret.baseUrl })
    },

    async clearCommboxToken() {
      commboxClient = undefined
      const cleared = await store.update((state) => {
        const next = updateActive(state, ({ commbox: _token, ...account }) => account)
        return ok({ state: next ?? state, value: null })
      })
      return cleared.ok ? deps.vault.commbox.clear() : cleared
    },

    async accounts() {
      const state = await store.read()
      return state.ok ? ok(accountList(state.value)) : state
    },

    async switchAccount(accountKey) {
      const switched = await store.update((state) => {
        const next = activateAccount(state, accountKey, now())
        const target = next === null ? null : activeAccount(next)
        return next === null || target === null ? unknownAccount() : ok({ state: next, value: accountSummary(next, target) })
      })
      if (switched.ok) forget()
      return switched
    },

    async removeAccount(accountKey) {
      const removed = await store.update((state) => {
        const account = findAccount(state, accountKey)
        const next = removeAccount(state, accountKey)
        return ok({ state: next, value: { removed: account === null ? null : accountSummary(state, account), list: accountList(next) } })
      })
      if (removed.ok && removed.value.removed?.isActive) forget()
      return removed
    },

    async oktopost() {
      if (oktopostClient !== undefined) return ok(oktopostClient)
      const account = await active()
      if (!account.ok) return account
      if (account.value === null) return err({ kind: 'unauthorized', message: AUTH_MESSAGES.notSignedIn })
      const client = connect(account.value)
      if (client.ok) oktopostClient = client.value
      return client
    },

    async commbox() {
      if (commboxClient !== undefined) return ok(commboxClient)
      const secret = await commboxSecret()
      if (!secret.ok) return secret
      if (secret.value === null) return err({ kind: 'unauthorized', message: AUTH_MESSAGES.noCommboxToken })
      commboxClient = deps.connectCommbox(secret.value)
      return ok(commboxClient)
    },
  }
}
