import { describe, expect, it } from 'vitest'
import {
  characterCount,
  validateAssign,
  validateCannedResponse,
  validateCommboxTag,
  validateConversationTagQuery,
  validateCreateCase,
  validateNote,
  validatePageQuery,
  validateStatus,
  validateTagName,
  validateTagNames,
} from '../../../src/shared/limits'

describe('documented limits', () => {
  it('takes tag names of 1 to 64 characters', () => {
    expect(validateTagName('VIP')).toEqual({})
    expect(validateTagName('x'.repeat(64))).toEqual({})
    expect(validateTagName('x'.repeat(65))).toEqual({ name: 'Tag name can be at most 64 characters (this one has 65)' })
    expect(validateTagName('   ')).toEqual({ name: "Tag name can't be empty" })
  })

  it('checks every name of a tag list by index, and allows an empty list', () => {
    expect(validateTagNames([])).toEqual({})
    expect(validateTagNames(['Support', '', 'y'.repeat(70)])).toEqual({
      'tags.1': "Tag name can't be empty",
      'tags.2': expect.stringContaining('at most 64'),
    })
  })

  it('counts characters as people see them, so an emoji is one', () => {
    expect(characterCount('👋🏽 שלום')).toBe(7)
    expect(validateNote('👋'.repeat(10_000))).toEqual({})
    expect(validateNote('👋'.repeat(10_001))).toEqual({ note: expect.stringContaining('10,000') })
  })

  it('requires a note and caps it at 10,000', () => {
    expect(validateNote('')).toEqual({ note: "Note can't be empty" })
    expect(validateNote('n'.repeat(10_000))).toEqual({})
    expect(validateNote('n'.repeat(10_001))).toEqual({ note: 'Note can be at most 10,000 characters (this one has 10,001)' })
  })

  it('lets an assignment go without a note but caps one that is given', () => {
    expect(validateAssign({ assigneeId: '00A2' })).toEqual({})
    expect(validateAssign({ assigneeId: '00A2', note: '' })).toEqual({})
    expect(validateAssign({ assigneeId: ' ', note: 'n'.repeat(10_001) })).toEqual({
      assigneeId: expect.any(String),
      note: expect.stringContaining('10,000'),
    })
  })

  it('accepts only open and closed as a status', () => {
    expect(validateStatus('closed')).toEqual({})
    expect(validateStatus('archived')).toEqual({ status: 'Status must be one of: open, closed' })
  })

  it('checks canned responses: name 1-64, content 1-10,000, visibility, uniqueness', () => {
    expect(validateCannedResponse({ name: 'Pricing', content: 'Thanks!', visibility: 'shared' })).toEqual({})
    expect(validateCannedResponse({ name: '', content: '', visibility: 'team' as never })).toEqual({
      name: "Name can't be empty",
      content: "Content can't be empty",
      visibility: 'Visibility must be one of: shared, private',
    })
    expect(validateCannedResponse({ name: 'n'.repeat(65), content: 'c'.repeat(10_001) })).toEqual({
      name: expect.stringContaining('64'),
      content: expect.stringContaining('10,000'),
    })
    expect(validateCannedResponse({ name: ' Welcome Reply ', content: 'x' }, ['Welcome Reply'])).toEqual({
      name: 'A canned response with this name already exists',
    })
  })

  it('requires an integration for a Salesforce case and caps its description', () => {
    expect(validateCreateCase({ integrationId: 'sfint1', caseDescription: 'Login broken' })).toEqual({})
    expect(validateCreateCase({ integrationId: '', caseDescription: 'd'.repeat(10_001) })).toEqual({
      integrationId: expect.any(String),
      caseDescription: expect.stringContaining('10,000'),
    })
  })

  it('allows at most 20 conversation tags per page', () => {
    expect(validateConversationTagQuery({ count: 20 })).toEqual({})
    expect(validateConversationTagQuery({ count: 21 })).toEqual({ count: expect.stringContaining('20') })
    expect(validatePageQuery({ page: -1, count: 0 })).toEqual({ page: expect.any(String), count: expect.any(String) })
    expect(validatePageQuery({ page: 1.5 })).toEqual({ page: expect.any(String) })
  })

  it('accepts CommBox tag types 1, 2 and 3 only', () => {
    const tag = { name: 'Goal', type: 2, tagGroupId: 0, objectTag: true, userTag: false, childTag: false } as const
    expect(validateCommboxTag(tag)).toEqual({})
    expect(validateCommboxTag({ ...tag, type: 4 as never, tagGroupId: -1 })).toEqual({
      type: 'Type must be one of: 1, 2, 3',
      tagGroupId: expect.any(String),
    })
  })
})
