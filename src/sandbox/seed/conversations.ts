/**
 * Generates the compact conversation records. Each one is a pure function of
 * (seed, index), so generation is a single cheap pass even at 100,000 items and any
 * record's timeline can later be derived from the same inputs.
 */
import { MINUTE_MS } from '../dates'
import { ID_PREFIX, conversationId, formatId } from '../ids'
import {
  CUSTOMERS, CUSTOMER_OPENINGS, EMOJI_TEXTS, HOSTILE_TEXTS, LONG_TEXT, RTL_TEXTS, fillTemplate,
} from './texts'
import { SEED_ANCHOR_MS } from './directory'
import { STREAM, chance, intBetween, pick, randomFor, weighted, type Random } from './random'
import {
  ITEM_TYPES, NETWORKS,
  type ConversationRecord, type Credential, type ItemType, type Network, type Tag, type User,
} from '../workspace/types'

export interface SeedDirectory {
  users: readonly User[]
  credentials: readonly Credential[]
  tags: readonly Tag[]
}

/**
 * The first items walk every network x item type x status combination, so even a tiny
 * workspace covers them all; after that the mix is random and weighted like a real inbox.
 */
const COVERAGE_COUNT = NETWORKS.length * ITEM_TYPES.length * 2

/**
 * Items whose shape tests and the README rely on (README "Fixed fixtures"). They follow
 * the seed pages' examples: eit000000000001 is an open Facebook DM tagged Support,
 * eit000000000002 a Facebook post whose comments thread, with a long timeline.
 */
const FIXED_OPENINGS: ReadonlyMap<number, string> = new Map([
  [1, HOSTILE_TEXTS[0]],
  [2, RTL_TEXTS[0]],
  [3, LONG_TEXT],
  [4, EMOJI_TEXTS[0]],
])
const FIXED_ENTRY_COUNTS: ReadonlyMap<number, number> = new Map([
  [0, 1],
  [1, 320],
])
const FIXED_TAG_IDS: ReadonlyMap<number, readonly string[]> = new Map([[0, [formatId(ID_PREFIX.tag, 1)]]])

const NETWORK_WEIGHTS: ReadonlyArray<readonly [Network, number]> = [
  ['Facebook', 30], ['Twitter', 25], ['Instagram', 18], ['LinkedIn', 12], ['YouTube', 8], ['TikTok', 7],
]
const ITEM_TYPE_WEIGHTS: ReadonlyArray<readonly [ItemType, number]> = [
  ['Conversation', 35], ['Post', 35], ['Mention', 15], ['Reply', 15],
]

const NO_TAGS: readonly string[] = Object.freeze([])

interface SeedContext {
  users: readonly User[]
  tags: readonly Tag[]
  /** Conversations arrive on live profiles only; expired ones exist for the credential picker. */
  liveProfiles: ReadonlyMap<Network, readonly Credential[]>
}

export function seedConversations(seed: number, count: number, directory: SeedDirectory): ConversationRecord[] {
  const context: SeedContext = { ...directory, liveProfiles: liveProfilesByNetwork(directory.credentials) }
  const records = new Array<ConversationRecord>(count)
  for (let index = 0; index < count; index += 1) {
    records[index] = seedConversation(seed, index, context)
  }
  return records
}

function seedConversation(seed: number, index: number, context: SeedContext): ConversationRecord {
  const random = randomFor(seed, STREAM.conversation, index)
  const isCoverage = index < COVERAGE_COUNT
  const itemType = isCoverage ? ITEM_TYPES[index % ITEM_TYPES.length]! : weighted(random, ITEM_TYPE_WEIGHTS)
  const network = isCoverage
    ? NETWORKS[Math.floor(index / ITEM_TYPES.length) % NETWORKS.length]!
    : weighted(random, NETWORK_WEIGHTS)
  const isOpen = isCoverage ? index < COVERAGE_COUNT / 2 : chance(random, 0.65)
  const seededEntryCount = FIXED_ENTRY_COUNTS.get(index) ?? entryCount(random)
  const modified = SEED_ANCHOR_MS - intBetween(random, 10, 120 * 24 * 60) * MINUTE_MS
  const activeSpan = seededEntryCount === 1 ? 0 : seededEntryCount * intBetween(random, 2, 180) * MINUTE_MS
  const opening = FIXED_OPENINGS.get(index) ?? fillTemplate(pick(random, CUSTOMER_OPENINGS), 10_000 + index)
  return {
    index,
    id: conversationId(index),
    created: modified - activeSpan,
    modified,
    status: isOpen ? 'open' : 'closed',
    network,
    itemType,
    assigneeId: assignee(random, index, context.users),
    credentialId: profile(random, index, context.liveProfiles.get(network) ?? []).id,
    tagIds: FIXED_TAG_IDS.get(index) ?? tagIds(random, context.tags),
    author: pick(random, CUSTOMERS),
    openingText: opening,
    seededEntryCount,
  }
}

/** Mostly short threads, a tail of long ones, a few of several hundred entries. */
function entryCount(random: Random): number {
  const [min, max] = weighted<readonly [number, number]>(random, [
    [[1, 8], 60],
    [[9, 40], 30],
    [[41, 120], 8],
    [[121, 400], 2],
  ])
  return intBetween(random, min, max)
}

function assignee(random: Random, index: number, users: readonly User[]): string | null {
  if (index < COVERAGE_COUNT) return index % 5 === 4 ? null : users[index % users.length]?.id ?? null
  return chance(random, 0.25) ? null : pick(random, users).id
}

/** Coverage items use each network's main profile so that their ProfileName is predictable. */
function profile(random: Random, index: number, liveProfiles: readonly Credential[]): Credential {
  return index < COVERAGE_COUNT ? liveProfiles[0] ?? pick(random, liveProfiles) : pick(random, liveProfiles)
}

function tagIds(random: Random, tags: readonly Tag[]): readonly string[] {
  const count = weighted(random, [[0, 40], [1, 35], [2, 20], [3, 5]])
  if (count === 0) return NO_TAGS
  const chosen = new Set<string>()
  while (chosen.size < count) chosen.add(pick(random, tags).id)
  return [...chosen]
}

function liveProfilesByNetwork(credentials: readonly Credential[]): Map<Network, Credential[]> {
  const byNetwork = new Map<Network, Credential[]>()
  for (const credential of credentials) {
    if (credential.status === 'active') {
      byNetwork.set(credential.network, [...(byNetwork.get(credential.network) ?? []), credential])
    }
  }
  return byNetwork
}
