import type { InboxDeskApi } from '../../shared/ipc/api'
import { BRIDGE_INVOKE_PATH, BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from '../../shared/ipc/transport'
import type { Result } from '../../shared/result'

/** The browser preview's stand-in for the preload: the same interface, carried over loopback HTTP. */
export function createHttpBridgeApi(token: string, fetchImpl: typeof fetch = fetch): InboxDeskApi {
  return {
    async invoke(channel, request) {
      let response: Response
      try {
        response = await fetchImpl(BRIDGE_INVOKE_PATH, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [BRIDGE_TOKEN_HEADER]: token },
          body: JSON.stringify({ channel, payload: request }),
        })
      } catch {
        return { ok: false, error: { kind: 'network', message: 'The Inbox Desk preview server is not reachable' } }
      }
      try {
        return (await response.json()) as Result<never>
      } catch {
        return {
          ok: false,
          error: { kind: 'invalidResponse', message: `The preview server answered ${response.status} without a result` },
        }
      }
    },
  }
}

export function readBridgeToken(document: Document): string | null {
  return document.querySelector<HTMLMetaElement>(`meta[name="${BRIDGE_TOKEN_META}"]`)?.content ?? null
}
