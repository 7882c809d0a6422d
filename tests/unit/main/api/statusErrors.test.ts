import { describe, expect, it } from 'vitest'
import { errorForStatus } from '../../../../src/main/api/statusErrors'

const silent = { message: undefined, fields: {} }

describe('HTTP status classification', () => {
  it.each([
    [400, 'invalid'],
    [422, 'invalid'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'notFound'],
    [409, 'conflict'],
    [429, 'rateLimited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [405, 'invalid'],
    [302, 'invalidResponse'],
  ] as const)('maps %i to %s', (status, kind) => {
    expect(errorForStatus(status, 'Oktopost', silent, 1_000).kind).toBe(kind)
  })

  it('keeps the server field messages of a 400 and prefers its message', () => {
    const error = errorForStatus(400, 'Oktopost', { message: 'Missing value', fields: { note: 'Missing value' } }, 0)
    expect(error).toEqual({ kind: 'invalid', message: 'Missing value', fields: { note: 'Missing value' } })
  })

  it('carries retryAfterMs on 429 and the status on 5xx', () => {
    expect(errorForStatus(429, 'CommBox', silent, 12_000)).toMatchObject({ kind: 'rateLimited', retryAfterMs: 12_000 })
    expect(errorForStatus(501, 'CommBox', silent, 0)).toMatchObject({ kind: 'server', status: 501 })
  })
})
