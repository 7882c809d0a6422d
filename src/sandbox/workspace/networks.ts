/** What each network allows, from the reply matrix in api/README.md. */
import type { ItemType, Network } from './types'

const DIRECT_MESSAGE_REPLY: ReadonlySet<Network> = new Set(['Facebook', 'Twitter', 'LinkedIn'])
const THREADING: ReadonlySet<Network> = new Set(['Facebook', 'LinkedIn', 'Instagram', 'TikTok', 'YouTube'])
const MEDIA: ReadonlySet<Network> = new Set(['Facebook', 'Twitter', 'LinkedIn', 'TikTok'])

/** Public items (Post, Mention, Reply) accept comments on every network. */
export function canReply(itemType: ItemType, network: Network): boolean {
  return itemType !== 'Conversation' || DIRECT_MESSAGE_REPLY.has(network)
}

export function supportsThreading(network: Network): boolean {
  return THREADING.has(network)
}

export function supportsMedia(network: Network): boolean {
  return MEDIA.has(network)
}
