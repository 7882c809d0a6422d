/** Credentials checks: HTTP Basic for Oktopost (account id : API key), Bearer for CommBox. */
import { timingSafeEqual } from 'node:crypto'

export function isValidBasicAuth(header: string | undefined, accountId: string, apiKey: string): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '')
  if (match === null) return false
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8')
  const separator = decoded.indexOf(':')
  if (separator === -1) return false
  return safeEqual(decoded.slice(0, separator), accountId) && safeEqual(decoded.slice(separator + 1), apiKey)
}

export function isValidBearer(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return match !== null && safeEqual(match[1] ?? '', token)
}

/** Constant-time, so the sandbox does not teach clients to rely on a timing oracle. */
function safeEqual(actual: string, expected: string): boolean {
  const a = Buffer.from(actual)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
