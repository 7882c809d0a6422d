import { describe, expect, it } from 'vitest'
import { createCannedSearch } from '../../../../src/renderer/conversation/cannedSearch'
import type { CannedResponseRow } from '../../../../src/renderer/db/rows'

const canned = (id: string, name: string, content: string): CannedResponseRow => ({
  id,
  name,
  content,
  visibility: 'shared',
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: null,
})

const responses = [
  canned('1', 'Welcome Reply', 'Thanks for reaching out! How can we help you today?'),
  canned('2', 'Refund Issued', 'We have issued a refund. It can take 3-5 business days to appear on your statement.'),
  canned('3', 'Shipping Times', 'Standard shipping takes 5-7 business days; express takes 1-2.'),
]
const names = (found: CannedResponseRow[]) => found.map((response) => response.name)

describe('canned response search', () => {
  it('lists every response by name when nothing is typed', () => {
    expect(names(createCannedSearch(responses)(''))).toEqual(['Refund Issued', 'Shipping Times', 'Welcome Reply'])
  })

  it('forgives typos in the name', () => {
    expect(names(createCannedSearch(responses)('refnd'))[0]).toBe('Refund Issued')
  })

  it('finds responses by their content', () => {
    expect(names(createCannedSearch(responses)('statement'))).toEqual(['Refund Issued'])
  })

  it('ranks a name match above a content match', () => {
    expect(names(createCannedSearch(responses)('shipping'))[0]).toBe('Shipping Times')
  })

  it('returns at most the limit', () => {
    expect(createCannedSearch(responses)('', 2)).toHaveLength(2)
  })
})
