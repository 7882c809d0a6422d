import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OktopostClient } from '../../../src/main/api/oktopost/client'
import type { Conversation, ConversationQuery } from '../../../src/shared/domain/conversation'
import type { Result } from '../../../src/shared/result'
import { SandboxHarness } from './sandboxHarness'

/** Every Oktopost endpoint through the real client, over real HTTP, against the sandbox. */

let harness: SandboxHarness
let client: OktopostClient

beforeAll(async () => {
  harness = await SandboxHarness.start({ salesforceIntegrationId: 'sfint00000000001' })
  client = harness.oktopost()
})
afterAll(() => harness.close())

function valueOf<Value>(result: Result<Value>): Value {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`)
  return result.value
}

const used = new Set<string>()

/** A conversation matching the query that no other test in this file has touched. */
async function freshConversation(query: ConversationQuery): Promise<Conversation> {
  const page = valueOf(await client.conversations.list({ ...query, count: 100 }))
  const conversation = page.items.find((item) => !used.has(item.id))
  if (conversation === undefined) throw new Error(`no unused conversation for ${JSON.stringify(query)}`)
  used.add(conversation.id)
  return conversation
}

describe('account', () => {
  it('answers who the key belongs to', async () => {
    const me = valueOf(await client.account.me())
    expect(me.account.id).toBe(harness.sandbox.options.accountId)
    expect(me.user).toMatchObject({ id: expect.any(String), name: expect.any(String), email: expect.stringContaining('@') })
  })

  it('lists users with search and paging', async () => {
    const all = valueOf(await client.account.users())
    expect(all.items.length).toBeGreaterThan(1)
    const first = all.items[0]!
    const found = valueOf(await client.account.users({ search: first.name }))
    expect(found.items.map((user) => user.id)).toContain(first.id)
    const secondPage = valueOf(await client.account.users({ page: 1, count: 1 }))
    expect(secondPage.items).toEqual([all.items[1]])
  })

  it('lists credentials, filtered by network', async () => {
    const linkedIn = valueOf(await client.account.credentials({ network: 'LinkedIn' }))
    expect(linkedIn.items.length).toBeGreaterThan(0)
    expect(linkedIn.items.every((credential) => credential.network === 'LinkedIn')).toBe(true)
  })
})

describe('conversations', () => {
  it('lists with every filter honoured, comma-separated', async () => {
    const query: ConversationQuery = { types: ['Post', 'Mention'], statuses: ['open'], networks: ['Facebook', 'LinkedIn'], count: 100 }
    const page = valueOf(await client.conversations.list(query))
    expect(page.items.length).toBeGreaterThan(0)
    for (const item of page.items) {
      expect(['Post', 'Mention']).toContain(item.itemType)
      expect(item.status).toBe('open')
      expect(['Facebook', 'LinkedIn']).toContain(item.network)
      expect(item.tags).toBeUndefined()
    }
  })

  it('pages and orders the list', async () => {
    const firstTwo = valueOf(await client.conversations.list({ count: 2, order: { field: 'Created', direction: 'asc' } }))
    const second = valueOf(await client.conversations.list({ count: 1, page: 1, order: { field: 'Created', direction: 'asc' } }))
    expect(second.items).toEqual([firstTwo.items[1]])
    expect(firstTwo.items[0]!.createdAt <= firstTwo.items[1]!.createdAt).toBe(true)
    expect(firstTwo.total).toBe(harness.sandbox.options.conversations)
  })

  it('filters by assignee and free text', async () => {
    const me = valueOf(await client.account.me())
    const mine = valueOf(await client.conversations.list({ assigneeIds: [me.user.id], count: 100 }))
    expect(mine.items.every((item) => item.assigneeId === me.user.id)).toBe(true)
    const preview = mine.items.find((item) => item.preview !== null)?.preview ?? ''
    const word = preview.split(/\s+/).find((part) => part.length > 4) ?? preview
    const found = valueOf(await client.conversations.list({ search: word, count: 100 }))
    expect(found.items.length).toBeGreaterThan(0)
    expect(found.items.length).toBeLessThan(found.total + 1)
  })

  it('gets one conversation with its tags', async () => {
    const listed = await freshConversation({})
    const conversation = valueOf(await client.conversations.get(listed.id))
    expect(conversation).toMatchObject({ id: listed.id, network: listed.network, itemType: listed.itemType })
    expect(Array.isArray(conversation.tags)).toBe(true)
  })

  it('answers notFound for an unknown conversation', async () => {
    expect(await client.conversations.get('eit999999999999')).toMatchObject({ ok: false, error: { kind: 'notFound' } })
  })

  it('reads the timeline newest first and pages back with lastLoadedId', async () => {
    const conversation = await freshConversation({})
    const first = valueOf(await client.conversations.timeline(conversation.id))
    expect(first.length).toBeGreaterThan(0)
    const sorted = [...first].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    expect(first.map((entry) => entry.createdAt)).toEqual(sorted.map((entry) => entry.createdAt))
    const oldest = first[first.length - 1]!
    const older = valueOf(await client.conversations.timeline(conversation.id, { lastLoadedId: oldest.id }))
    for (const entry of older) {
      expect(first.map((held) => held.id)).not.toContain(entry.id)
      expect(entry.createdAt <= oldest.createdAt).toBe(true)
    }
  })

  it('closes and reopens', async () => {
    const conversation = await freshConversation({ statuses: ['open'] })
    expect(await client.conversations.setStatus(conversation.id, 'closed')).toEqual({ ok: true, value: null })
    expect(valueOf(await client.conversations.get(conversation.id)).status).toBe('closed')
    expect(await client.conversations.setStatus(conversation.id, 'open')).toEqual({ ok: true, value: null })
    expect(valueOf(await client.conversations.get(conversation.id)).status).toBe('open')
  })

  it('assigns with a note that lands on the timeline', async () => {
    const conversation = await freshConversation({})
    const users = valueOf(await client.account.users())
    const assignee = users.items.find((user) => user.id !== conversation.assigneeId)!
    const assignment = valueOf(await client.conversations.assign(conversation.id, { assigneeId: assignee.id, note: 'Please handle this VIP 🌟' }))
    expect(assignment).toEqual({ conversationId: conversation.id, assigneeId: assignee.id })
    expect(valueOf(await client.conversations.get(conversation.id)).assigneeId).toBe(assignee.id)
    const timeline = valueOf(await client.conversations.timeline(conversation.id))
    expect(timeline.some((entry) => entry.type === 'note' && entry.content === 'Please handle this VIP 🌟')).toBe(true)
  })

  it('adds a note and returns it', async () => {
    const conversation = await freshConversation({})
    const note = valueOf(await client.conversations.addNote(conversation.id, 'Escalated to engineering team'))
    expect(note).toMatchObject({ type: 'note', content: 'Escalated to engineering team' })
    expect(valueOf(await client.conversations.timeline(conversation.id))[0]?.id).toBe(note.id)
  })

  it('replaces the tag list, creating new names, and can empty it', async () => {
    const conversation = await freshConversation({})
    const tags = valueOf(await client.conversations.replaceTags(conversation.id, ['Support', 'Brand New Tag']))
    expect(tags.map((tag) => tag.name)).toEqual(['Support', 'Brand New Tag'])
    expect(valueOf(await client.conversations.get(conversation.id)).tags?.map((tag) => tag.name)).toEqual(['Support', 'Brand New Tag'])
    expect(valueOf(await client.conversations.replaceTags(conversation.id, []))).toEqual([])
    expect(valueOf(await client.conversations.get(conversation.id)).tags).toEqual([])
  })

  it('sends a reply exactly once and it appears on the timeline', async () => {
    const conversation = await freshConversation({ statuses: ['open'], networks: ['Facebook'], types: ['Post'] })
    const before = (await harness.ledger()).length
    const message = `Thanks for the feedback! ${conversation.id} 👍`
    expect(await client.conversations.reply(conversation, { message })).toEqual({ ok: true, value: null })
    const ledger = await harness.ledger()
    expect(ledger.slice(before)).toEqual([expect.objectContaining({ method: 'POST', path: `/v2/conversation/${conversation.id}/reply` })])
    expect(valueOf(await client.conversations.timeline(conversation.id)).some((entry) => entry.content === message)).toBe(true)
  })

  it('threads a reply under a comment where the network allows it', async () => {
    const candidates = valueOf(await client.conversations.list({ statuses: ['open'], networks: ['LinkedIn'], types: ['Post'], count: 100 }))
    let found: { conversation: Conversation; commentId: string } | undefined
    for (const conversation of candidates.items.filter((item) => !used.has(item.id))) {
      const comment = valueOf(await client.conversations.timeline(conversation.id)).find((entry) => entry.type === 'comment')
      if (comment !== undefined) {
        found = { conversation, commentId: comment.id }
        break
      }
    }
    if (found === undefined) throw new Error('the sandbox seed has no open LinkedIn post with a comment')
    used.add(found.conversation.id)
    const { conversation, commentId } = found
    const comment = { id: commentId }
    expect(await client.conversations.reply(conversation, { message: 'Replying in thread', parentCommentId: comment.id })).toEqual({ ok: true, value: null })
    const reply = valueOf(await client.conversations.timeline(conversation.id))[0]
    expect(reply).toMatchObject({ content: 'Replying in thread', parentId: comment.id })
  })

  it('refuses an impossible reply before sending anything', async () => {
    const conversation = await freshConversation({ networks: ['Instagram'], types: ['Conversation'] })
    const before = (await harness.ledger()).length
    const result = await client.conversations.reply(conversation, { message: 'Hello' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { conversation: "Instagram direct messages can't be answered from the Oktopost API" } } })
    expect(await harness.ledger()).toHaveLength(before)
  })

  it("reports the server's refusal when the item was closed meanwhile", async () => {
    const conversation = await freshConversation({ statuses: ['open'], networks: ['Twitter'], types: ['Mention'] })
    valueOf(await client.conversations.setStatus(conversation.id, 'closed'))
    const result = await client.conversations.reply(conversation, { message: 'Too late?' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { api: expect.any(String) } } })
  })

  it('creates a Salesforce case', async () => {
    const conversation = await freshConversation({})
    const result = await client.conversations.createCase(conversation.id, {
      integrationId: 'sfint00000000001',
      caseOwner: '005000000000001',
      contactId: '003000000000001',
      caseDescription: 'Customer reported an issue with login',
    })
    expect(result).toEqual({ ok: true, value: null })
    const last = (await harness.ledger()).at(-1)
    expect(last).toMatchObject({ path: `/v2/conversation/${conversation.id}/create-case` })
  })
})

describe('conversation tags', () => {
  it('lists at most 20 per page and refuses more before asking', async () => {
    const page = valueOf(await client.conversationTags.list({ count: 20, order: { field: 'name', direction: 'asc' } }))
    expect(page.items.length).toBeLessThanOrEqual(20)
    const names = page.items.map((tag) => tag.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
    expect(await client.conversationTags.list({ count: 21 })).toMatchObject({ ok: false, error: { kind: 'invalid' } })
  })

  it('gets, renames everywhere, and deletes everywhere', async () => {
    const conversation = await freshConversation({})
    const [tag] = valueOf(await client.conversations.replaceTags(conversation.id, ['Rename Me']))
    expect(valueOf(await client.conversationTags.get(tag!.id))).toEqual({ id: tag!.id, name: 'Rename Me' })

    expect(await client.conversationTags.rename(tag!.id, 'Renamed')).toEqual({ ok: true, value: null })
    expect(valueOf(await client.conversations.get(conversation.id)).tags).toEqual([{ id: tag!.id, name: 'Renamed' }])

    expect(await client.conversationTags.delete(tag!.id)).toEqual({ ok: true, value: null })
    expect(valueOf(await client.conversations.get(conversation.id)).tags).toEqual([])
    expect(await client.conversationTags.get(tag!.id)).toMatchObject({ ok: false, error: { kind: 'notFound' } })
  })

  it('searches by name', async () => {
    const found = valueOf(await client.conversationTags.list({ search: 'Supp' }))
    expect(found.items.map((tag) => tag.name)).toContain('Support')
  })
})

describe('canned responses', () => {
  it('lists, gets and creates, and answers conflict on a duplicate name', async () => {
    const list = valueOf(await client.cannedResponses.list())
    expect(list.items.length).toBeGreaterThan(0)
    const first = list.items[0]!
    expect(valueOf(await client.cannedResponses.get(first.id))).toEqual(first)

    const created = valueOf(await client.cannedResponses.create({ name: 'Pricing Inquiry', content: "Thanks for your interest! I'd be happy to walk you through our plans.", visibility: 'private' }))
    expect(created).toMatchObject({ name: 'Pricing Inquiry', visibility: 'private', id: expect.any(String) })
    expect(valueOf(await client.cannedResponses.get(created.id))).toEqual(created)

    const duplicate = await client.cannedResponses.create({ name: 'Pricing Inquiry', content: 'Again' })
    expect(duplicate).toMatchObject({ ok: false, error: { kind: 'conflict' } })
  })

  it('refuses content over 10,000 characters without sending', async () => {
    const before = (await harness.ledger()).length
    const result = await client.cannedResponses.create({ name: 'Long', content: 'x'.repeat(10_001) })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', fields: { content: expect.any(String) } } })
    expect(await harness.ledger()).toHaveLength(before)
  })
})

describe('credentials', () => {
  it('answers unauthorized for a wrong API key', async () => {
    const wrong = harness.oktopost({ apiKey: 'not-the-key' })
    expect(await wrong.account.me()).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
  })
})
