/**
 * Seeded randomness. Every conversation gets its own generator derived from
 * (seed, index, stream), so any one of them can be regenerated on demand without
 * replaying the others: that is what lets timelines be derived lazily at 100k scale.
 */

export type Random = () => number

/** mulberry32: tiny, fast, and good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Mixes several integers into one well-spread 32-bit seed (murmur3 finaliser). */
export function mixSeed(...parts: number[]): number {
  let hash = 0x9e3779b9
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b)
    hash ^= hash >>> 13
    hash = Math.imul(hash, 0xc2b2ae35)
    hash ^= hash >>> 16
  }
  return hash >>> 0
}

/** Independent streams per purpose, so adding draws to one never shifts another. */
export const STREAM = {
  conversation: 1,
  timeline: 2,
  fault: 3,
} as const

export function randomFor(seed: number, stream: number, index: number): Random {
  return mulberry32(mixSeed(seed, stream, index))
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new RangeError('pick from an empty list')
  return item
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability
}

/** Picks by weight: `weighted(random, [['a', 3], ['b', 1]])` returns 'a' three times as often. */
export function weighted<T>(random: Random, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0)
  let roll = random() * total
  for (const [choice, weight] of choices) {
    roll -= weight
    if (roll < 0) return choice
  }
  const last = choices[choices.length - 1]
  if (last === undefined) throw new RangeError('weighted pick from an empty list')
  return last[0]
}
