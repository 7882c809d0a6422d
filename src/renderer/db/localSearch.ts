import type { ConversationRow, TimelineRow } from './rows'

/** Case- and accent-insensitive text for matching. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

export function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter((word) => word.length > 0)
}

/** The folded text of a cached conversation's own fields that local search looks in. */
export function conversationSearchText(row: ConversationRow): string {
  return foldText([row.profileName, row.author?.name, row.author?.username, row.preview, row.snippet, row.network, ...row.tagNames].filter(Boolean).join(' '))
}

/** Whether folded text contains every word of a query. */
export function mentionsEvery(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word))
}

/**
 * The folded text of every cached timeline entry, by conversation: a search answers from
 * memory on each keystroke instead of reading every cached timeline from IndexedDB.
 */
export class TimelineTexts {
  private readonly byConversation = new Map<string, Map<string, string>>()

  put(row: TimelineRow): void {
    let entries = this.byConversation.get(row.conversationId)
    if (row.content === null) {
      entries?.delete(row.id)
      return
    }
    if (!entries) {
      entries = new Map()
      this.byConversation.set(row.conversationId, entries)
    }
    entries.set(row.id, foldText(row.content))
  }

  delete(conversationId: string, entryId: string): void {
    const entries = this.byConversation.get(conversationId)
    entries?.delete(entryId)
    if (entries?.size === 0) this.byConversation.delete(conversationId)
  }

  clear(): void {
    this.byConversation.clear()
  }

  /** Conversations with a cached timeline entry that mentions every word of the query. */
  mentioning(words: readonly string[]): Set<string> {
    const ids = new Set<string>()
    if (words.length === 0) return ids
    for (const [conversationId, entries] of this.byConversation) {
      for (const text of entries.values()) {
        if (!mentionsEvery(text, words)) continue
        ids.add(conversationId)
        break
      }
    }
    return ids
  }
}
