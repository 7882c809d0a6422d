import type { Result } from '../../shared/result'
import type { CommboxClient } from '../api/commbox/client'
import type { OktopostClient } from '../api/oktopost/client'
import type { AuthService } from '../auth/authService'

/** Runs a call with the signed-in Oktopost client, or answers `unauthorized` when there is none. */
export async function withOktopost<T>(auth: AuthService, call: (client: OktopostClient) => Promise<Result<T>>): Promise<Result<T>> {
  const client = await auth.oktopost()
  return client.ok ? call(client.value) : client
}

export async function withCommbox<T>(auth: AuthService, call: (client: CommboxClient) => Promise<Result<T>>): Promise<Result<T>> {
  const client = await auth.commbox()
  return client.ok ? call(client.value) : client
}
