import { describe, expect, it } from 'vitest'
import { avatarHue, initials } from '../../../../src/renderer/conversation/people'

describe('avatar initials', () => {
  it('takes the first letters of the first two words', () => {
    expect(initials('Maria Lopez')).toBe('ML')
    expect(initials('acme.inc')).toBe('AI')
    expect(initials('Jane')).toBe('J')
  })

  it('copes with right-to-left names, markup and names without letters', () => {
    expect(initials('דנה כהן')).toBe('דכ')
    expect(initials('<b>Mallory</b>')).toBe('M')
    expect(initials('🙂')).toBe('?')
  })

  it('gives one person one colour', () => {
    expect(avatarHue('Maria Lopez')).toBe(avatarHue('Maria Lopez'))
  })
})
