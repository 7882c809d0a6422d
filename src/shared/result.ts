/**
 * Every answer that crosses the process boundary is a Result: failures travel as data
 * with a kind the renderer can switch over, never as thrown exceptions.
 */

export type FieldErrors = Record<string, string>

export type AppError =
  /** Nothing reached the server: safe to try again. */
  | { kind: 'network'; message: string }
  /** The request may have reached the server; its outcome is not known. */
  | { kind: 'timeout'; message: string }
  /** The connection broke after the request was sent; the server may have applied it. */
  | { kind: 'unknownOutcome'; message: string }
  | { kind: 'rateLimited'; message: string; retryAfterMs: number }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'notFound'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'invalid'; message: string; fields: FieldErrors }
  | { kind: 'server'; message: string; status: number }
  /** The server answered, but not in the documented shape. */
  | { kind: 'invalidResponse'; message: string }
  /** A bug on our side; reported, never thrown across the boundary. */
  | { kind: 'internal'; message: string }

export type ErrorKind = AppError['kind']

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function err<T = never>(error: AppError): Result<T> {
  return { ok: false, error }
}

export function invalid(message: string, fields: FieldErrors = {}): AppError {
  return { kind: 'invalid', message, fields }
}
