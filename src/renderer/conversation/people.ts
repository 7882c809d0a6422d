/** Up to two letters for an avatar: "Maria Lopez" is "ML", "acme.inc" is "A"; never half an emoji. */
export function initials(name: string): string {
  const words = name
    .replace(/<[^>]*>/g, ' ')
    .split(/[\s._-]+/)
    .map((word) => [...word.replace(/[^\p{L}\p{N}]/gu, '')][0])
    .filter((letter): letter is string => letter !== undefined)
  return words.slice(0, 2).join('').toLocaleUpperCase() || '?'
}

const AVATAR_HUES = [210, 340, 160, 30, 270, 190, 0, 120] as const

/** The same person always gets the same colour, so a busy thread is easy to follow. */
export function avatarHue(key: string): number {
  let hash = 0
  for (const char of key) hash = (hash * 31 + char.codePointAt(0)!) >>> 0
  return AVATAR_HUES[hash % AVATAR_HUES.length]!
}
