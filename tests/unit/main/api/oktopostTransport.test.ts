import { describe, expect, it } from 'vitest'
import type { FetchFunction } from '../../../../src/main/api/http'
import { createOktopostClient } from '../../../../src/main/api/oktopost/client'
import { createRateLimiter, OKTOPOST_RATE_WINDOWS } from '../../../../src/main/api/rateLimiter'
import { FakeClock } from './fakeClock'

/**
 * The transport's own decisions, with fetch replaced by a scripted one (the real HTTP paths are
 * covered in tests/integration/api against the sandbox and small local servers).
 */
interface Sent {
  method: string
  url: string
  headers: Record<string, string>
  body: string | null
}

function scriptedFetch(answers: Array<Response | Error>) {
  const sent: Sent[] = []
  const fetchFunction: FetchFunction = async (input, init) => {
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: init?.headers as Record<string, string>,
      body: (init?.body as string | null | undefined) ?? null,
    })
    const next = answers.shift() ?? new Error('no more scripted answers')
    if (next instanceof Error) throw next
    return next
  }
  return { fetchFunction, sent }
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

const socketClosed = () => new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) })

function clientWith(answers: Array<Response | Error>, clock = new FakeClock()) {
  const { fetchFunction, sent } = scriptedFetch(answers)
  const limiter = createRateLimiter({ windows: OKTOPOST_RATE_WINDOWS, clock })
  const client = createOktopostClient({
    auth: { baseUrl: 'https://api.oktopost.com/v2', accountId: '00A0000000DEMO1', apiKey: 'secret-key' },
    limiter,
    clock,
    random: () => 0,
    fetch: fetchFunction,
  })
  return { client, sent, limiter, clock }
}

const conversation = {
  Id: 'eit000000000001',
  Created: '2025-03-10 14:22:00',
  Modified: '2025-03-12 09:15:30',
  Status: 'open',
  Network: 'Facebook',
  ItemType: 'Post',
  AssigneeId: '00A000000000001',
  ProfileName: 'Acme Inc',
}

