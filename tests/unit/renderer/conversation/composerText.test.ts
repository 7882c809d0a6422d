import { describe, expect, it } from 'vitest'
import { findSlashTrigger, replaceRange } from '../../../../src/renderer/conversation/composerText'

describe('the canned-response trigger', () => {
  it('starts with a slash at the start of the text', () => {
    expect(findSlashTrigger('/ref', 4)).toEqual({ start: 0, end: 4, query: 'ref' })
  })

  it('starts with a slash after a space or a new line', () => {
    expect(findSlashTrigger('Hi Maria, /welc', 15)).toEqual({ start: 10, end: 15, query: 'welc' })
    expect(findSlashTrigger('Hi\n/', 4)).toEqual({ start: 3, end: 4, query: '' })
  })

  it('ignores slashes inside words and URLs', () => {
    expect(findSlashTrigger('and/or', 6)).toBeNull()
    expect(findSlashTrigger('see https://example.com/help', 28)).toBeNull()
  })

  it('ends at a space: the agent has moved on', () => {
    expect(findSlashTrigger('/refund now', 11)).toBeNull()
  })

  it('reads only up to the caret', () => {
    expect(findSlashTrigger('/refund policy', 4)).toEqual({ start: 0, end: 4, query: 'ref' })
  })
})

describe('replacing a range', () => {
  it('puts the caret after what was inserted', () => {
    expect(replaceRange('Hi /ref!', 3, 7, 'We refunded you.')).toEqual({ text: 'Hi We refunded you.!', caret: 19 })
  })
})
