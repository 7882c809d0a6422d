/**
 * Answers spoiled on the way back, for the fault modes that apply a request and then deliver
 * its answer badly: with the wrong types, without fields, far too large, a few bytes at a
 * time, or cut off halfway. Clients must turn each into a clear error.
 */
import type { ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import type { HttpAnswer } from './respond'

/** Bigger than any client should accept (Inbox Desk refuses answers over 16 MiB). */
export const HUGE_BODY_BYTES = 24 * 1024 * 1024
export const DRIP_PIECES = 20

/** Every scalar changes type: strings become their length, numbers and booleans text, null an object. */
export function withWrongTypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withWrongTypes)
  if (value === null) return {}
  switch (typeof value) {
    case 'string':
      return value.length
    case 'number':
    case 'boolean':
      return String(value)
    case 'object':
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withWrongTypes(inner)]))
    default:
      return value
  }
}

/** Every object inside the answer (not the envelope itself) loses its first field. */
export function withFirstFieldsDropped(value: unknown, isEnvelope = true): unknown {
  if (Array.isArray(value)) return value.map((item) => withFirstFieldsDropped(item, false))
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value).map(([key, inner]) => [key, withFirstFieldsDropped(inner, false)] as const)
  return Object.fromEntries(isEnvelope ? entries : entries.slice(1))
}

/** The answer as valid JSON, padded with whitespace to HUGE_BODY_BYTES. */
export function hugeJson(body: unknown): string {
  const json = JSON.stringify(body)
  return json + ' '.repeat(Math.max(0, HUGE_BODY_BYTES - Buffer.byteLength(json)))
}

function writeHead(response: ServerResponse, answer: HttpAnswer, byteLength: number): void {
  response.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': byteLength,
    ...answer.headers,
  })
  response.flushHeaders()
}

/** Sends the headers at once, then the body in DRIP_PIECES pieces `intervalMs` apart. */
export async function sendDripping(response: ServerResponse, answer: HttpAnswer, intervalMs: number): Promise<void> {
  const bytes = Buffer.from(JSON.stringify(answer.body))
  writeHead(response, answer, bytes.length)
  const pieceSize = Math.max(1, Math.ceil(bytes.length / DRIP_PIECES))
  for (let offset = 0; offset < bytes.length; offset += pieceSize) {
    await delay(intervalMs)
    // The client may have given up (its deadline) or the sandbox may be closing.
    if (response.destroyed) return
    response.write(bytes.subarray(offset, offset + pieceSize))
  }
  response.end()
}

/** Announces the whole body, sends half of it, then drops the connection. */
export function sendCutMidBody(response: ServerResponse, answer: HttpAnswer): void {
  const bytes = Buffer.from(JSON.stringify(answer.body))
  writeHead(response, answer, bytes.length)
  response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => response.socket?.destroy())
}
