/**
 * Watches what main sends to the APIs, to prove that no IPC request, however odd, makes main
 * call an endpoint outside the contract's documented routes.
 */
const ID = '[^/]+'

/** Every route of Oktopost v2 and CommBox that a contract channel may reach. */
const DOCUMENTED_ROUTES: readonly RegExp[] = [
  /^GET \/v2\/me$/,
  /^GET \/v2\/conversation$/,
  new RegExp(`^(GET|POST) /v2/conversation/${ID}$`),
  new RegExp(`^GET /v2/conversation/${ID}/timeline$`),
  new RegExp(`^POST /v2/conversation/${ID}/(assign|note|tag|reply|create-case)$`),
  /^GET \/v2\/conversation-tag$/,
  new RegExp(`^(GET|POST|DELETE) /v2/conversation-tag/${ID}$`),
  /^(GET|POST) \/v2\/canned-response$/,
  new RegExp(`^GET /v2/canned-response/${ID}$`),
  /^GET \/v2\/user$/,
  /^GET \/v2\/credential$/,
  /^POST \/commbox\/tags$/,
]

export interface RequestLog {
  fetch: typeof fetch
  /** `METHOD /path` of every request, as sent (after URL resolution). */
  sent: string[]
  /** Those outside the documented routes. */
  undocumented(): string[]
}

export function recordRequests(): RequestLog {
  const sent: string[] = []
  return {
    sent,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      sent.push(`${init?.method ?? 'GET'} ${url.pathname}`)
      return fetch(input, init)
    },
    undocumented: () => sent.filter((request) => !DOCUMENTED_ROUTES.some((route) => route.test(request))),
  }
}
