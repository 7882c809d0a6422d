import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CommboxTagInput } from '../../../src/shared/domain/commbox'
import { SandboxHarness } from './sandboxHarness'

/** CommBox `POST /tags` through the real client against the sandbox, faults included. */

let harness: SandboxHarness

beforeAll(async () => {
  harness = await SandboxHarness.start()
})
afterEach(() => harness.clearFaults())
afterAll(() => harness.close())

const missTag: CommboxTagInput = { name: 'My new Miss tag', type: 3, tagGroupId: 0, objectTag: true, userTag: false, childTag: false }
const ROUTE = 'POST /commbox/tags'

describe('CommBox create tag', () => {
  it('creates a tag and returns its id; the sandbox receives the data-wrapped body', async () => {
    const result = await harness.commbox().createTag(missTag)
    expect(result).toEqual({ ok: true, value: { id: expect.stringMatching(/^\d+$/) } })
    expect((await harness.ledger()).at(-1)).toMatchObject({
      method: 'POST',
      path: '/commbox/tags',
      params: { data: { Name: 'My new Miss tag', Type: 3, TagGroupId: 0, ObjectTag: true, UserTag: false, ChildTag: false } },
    })
  })

  it('answers unauthorized for a wrong token', async () => {
    expect(await harness.commbox({ token: 'wrong' }).createTag(missTag)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
  })

  it('answers notFound for a tag group that does not exist', async () => {
    expect(await harness.commbox().createTag({ ...missTag, tagGroupId: 999 })).toMatchObject({
      ok: false,
      error: { kind: 'notFound', message: expect.stringContaining('999') },
    })
  })

  it('reports a 500 once, without retrying', async () => {
    await harness.addFault({ route: ROUTE, mode: 'status500', times: 2 })
    expect(await harness.commbox().createTag(missTag)).toMatchObject({ ok: false, error: { kind: 'server', status: 500 } })
    expect(await harness.faultsRemaining()).toEqual([1])
  })

  it('reports 429 with Retry-After', async () => {
    await harness.addFault({ route: ROUTE, mode: 'status429', retryAfterSeconds: 3 })
    expect(await harness.commbox().createTag(missTag)).toMatchObject({ ok: false, error: { kind: 'rateLimited', retryAfterMs: 3_000 } })
  })

  it('reports a lost answer as an unknown outcome; the tag was created', async () => {
    await harness.addFault({ route: ROUTE, mode: 'dropAfter' })
    const before = (await harness.ledger()).length
    expect(await harness.commbox().createTag(missTag)).toMatchObject({ ok: false, error: { kind: 'unknownOutcome' } })
    expect((await harness.ledger()).slice(before)).toHaveLength(1)
  })

  it('reports a reset connection as an unknown outcome', async () => {
    await harness.addFault({ route: ROUTE, mode: 'resetBefore' })
    expect(await harness.commbox().createTag(missTag)).toMatchObject({ ok: false, error: { kind: 'unknownOutcome' } })
  })

  it('reports a garbled answer as invalidResponse', async () => {
    await harness.addFault({ route: ROUTE, mode: 'malformedJson' })
    expect(await harness.commbox().createTag(missTag)).toMatchObject({ ok: false, error: { kind: 'invalidResponse' } })
  })

  it('reports a slow answer as a timeout', async () => {
    await harness.addFault({ route: ROUTE, mode: 'latency', latencyMs: 300 })
    expect(await harness.commbox({ timeoutMs: 100 }).createTag(missTag)).toMatchObject({ ok: false, error: { kind: 'timeout' } })
  })
})