describe('Oktopost transport', () => {
  it('authenticates with HTTP Basic and asks for JSON', async () => {
    const { client, sent } = clientWith([json({ Result: true, Conversation: conversation })])
    await client.conversations.get('eit000000000001')
    expect(sent[0]?.url).toBe('https://api.oktopost.com/v2/conversation/eit000000000001')
    expect(sent[0]?.headers.Authorization).toBe(`Basic ${Buffer.from('00A0000000DEMO1:secret-key').toString('base64')}`)
    expect(sent[0]?.headers.Accept).toBe('application/json')
  })

  it('sends mutations form-encoded with key[] arrays', async () => {
    const { client, sent } = clientWith([json({ Result: true, Tags: [{ Id: 'etg1', Name: 'Support' }, { Id: 'etg2', Name: 'VIP' }] })])
    const result = await client.conversations.replaceTags('eit000000000001', ['Support', 'VIP'])
    expect(result).toEqual({ ok: true, value: [{ id: 'etg1', name: 'Support' }, { id: 'etg2', name: 'VIP' }] })
    expect(sent[0]).toMatchObject({ method: 'POST', body: 'tags%5B%5D=Support&tags%5B%5D=VIP' })
    expect(sent[0]?.headers['Content-Type']).toBe('application/x-www-form-urlencoded')
  })

  it('puts list filters in the query, comma-separated', async () => {
    const { client, sent } = clientWith([json({ Result: true, Conversations: { Total: 0, Items: [] } })])
    await client.conversations.list({
      statuses: ['open'],
      types: ['Post', 'Mention'],
      assigneeIds: ['00A1', '00A2'],
      search: 'refund',
      page: 2,
      count: 50,
      order: { field: 'created', direction: 'desc' },
    })
    const url = new URL(sent[0]?.url ?? '')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      type: 'Post,Mention',
      status: 'open',
      assignee_id: '00A1,00A2',
      q: 'refund',
      _page: '2',
      _count: '50',
      _order: 'created,0',
    })
  })

  it('retries a GET that failed on the way, and succeeds', async () => {
    const { client, sent } = clientWith([socketClosed(), new Response('oops', { status: 503 }), json({ Result: true, Conversation: conversation })])
    const result = await client.conversations.get('eit000000000001')
    expect(result.ok).toBe(true)
    expect(sent).toHaveLength(3)
  })

  it('never retries a POST: a reply whose answer was lost is reported as an unknown outcome', async () => {
    const { client, sent } = clientWith([socketClosed(), json({ Result: true })])
    const result = await client.conversations.reply(
      { id: 'eit000000000001', network: 'Facebook', itemType: 'Post', status: 'open' },
      { message: 'Thanks!' },
    )
    expect(result).toMatchObject({ ok: false, error: { kind: 'unknownOutcome' } })
    expect(sent).toHaveLength(1)
  })

  it('never retries a POST or DELETE answered with 5xx', async () => {
    const { client, sent } = clientWith([new Response('', { status: 500 }), new Response('', { status: 502 })])
    expect(await client.conversations.addNote('eit000000000001', 'Escalated')).toMatchObject({ ok: false, error: { kind: 'server', status: 500 } })
    expect(await client.conversationTags.delete('etg000000000001')).toMatchObject({ ok: false, error: { kind: 'server', status: 502 } })
    expect(sent).toHaveLength(2)
  })

  it('holds every Oktopost call through a short Retry-After pause', async () => {
    const clock = new FakeClock()
    const { client, sent } = clientWith(
      [json({ Result: false, Errors: { API: { Error: 'Too many requests' } } }, 429, { 'Retry-After': '5' }), json({ Result: true, Conversation: conversation })],
      clock,
    )
    const limited = await client.conversations.get('eit000000000001')
    expect(limited).toMatchObject({ ok: false, error: { kind: 'rateLimited', retryAfterMs: 5_000 } })
    const next = client.conversations.get('eit000000000001', { lane: 'user' })
    await clock.advance(4_999)
    expect(sent).toHaveLength(1)
    await clock.advance(1)
    expect((await next).ok).toBe(true)
    expect(sent).toHaveLength(2)
  })

  it('answers rateLimited at once, sending nothing, while a long pause lasts', async () => {
    const clock = new FakeClock()
    const { client, sent } = clientWith([new Response('', { status: 429, headers: { 'Retry-After': '900' } }), json({ Result: true })], clock)
    await client.account.me()
    await clock.advance(60_000)
    const during = await client.conversations.setStatus('eit000000000001', 'closed')
    expect(during).toMatchObject({ ok: false, error: { kind: 'rateLimited', retryAfterMs: 840_000 } })
    expect(sent).toHaveLength(1)
    await clock.advance(840_000)
    expect(await client.conversations.setStatus('eit000000000001', 'closed')).toEqual({ ok: true, value: null })
  })

  it('reads {Result:false, Errors} into field messages named like the domain input', async () => {
    const { client } = clientWith([
      json({ Result: false, Errors: { case_description: { Error: 'Too long' }, Param: { get: 'Missing value for parameter postId' } } }, 400),
    ])
    const result = await client.conversations.createCase('eit000000000001', { integrationId: 'sfint1' })
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'invalid',
        message: 'Too long; Missing value for parameter postId',
        fields: { caseDescription: 'Too long', param: 'Missing value for parameter postId' },
      },
    })
  })

  it('treats Result:false on a 200 as a refusal', async () => {
    const { client } = clientWith([json({ Result: false, Errors: { tag: { Error: 'Name taken' } } })])
    expect(await client.conversationTags.rename('etg1', 'VIP')).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'Name taken', fields: { name: 'Name taken' } },
    })
  })

  it('names the first wrong field of an unexpected shape', async () => {
    const broken = { ...conversation, Created: 'yesterday' }
    const { client } = clientWith([json({ Result: true, Conversations: { Total: 1, Items: [conversation, broken] } })])
    const result = await client.conversations.list()
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalidResponse' } })
    expect(!result.ok && result.error.message).toContain('Conversations.Items.1.Created')
  })

  it('reports malformed JSON as invalidResponse', async () => {
    const { client } = clientWith([new Response('{"Result":tr', { status: 200 })])
    const result = await client.account.me()
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalidResponse' } })
    expect(!result.ok && result.error.message).toContain('malformed JSON')
  })

  it('sends nothing when a documented limit is broken', async () => {
    const { client, sent } = clientWith([])
    const result = await client.conversations.addNote('eit000000000001', 'x'.repeat(10_001))
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { note: expect.stringContaining('10,000') } } })
    const tags = await client.conversationTags.list({ count: 21 })
    expect(tags).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { count: expect.any(String) } } })
    const reply = await client.conversations.reply(
      { id: 'eit000000000001', network: 'Instagram', itemType: 'Conversation', status: 'open' },
      { message: 'Hi' },
    )
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { conversation: expect.stringContaining('Instagram') } } })
    expect(await client.conversations.get('')).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { conversationId: expect.any(String) } } })
    expect(sent).toHaveLength(0)
  })

  it('does not follow redirects with the credentials', async () => {
    const { client, sent } = clientWith([new Response(null, { status: 301, headers: { Location: 'https://elsewhere.example/v2/me' } })])
    expect(await client.account.me()).toMatchObject({ ok: false, error: { kind: 'invalidResponse' } })
    expect(sent).toHaveLength(1)
  })
})
