import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startClient, type SandboxClient } from './support'

let api: SandboxClient

beforeAll(async () => {
  api = await startClient({ conversations: 10 })
})
afterAll(() => api.close())
beforeEach(() => api.reset())

describe('CommBox create tag', () => {
  it('defaults Type to 1 and numbers tags upwards from 21221', async () => {
    const first = await api.commbox({ data: { Name: 'Refund requested' } })
    const second = await api.commbox({ data: { Name: 'Upsell', Type: 2, TagGroupId: 7, ObjectTag: false, UserTag: true, ChildTag: true } })
    expect([first.body.data.id, second.body.data.id]).toEqual(['21221', '21222'])
    expect((await api.ledger()).map((entry) => entry.params)).toEqual([
      { data: { Name: 'Refund requested' } },
      { data: { Name: 'Upsell', Type: 2, TagGroupId: 7, ObjectTag: false, UserTag: true, ChildTag: true } },
    ])
  })

  it.each([
    ['a Type outside 1|2|3', { data: { Name: 'x', Type: 4 } }],
    ['a missing Name', { data: { Type: 1 } }],
    ['a body not wrapped in data', { Name: 'x' }],
    ['a non-boolean flag', { data: { Name: 'x', UserTag: 'yes' } }],
    ['malformed JSON', '{"data": {'],
  ])('answers 400 for %s', async (_case, payload) => {
    const { status, body } = await api.commbox(payload)
    expect(status).toBe(400)
    expect(body.description).toMatch(/^Bad Request/)
  })

  it('answers 404 for an unknown tag group or path', async () => {
    expect((await api.commbox({ data: { Name: 'x', TagGroupId: 99 } })).status).toBe(404)
    expect((await api.commbox({ data: { Name: 'x' } }, 'sandbox-commbox-token', '/tag-groups')).body).toMatchObject({ status: 404, description: 'Not Found' })
    expect(await api.ledger()).toEqual([])
  })
})
