/** Real HTTP against a real sandbox: every test talks to the server the way a client would. */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox/server'

export type Fields = Record<string, string | readonly string[]>

/** Answers are checked by assertions, so tests read them loosely typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface Reply {
  status: number
  headers: Headers
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: Json
  text: string
}

/** Form encoding the way Oktopost takes it: arrays as `key[]=a&key[]=b`. */
export function formEncode(fields: Fields): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') params.append(key, value)
    else for (const item of value) params.append(`${key}[]`, item)
  }
  return params.toString()
}

export function basicAuth(accountId: string, apiKey: string): string {
  return `Basic ${Buffer.from(`${accountId}:${apiKey}`).toString('base64')}`
}

async function toReply(response: Response): Promise<Reply> {
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: response.status, headers: response.headers, body, text }
}

export class SandboxClient {
  constructor(readonly sandbox: RunningSandbox) {}

  get auth(): string {
    return basicAuth(this.sandbox.options.accountId, this.sandbox.options.apiKey)
  }

  /** `auth` is an Authorization header value; null sends none. */
  async get(path: string, query: Fields = {}, auth: string | null = this.auth): Promise<Reply> {
    const search = formEncode(query)
    const url = `${this.sandbox.oktopostBaseUrl}${path}${search === '' ? '' : `?${search}`}`
    return toReply(await fetch(url, { headers: auth === null ? {} : { authorization: auth } }))
  }

  async post(path: string, fields: Fields = {}, auth: string | null = this.auth): Promise<Reply> {
    return this.send('POST', path, fields, auth)
  }

  async delete(path: string): Promise<Reply> {
    return this.send('DELETE', path, {}, this.auth)
  }

  async send(method: string, path: string, fields: Fields, auth: string | null): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
    if (auth !== null) headers.authorization = auth
    const body = method === 'GET' ? undefined : formEncode(fields)
    return toReply(await fetch(`${this.sandbox.oktopostBaseUrl}${path}`, { method, headers, body }))
  }

  /** `token` null sends no Authorization header. */
  async commbox(body: unknown, token: string | null = this.sandbox.options.commboxToken, path = '/tags'): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (token !== null) headers.authorization = `Bearer ${token}`
    const payload = typeof body === 'string' ? body : JSON.stringify(body)
    return toReply(await fetch(`${this.sandbox.commboxBaseUrl}${path}`, { method: 'POST', headers, body: payload }))
  }

  async control(method: string, path: string, body?: unknown): Promise<Reply> {
    const init: RequestInit = { method }
    if (body !== undefined) {
      init.body = JSON.stringify(body)
      init.headers = { 'content-type': 'application/json' }
    }
    return toReply(await fetch(`${this.sandbox.url}/__sandbox${path}`, init))
  }

  async reset(): Promise<void> {
    await this.control('POST', '/reset')
  }

  async ledger(): Promise<Array<{ seq: number; at: string; method: string; path: string; params: Json; status: number }>> {
    return (await this.control('GET', '/ledger')).body.entries
  }

  close(): Promise<void> {
    return this.sandbox.close()
  }
}

export async function startClient(options: Partial<SandboxOptions> = {}): Promise<SandboxClient> {
  return new SandboxClient(await startSandbox(options))
}

/** A clock the test moves by hand, so time-based behaviour is tested without sleeping. */
export class ManualClock {
  constructor(public nowMs = Date.UTC(2025, 4, 1, 9, 0, 0)) {}

  readonly now = (): number => this.nowMs

  advance(ms: number): void {
    this.nowMs += ms
  }
}

export const API_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
