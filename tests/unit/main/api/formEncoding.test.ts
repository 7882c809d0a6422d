import { describe, expect, it } from 'vitest'
import { encodeForm } from '../../../../src/main/api/formEncoding'

describe('form encoding', () => {
  it('sends lists as key[] pairs, in order', () => {
    expect(encodeForm({ tags: ['Support', 'VIP'] })).toBe('tags%5B%5D=Support&tags%5B%5D=VIP')
  })

  it('leaves out absent fields and keeps empty strings', () => {
    expect(encodeForm({ assignee_id: '00A2', note: undefined, q: '' })).toBe('assignee_id=00A2&q=')
  })

  it('says "empty list" with an empty key rather than leaving the list out', () => {
    expect(encodeForm({ tags: [] })).toBe('tags=')
  })

  it('nests objects PHP-style', () => {
    expect(decodeURIComponent(encodeForm({ media: [{ url: 'https://x/1.png' }] }))).toBe('media[0][url]=https://x/1.png')
  })

  it('escapes text safely, including emoji, RTL text and ampersands', () => {
    const message = 'Thanks & welcome 👋 שלום <b>'
    const params = new URLSearchParams(encodeForm({ message, _count: 20 }))
    expect(params.get('message')).toBe(message)
    expect(params.get('_count')).toBe('20')
  })
})
