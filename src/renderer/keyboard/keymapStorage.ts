import { z } from 'zod'

export const KEYMAP_STORAGE_KEY = 'inbox-desk.keymap'

/** The user's changes only; commands absent here use their default keys. */
export type KeymapOverrides = Readonly<Record<string, readonly string[]>>

const storedKeymapSchema = z.object({
  version: z.literal(1),
  overrides: z.record(z.string().max(100), z.array(z.string().min(1).max(100)).max(10)),
})

/**
 * Reads what `serializeKeymap` wrote. Anything else (hand-edited, from another version,
 * truncated) yields no overrides: the defaults are always a working keymap.
 */
export function parseStoredKeymap(raw: string | null): KeymapOverrides {
  if (raw === null) return {}
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return {}
  }
  const parsed = storedKeymapSchema.safeParse(json)
  return parsed.success ? parsed.data.overrides : {}
}

export function serializeKeymap(overrides: KeymapOverrides): string {
  return JSON.stringify({ version: 1, overrides })
}
