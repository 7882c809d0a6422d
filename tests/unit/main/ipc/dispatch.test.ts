import { describe, expect, it, vi } from 'vitest'
import { createTestServices, TEST_IDENTITY } from '../../../support/mainServices'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import type { Handlers } from '../../../../src/main/ipc/handlers'
import { channels } from '../../../../src/shared/ipc/contract'

const identity = TEST_IDENTITY
const handlers = createTestServices().handlers

describe('dispatch', () => {
  it('answers a known channel with its handler result and the transport that carried it', async () => {
    const result = await dispatch(handlers, 'app:info', {}, { transport: 'electron' })
    expect(result).toEqual({ ok: true, value: { ...identity, transport: 'electron' } })
  })

  it('refuses an unknown channel with an invalid error naming it', async () => {
    const result = await dispatch(handlers, 'fs:readFile', { path: '/etc/passwd' }, { transport: 'electron' })
    expect(result).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'Unknown channel "fs:readFile"', fields: { channel: 'is not a channel of the IPC contract' } },
    })
  })

  it('refuses a channel name inherited from Object.prototype', async () => {
    const result = await dispatch(handlers, 'constructor', {}, { transport: 'http' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.kind).toBe('invalid')
  })

  it('refuses a channel that is not a string without echoing it', async () => {
    const result = await dispatch(handlers, { toString: () => 'app:info' }, {}, { transport: 'http' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', message: 'Unknown channel object' } })
  })

  it('refuses a payload that does not match the schema, with a field message', async () => {
    const result = await dispatch(handlers, 'app:info', { extra: true }, { transport: 'electron' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.kind).toBe('invalid')
    expect(result.error.message).toBe('Invalid request for app:info')
    expect(result.error).toHaveProperty('fields')
    expect(Object.keys((result.error as { fields: object }).fields)).not.toHaveLength(0)
  })

  it('refuses a missing payload', async () => {
    const result = await dispatch(handlers, 'app:info', undefined, { transport: 'electron' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid' } })
  })

  it('turns a throwing handler into an internal error instead of an exception', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const broken: Handlers = { ...handlers, 'app:info': () => Promise.reject(new Error('boom')) }
    const result = await dispatch(broken, 'app:info', {}, { transport: 'electron' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } })
    expect(consoleError).toHaveBeenCalled()
    consoleError.mockRestore()
  })

  it('refuses to pass on an answer that breaks the response schema', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const sloppy = { ...handlers, 'app:info': async () => ({ ok: true, value: { name: 1 } }) } as unknown as Handlers
    const result = await dispatch(sloppy, 'app:info', {}, { transport: 'electron' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } })
    consoleError.mockRestore()
  })

  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort())
  })
})
