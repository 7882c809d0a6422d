import { describe, expect, it } from 'vitest'
import { createCommboxClient } from '../../../../src/main/api/commbox/client'
import type { FetchFunction } from '../../../../src/main/api/http'

function commboxWith(answer: Response) {
  const sent: Array<{ url: string; init: RequestInit | undefined }> = []
  const fetchFunction: FetchFunction = async (input, init) => {
    sent.push({ url: String(input), init })
    return answer
  }
  return { client: createCommboxClient({ baseUrl: 'https://api.commbox.io', token: 'tok', fetch: fetchFunction }), sent }
}

const input = { name: 'My new Miss tag', type: 3, tagGroupId: 0, objectTag: true, userTag: false, childTag: false } as const

describe('CommBox client', () => {
  it('posts the data-wrapped JSON body with a Bearer token and returns the id', async () => {
    const { client, sent } = commboxWith(
      Response.json({ status: '200', description: 'Operation successful', response_time: '2025-08-06T07:51:52.2581942Z', data: { id: '21221' } }),
    )
    expect(await client.createTag(input)).toEqual({ ok: true, value: { id: '21221' } })
    expect(sent[0]?.url).toBe('https://api.commbox.io/tags')
    const headers = sent[0]?.init?.headers as Record<string, string>
    expect(headers.Authorization).toBe('Bearer tok')
    expect(headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(String(sent[0]?.init?.body))).toEqual({
      data: { Name: 'My new Miss tag', Type: 3, TagGroupId: 0, ObjectTag: true, UserTag: false, ChildTag: false },
    })
  })

  it('accepts a numeric id', async () => {
    const { client } = commboxWith(Response.json({ status: 200, data: { id: 21222 } }))
    expect(await client.createTag(input)).toEqual({ ok: true, value: { id: '21222' } })
  })

  it('uses the description of an error body', async () => {
    const { client } = commboxWith(Response.json({ status: 400, description: 'Bad Request', response_time: 'x' }, { status: 400 }))
    expect(await client.createTag(input)).toEqual({ ok: false, error: { kind: 'invalid', message: 'Bad Request', fields: {} } })
  })

  it('believes an error status inside a 200 body', async () => {
    const { client } = commboxWith(Response.json({ status: 401, description: 'Unauthorized' }))
    expect(await client.createTag(input)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
  })

  it('refuses an unknown tag type before sending', async () => {
    const { client, sent } = commboxWith(Response.json({}))
    const result = await client.createTag({ ...input, type: 4 as never, name: ' ' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { type: expect.any(String), name: expect.any(String) } } })
    expect(sent).toHaveLength(0)
  })
})
