import type { OktopostEndpoint, Region } from '../../shared/domain/session'
import { err, invalid, ok, type Result } from '../../shared/result'

/** Oktopost's data centres; the agent picks one when signing in. */
export const OKTOPOST_REGION_BASE_URLS: Readonly<Record<Region, string>> = {
  us: 'https://api.oktopost.com/v2',
  eu: 'https://eu-api.oktopost.com/v2',
}

export const COMMBOX_DEFAULT_BASE_URL = 'https://api.commbox.io/'

/** Oktopost's API lives under /v2; a custom base URL given as a bare origin means that. */
const OKTOPOST_API_PATH = '/v2'

export const BASE_URL_MESSAGES = {
  notAUrl: 'Enter a full address such as https://proxy.example.com/v2',
  insecure: 'Use https: the API key would travel unencrypted (plain http is allowed only for this computer)',
  hasExtras: "The address can't contain a user name, password, query or #fragment",
} as const

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]'])

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/**
 * Checks a custom base URL (proxy, local sandbox) and returns it without a trailing slash.
 * Plain http is refused except on loopback, because every request carries the API key.
 */
export function normalizeBaseUrl(raw: string, defaultPath = ''): Result<string> {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return err(invalid(BASE_URL_MESSAGES.notAUrl, { baseUrl: BASE_URL_MESSAGES.notAUrl }))
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    const message = url.protocol === 'http:' ? BASE_URL_MESSAGES.insecure : BASE_URL_MESSAGES.notAUrl
    return err(invalid(message, { baseUrl: message }))
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return err(invalid(BASE_URL_MESSAGES.hasExtras, { baseUrl: BASE_URL_MESSAGES.hasExtras }))
  }
  const path = url.pathname.replace(/\/+$/, '')
  return ok(`${url.origin}${path === '' ? defaultPath : path}`)
}

export function oktopostBaseUrl(endpoint: OktopostEndpoint): Result<string> {
  return 'region' in endpoint
    ? ok(OKTOPOST_REGION_BASE_URLS[endpoint.region])
    : normalizeBaseUrl(endpoint.baseUrl, OKTOPOST_API_PATH)
}
