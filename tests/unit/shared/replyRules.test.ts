import { describe, expect, it } from 'vitest'
import { ITEM_TYPES, type ItemType } from '../../../src/shared/domain/conversation'
import { KNOWN_NETWORKS, toKnownNetwork } from '../../../src/shared/domain/network'
import { replyCapability, validateReply } from '../../../src/shared/replyRules'

/** The seed page's matrix, written out as a table. */
const CAN_REPLY: Record<string, readonly string[]> = {
  Conversation: ['Facebook', 'Twitter', 'LinkedIn'],
  Post: ['Facebook', 'Twitter', 'LinkedIn', 'Instagram', 'TikTok', 'YouTube'],
  Mention: ['Facebook', 'Twitter', 'LinkedIn', 'Instagram', 'TikTok', 'YouTube'],
  Reply: ['Facebook', 'Twitter', 'LinkedIn', 'Instagram', 'TikTok', 'YouTube'],
}
const THREADING = ['Facebook', 'LinkedIn', 'Instagram', 'TikTok', 'YouTube']
const MEDIA = ['Facebook', 'Twitter', 'LinkedIn', 'TikTok']

describe('reply matrix', () => {
  for (const itemType of ITEM_TYPES) {
    for (const network of KNOWN_NETWORKS) {
      it(`${itemType} on ${network}`, () => {
        const capability = replyCapability({ network, itemType })
        const expected = CAN_REPLY[itemType]?.includes(network) ?? false
        expect(capability.canReply).toBe(expected)
        if (!capability.canReply) return
        expect(capability.supportsThreading).toBe(itemType !== 'Conversation' && THREADING.includes(network))
        expect(capability.supportsMedia).toBe(MEDIA.includes(network))
      })
    }
  }

  it('explains why a direct message can not be answered', () => {
    expect(replyCapability({ network: 'Instagram', itemType: 'Conversation' })).toEqual({
      canReply: false,
      reason: "Instagram direct messages can't be answered from the Oktopost API",
    })
  })

  it('refuses networks it does not know, saying which', () => {
    expect(replyCapability({ network: 'Threads', itemType: 'Post' })).toEqual({
      canReply: false,
      reason: "Threads comments can't be answered from the Oktopost API",
    })
  })

  it('reads network names without regard to case, and X as Twitter', () => {
    expect(toKnownNetwork('x')).toBe('Twitter')
    expect(toKnownNetwork('LINKEDIN')).toBe('LinkedIn')
    expect(replyCapability({ network: 'x', itemType: 'Conversation' }).canReply).toBe(true)
  })
})

describe('validateReply', () => {
  const open = (network: string, itemType: ItemType) => ({ network, itemType, status: 'open' as const })

  it('accepts a plain reply where the matrix allows it', () => {
    expect(validateReply({ message: 'Thanks!' }, open('Facebook', 'Post'))).toEqual({})
  })

  it('requires the item to be open and the message to be 1-10,000 characters', () => {
    expect(validateReply({ message: ' ' }, { ...open('Facebook', 'Post'), status: 'closed' })).toEqual({
      conversation: expect.stringContaining('Reopen'),
      message: "Message can't be empty",
    })
    expect(validateReply({ message: 'm'.repeat(10_001) }, open('Facebook', 'Post'))).toEqual({ message: expect.stringContaining('10,000') })
  })

  it('refuses threading where the API would ignore it', () => {
    expect(validateReply({ message: 'Hi', parentCommentId: 'c1' }, open('Twitter', 'Post'))).toEqual({
      parentCommentId: "Threaded replies aren't available on X (Twitter)",
    })
    expect(validateReply({ message: 'Hi', parentCommentId: 'c1' }, open('Facebook', 'Conversation'))).toEqual({
      parentCommentId: expect.stringContaining('Direct messages have no threads'),
    })
    expect(validateReply({ message: 'Hi', parentCommentId: 'c1' }, open('YouTube', 'Reply'))).toEqual({})
  })

  it('refuses media where the network drops it', () => {
    expect(validateReply({ message: 'Hi', media: ['https://x/1.png'] }, open('Instagram', 'Post'))).toEqual({
      media: "Instagram replies can't carry attachments",
    })
    expect(validateReply({ message: 'Hi', media: ['https://x/1.png'] }, open('TikTok', 'Post'))).toEqual({})
    expect(validateReply({ message: 'Hi', media: [] }, open('Instagram', 'Post'))).toEqual({})
  })

  it('puts the reason under `conversation` when the item can not be answered at all', () => {
    expect(validateReply({ message: 'Hi' }, open('YouTube', 'Conversation'))).toEqual({
      conversation: "YouTube direct messages can't be answered from the Oktopost API",
    })
  })
})
