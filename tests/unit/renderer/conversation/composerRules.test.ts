import { describe, expect, it } from 'vitest'
import { composerErrors, replyAvailability } from '../../../../src/renderer/conversation/composerRules'

describe('whether the agent can reply', () => {
  it('explains an Instagram direct message can’t be answered, and suggests a note', () => {
    const availability = replyAvailability({ network: 'Instagram', itemType: 'Conversation', status: 'open' })
    expect(availability).toEqual({ canReply: false, reason: expect.stringMatching(/Instagram direct messages/), remedy: 'note' })
  })

  it('asks to reopen a closed conversation first', () => {
    expect(replyAvailability({ network: 'Facebook', itemType: 'Post', status: 'closed' })).toMatchObject({ canReply: false, remedy: 'reopen' })
  })

  it('offers threading on public comments where the network has threads', () => {
    expect(replyAvailability({ network: 'Facebook', itemType: 'Post', status: 'open' })).toEqual({ canReply: true, supportsThreading: true })
    expect(replyAvailability({ network: 'Twitter', itemType: 'Mention', status: 'open' })).toEqual({ canReply: true, supportsThreading: false })
    expect(replyAvailability({ network: 'Facebook', itemType: 'Conversation', status: 'open' })).toEqual({ canReply: true, supportsThreading: false })
  })
})

describe('what stops a send', () => {
  const open = { network: 'Facebook', itemType: 'Post', status: 'open' } as const

  it('refuses an empty reply or note', () => {
    expect(composerErrors({ mode: 'reply', text: '  ' }, open)).toEqual({ message: "Message can't be empty" })
    expect(composerErrors({ mode: 'note', text: '' }, open)).toEqual({ note: "Note can't be empty" })
  })

  it('refuses more than 10,000 characters, counting an emoji as one', () => {
    expect(composerErrors({ mode: 'reply', text: '😀'.repeat(10_000) }, open)).toEqual({})
    expect(composerErrors({ mode: 'note', text: 'a'.repeat(10_001) }, open).note).toMatch(/at most 10,000/)
  })

  it('refuses a reply the network would refuse, but never a note', () => {
    const instagramDm = { network: 'Instagram', itemType: 'Conversation', status: 'open' } as const
    expect(composerErrors({ mode: 'reply', text: 'hi' }, instagramDm).conversation).toMatch(/can't be answered/)
    expect(composerErrors({ mode: 'note', text: 'hi' }, instagramDm)).toEqual({})
  })
})
