import { describe, expect, it } from 'vitest'
import { resolveActiveScopes, scopesOverlap } from '../../../../src/renderer/keyboard/scopes'

describe('active scopes', () => {
  const closed = { isOverlayOpen: false, isComposerFocused: false, isConversationOpen: false }

  it('is the list and global when nothing else is going on', () => {
    expect(resolveActiveScopes(closed)).toEqual(['list', 'global'])
  })

  it('puts an open conversation before the list', () => {
    expect(resolveActiveScopes({ ...closed, isConversationOpen: true })).toEqual(['conversation', 'list', 'global'])
  })

  it('puts the focused composer first', () => {
    expect(resolveActiveScopes({ ...closed, isConversationOpen: true, isComposerFocused: true })).toEqual([
      'composer',
      'conversation',
      'list',
      'global',
    ])
  })

  it('lets an open overlay hide everything else', () => {
    expect(resolveActiveScopes({ isOverlayOpen: true, isComposerFocused: true, isConversationOpen: true })).toEqual(['overlay'])
  })
})

describe('overlapping scopes', () => {
  it('overlap when they share a scope', () => {
    expect(scopesOverlap(['list', 'conversation'], ['conversation'])).toBe(true)
  })

  it('overlap when one is global, unless the other lives only in overlays', () => {
    expect(scopesOverlap(['global'], ['composer'])).toBe(true)
    expect(scopesOverlap(['global'], ['overlay'])).toBe(false)
    expect(scopesOverlap(['global', 'overlay'], ['overlay'])).toBe(true)
  })

  it('do not overlap when one deliberately shadows the other', () => {
    expect(scopesOverlap(['composer'], ['conversation'])).toBe(false)
    expect(scopesOverlap(['list'], ['conversation'])).toBe(false)
  })
})
