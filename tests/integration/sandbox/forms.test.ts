import { describe, expect, it } from 'vitest'
import { listField, mergeForms, parseForm, textField } from '../../../src/sandbox/http/forms'
import { routeMatcher } from '../../../src/sandbox/faults'

describe('form bodies', () => {
  it('decodes key[] arrays, + as space and percent escapes', () => {
    const fields = parseForm('tags%5B%5D=Support&tags[]=VIP+team&message=Hi%20%F0%9F%91%8B+there&note=a%26b%3Dc')
    expect({ ...fields }).toEqual({ tags: ['Support', 'VIP team'], message: 'Hi 👋 there', note: 'a&b=c' })
  })

  it('reads an empty scalar or a lone empty element as an empty list', () => {
    expect(listField(parseForm('tags='), 'tags')).toEqual([])
    expect(listField(parseForm('tags[]='), 'tags')).toEqual([])
    expect(listField(parseForm('other=1'), 'tags')).toBeUndefined()
    expect(listField(parseForm('tags=One'), 'tags')).toEqual(['One'])
  })

  it('treats an array where one value was expected as absent', () => {
    expect(textField(parseForm('status[]=open'), 'status')).toBeUndefined()
  })

  it('keeps __proto__ a plain field and lets body fields override query fields', () => {
    const fields = mergeForms(parseForm('__proto__=x&note=query'), parseForm('note=body'))
    expect(textField(fields, '__proto__')).toBe('x')
    expect(textField(fields, 'note')).toBe('body')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})

describe('fault route patterns', () => {
  it.each([
    ['POST /v2/conversation/:id/reply', 'POST', '/v2/conversation/eit000000000001/reply', true],
    ['POST /v2/conversation/:id/reply', 'GET', '/v2/conversation/eit000000000001/reply', false],
    ['POST /v2/conversation/:id', 'POST', '/v2/conversation/eit000000000001/reply', false],
    ['/v2/conversation*', 'DELETE', '/v2/conversation-tag/etg000000000001', true],
    ['GET /v2/*', 'GET', '/v2/me', true],
    ['* /commbox/tags', 'POST', '/commbox/tags', true],
    ['*', 'PUT', '/anything', true],
    ['/v2/me', 'GET', '/v2/me/extra', false],
  ])('%s matches %s %s: %s', (route, method, path, expected) => {
    expect(routeMatcher(route)(method, path)).toBe(expected)
  })
})
