/**
 * An in-memory stand-in for `localStorage`, with what the renderer reads and writes through it
 * (getItem, setItem, removeItem) and the stored `items` for a test to inspect. `failWrites`
 * makes every write throw as a full storage does.
 */
export function memoryStorage(initial: Record<string, string> = {}, { failWrites = false } = {}) {
  const items = new Map(Object.entries(initial))
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      items.set(key, value)
    },
    removeItem: (key: string) => void items.delete(key),
  }
}

export type MemoryStorage = ReturnType<typeof memoryStorage>
