import type { AuthStatus, CommboxTokenInput, OktopostEndpoint, Session, SignInRequest } from '../../shared/domain/session'
import { err, invalid, ok, type AppError, type FieldErrors, type Result } from '../../shared/result'
import type { CommboxClient } from '../api/commbox/client'
import type { OktopostClient } from '../api/oktopost/client'
import type { OktopostAuth } from '../api/oktopost/transport'
import { COMMBOX_DEFAULT_BASE_URL, normalizeBaseUrl, oktopostBaseUrl } from '../api/regions'
import { AUTH_MESSAGES } from './messages'
import type { CommboxSecret, CredentialVault, OktopostSecret } from './vault'

export interface AuthServiceDeps {
  vault: CredentialVault
  /** Builds a client on the process's shared rate limiter. */
  connectOktopost(auth: OktopostAuth): OktopostClient
  connectCommbox(options: { baseUrl: string; token: string }): CommboxClient
}

/**
 * Sign-in and the stored credentials. Keys go in (signIn, setCommboxToken) and never come
 * back out: callers get sessions and ready clients instead.
 */
export interface AuthService {
  /** Checks the key with GET /v2/me, then stores it encrypted. */
  signIn(request: SignInRequest): Promise<Result<Session>>
  status(): Promise<Result<AuthStatus>>
  /** Wipes the Oktopost key and the CommBox token. */
  signOut(): Promise<Result<null>>
  /** Stored as given: CommBox has no endpoint to check a token without side effects. */
  setCommboxToken(input: CommboxTokenInput): Promise<Result<{ baseUrl: string }>>
  clearCommboxToken(): Promise<Result<null>>
  /** The signed-in client, or `unauthorized` when nobody is signed in. */
  oktopost(): Promise<Result<OktopostClient>>
  commbox(): Promise<Result<CommboxClient>>
}

function sessionOf(secret: OktopostSecret): Session {
  return { user: secret.user, account: secret.account, endpoint: secret.endpoint }
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

export function createAuthService(deps: AuthServiceDeps): AuthService {
  let oktopostClient: OktopostClient | undefined
  let commboxClient: CommboxClient | undefined

  function connect(secret: OktopostSecret): Result<OktopostClient> {
    const baseUrl = oktopostBaseUrl(secret.endpoint)
    if (!baseUrl.ok) return baseUrl
    return ok(deps.connectOktopost({ baseUrl: baseUrl.value, accountId: secret.accountId, apiKey: secret.apiKey }))
  }

  return {
    async signIn(request) {
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

      const secret: OktopostSecret = { accountId, apiKey, endpoint, user: me.value.user, account: me.value.account }
      const saved = await deps.vault.oktopost.save(secret)
      if (!saved.ok) return saved
      oktopostClient = client
      return ok(sessionOf(secret))
    },

    async status() {
      const oktopost = await deps.vault.oktopost.load()
      if (!oktopost.ok) return oktopost
      const commbox = await deps.vault.commbox.load()
      if (!commbox.ok) return commbox
      return ok({
        oktopost: oktopost.value === null ? null : sessionOf(oktopost.value),
        commbox: commbox.value === null ? null : { baseUrl: commbox.value.baseUrl },
      })
    },

    async signOut() {
      oktopostClient = undefined
      commboxClient = undefined
      const oktopost = await deps.vault.oktopost.clear()
      const commbox = await deps.vault.commbox.clear()
      return oktopost.ok ? commbox : oktopost
    },

    async setCommboxToken(input) {
      const token = input.token.trim()
      if (token === '') return err(invalid(AUTH_MESSAGES.tokenRequired, { token: AUTH_MESSAGES.tokenRequired }))
      const baseUrl = normalizeBaseUrl(input.baseUrl ?? COMMBOX_DEFAULT_BASE_URL)
      if (!baseUrl.ok) return baseUrl
      const secret: CommboxSecret = { token, baseUrl: baseUrl.value }
      const saved = await deps.vault.commbox.save(secret)
      if (!saved.ok) return saved
      commboxClient = deps.connectCommbox(secret)
      return ok({ baseUrl: secret.baseUrl })
    },

    async clearCommboxToken() {
      commboxClient = undefined
      return deps.vault.commbox.clear()
    },

    async oktopost() {
      if (oktopostClient !== undefined) return ok(oktopostClient)
      const secret = await deps.vault.oktopost.load()
      if (!secret.ok) return secret
      if (secret.value === null) return err({ kind: 'unauthorized', message: AUTH_MESSAGES.notSignedIn })
      const client = connect(secret.value)
      if (client.ok) oktopostClient = client.value
      return client
    },

    async commbox() {
      if (commboxClient !== undefined) return ok(commboxClient)
      const secret = await deps.vault.commbox.load()
      if (!secret.ok) return secret
      if (secret.value === null) return err({ kind: 'unauthorized', message: AUTH_MESSAGES.noCommboxToken })
      commboxClient = deps.connectCommbox(secret.value)
      return ok(commboxClient)
    },
  }
}
