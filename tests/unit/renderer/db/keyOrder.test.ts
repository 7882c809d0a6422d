import { describe, expect, it } from 'vitest'
import { compareKeys } from '../../../../src/renderer/db/keyOrder'

describe('compareKeys', () => {
  it('orders strings by code unit, as IndexedDB orders its keys, not by locale', () => {
    expect(['b', 'é', 'Z', 'a', 'a'].sort(compareKeys)).toEqual(['Z', 'a', 'a', 'b', 'é'])
    expect(compareKeys('a', 'a')).toBe(0)
    // A character outside the BMP (two code units starting 0xD83D) sorts before U+FF01.
    expect(['！', '😀'].sort(compareKeys)).toEqual(['😀', '！'])
  })
})
