import { describe, expect, it, vi } from 'vitest'
import { createSendLedger, sendingOnce } from '../../../../src/main/ipc/sendOnce'
import type { Handlers } from '../../../../src/main/ipc/handlers'
import { contract, OUTBOX_CHANNELS } from '../../../../src/shared/ipc/contract'
import { err, ok, type Result } from '../../../../src/shared/result'
import { createTestServices } from '../../../support/mainServices'

/** A send whose answer the test gives when it likes. */
function pendingSend() {
  let answer: (result: Result<unknown>) => void = () => undefined
  const send = vi.fn(() => new Promise<Result<unknown>>((resolve) => (answer = resolve)))
  return { send, answer: (result: Result<unknown>) => answer(result) }
}

describe('the send ledger', () => {
  it('makes a repeat of a send still on its way wait for that send, without sending again', async () => {
    const ledger = createSendLedger()
    const first = pendingSend()
    const repeat = vi.fn(() => Promise.resolve(ok('second')))
    const sending = ledger.send('note a', first.send)
    const repeated = ledger.send('note a', repeat)
    expect(ledger.size).toEqual({ sending: 1, delivered: 0 })
    first.answer(ok('first'))
    expect(await sending).toEqual(ok('first'))
    expect(await repeated).toEqual(ok('first'))
    expect(first.send).toHaveBeenCalledTimes(1)
    expect(repeat).not.toHaveBeenCalled()
  })

  it('answers a repeat of a delivered send with its answer, and sends other keys', async () => {
    const ledger = createSendLedger()
    await ledger.send('note a', () => Promise.resolve(ok({ id: 'n1' })))
    const again = vi.fn(() => Promise.resolve(ok({ id: 'n2' })))
    expect(await ledger.send('note a', again)).toEqual(ok({ id: 'n1' }))
    expect(again).not.toHaveBeenCalled()
    expect(await ledger.send('note b', again)).toEqual(ok({ id: 'n2' }))
    expect(ledger.size).toEqual({ sending: 0, delivered: 2 })
  })

  it('forgets a failed send, so it can be tried again', async () => {
    const ledger = createSendLedger()
    const failure = err({ kind: 'server' as const, message: 'Oktopost answered 500', status: 500 })
    expect(await ledger.send('note a', () => Promise.resolve(failure))).toEqual(failure)
    const retry = vi.fn(() => Promise.resolve(ok('sent')))
    expect(await ledger.send('note a', retry)).toEqual(ok('sent'))
    expect(retry).toHaveBeenCalledTimes(1)
  })

  it('forgets a send that threw, and passes the error on', async () => {
    const ledger = createSendLedger()
    await expect(ledger.send('note a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(ledger.size).toEqual({ sending: 0, delivered: 0 })
  })

  it('remembers a delivered send for keptMs (a day unless told), and only the newest maxDelivered', async () => {
    let now = 0
    const ledger = createSendLedger({ now: () => now, keptMs: 1_000, maxDelivered: 3 })
    for (const key of ['a', 'b', 'c', 'd']) await ledger.send(key, () => Promise.resolve(ok(key)))
    expect(ledger.size.delivered).toBe(3)
    const resend = vi.fn(() => Promise.resolve(ok('again')))
    expect(await ledger.send('a', resend)).toEqual(ok('again'))
    now = 1_001
    expect(await ledger.send('d', resend)).toEqual(ok('again'))
    expect(resend).toHaveBeenCalledTimes(2)
  })
})

describe('the handler table sending once', () => {
  const services = createTestServices()

  it('hands the outbox channels their change without its sendId, once per sendId', async () => {
    const addNote = vi.fn(() => Promise.resolve(ok({ id: 'n1' })))
    const handlers = sendingOnce({ ...services.handlers, 'conversation:addNote': addNote } as unknown as Handlers, createSendLedger())
    const request = { conversationId: 'c1', note: 'hello', sendId: 'entry-1' }
    const context = { transport: 'http' as const }
    await handlers['conversation:addNote'](request, context)
    await handlers['conversation:addNote'](request, context)
    expect(addNote).toHaveBeenCalledTimes(1)
    expect(addNote).toHaveBeenCalledWith({ conversationId: 'c1', note: 'hello' }, context)
    // Without a sendId, every call is sent: the change's sender did not ask for once.
    await handlers['conversation:addNote']({ conversationId: 'c1', note: 'hello' }, context)
    expect(addNote).toHaveBeenCalledTimes(2)
  })

  it('keeps the same sendId apart on different channels', async () => {
    const setStatus = vi.fn(() => Promise.resolve(ok(null)))
    const deleteTag = vi.fn(() => Promise.resolve(ok(null)))
    const table = { ...services.handlers, 'conversation:setStatus': setStatus, 'tag:delete': deleteTag } as unknown as Handlers
    const handlers = sendingOnce(table, createSendLedger())
    const context = { transport: 'electron' as const }
    await handlers['conversation:setStatus']({ conversationId: 'c1', status: 'closed', sendId: 'entry-1' }, context)
    await handlers['tag:delete']({ tagId: 't1', sendId: 'entry-1' }, context)
    expect(setStatus).toHaveBeenCalledTimes(1)
    expect(deleteTag).toHaveBeenCalledTimes(1)
  })

  it('takes a sendId on the outbox channels only, in a safe form', () => {
    for (const channel of OUTBOX_CHANNELS) {
      expect(contract[channel].request.shape).toHaveProperty('sendId')
    }
    expect(contract['conversation:get'].request.safeParse({ conversationId: 'c1', sendId: 'entry-1' }).success).toBe(false)
    expect(contract['conversation:addNote'].request.safeParse({ conversationId: 'c1', note: 'x', sendId: 'entry-1.2' }).success).toBe(true)
    expect(contract['conversation:addNote'].request.safeParse({ conversationId: 'c1', note: 'x', sendId: 'a b' }).success).toBe(false)
    expect(contract['conversation:addNote'].request.safeParse({ conversationId: 'c1', note: 'x', sendId: 'x'.repeat(101) }).success).toBe(false)
  })
})
