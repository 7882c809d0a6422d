import { z } from 'zod'

/** Networks the app knows how to treat specially (reply rules, labels). */
export const KNOWN_NETWORKS = ['Facebook', 'Twitter', 'LinkedIn', 'Instagram', 'YouTube', 'TikTok'] as const
export type KnownNetwork = (typeof KNOWN_NETWORKS)[number]

/** What the conversation list's `network` filter accepts; TikTok items exist but can't be filtered on. */
export const FILTERABLE_NETWORKS = ['Facebook', 'Twitter', 'LinkedIn', 'YouTube', 'Instagram'] as const
export type FilterableNetwork = (typeof FILTERABLE_NETWORKS)[number]

/**
 * A network is an open set: items may come from networks the filter list doesn't name, so the
 * domain keeps any non-empty name. Known ones are stored in the spelling of KNOWN_NETWORKS.
 */
export const networkSchema = z.string().min(1)
export type Network = z.infer<typeof networkSchema>

const ALIASES: Readonly<Record<string, KnownNetwork>> = {
  x: 'Twitter',
  'x (twitter)': 'Twitter',
}

/** Case-insensitive, and "X" is Twitter: the API and people spell these inconsistently. */
export function toKnownNetwork(network: string): KnownNetwork | undefined {
  const lower = network.trim().toLowerCase()
  return KNOWN_NETWORKS.find((known) => known.toLowerCase() === lower) ?? ALIASES[lower]
}

const DISPLAY_NAMES: Readonly<Record<KnownNetwork, string>> = {
  Facebook: 'Facebook',
  Twitter: 'X (Twitter)',
  LinkedIn: 'LinkedIn',
  Instagram: 'Instagram',
  YouTube: 'YouTube',
  TikTok: 'TikTok',
}

export function networkDisplayName(network: string): string {
  const known = toKnownNetwork(network)
  return known === undefined ? network : DISPLAY_NAMES[known]
}
