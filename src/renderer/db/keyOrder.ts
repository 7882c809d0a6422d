/**
 * The order IndexedDB keeps string keys in: by UTF-16 code unit, which is also how `<` compares
 * strings (`localeCompare` would not match it). For sorting anything meant to line up with an index.
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
