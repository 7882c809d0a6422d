import Fuse from 'fuse.js'
import type { CannedResponseRow } from '../db/rows'

export type CannedSearch = (query: string, limit?: number) => CannedResponseRow[]

/**
 * Fuzzy search over canned responses, by name first and content second, so "/refnd" finds
 * "Refund Issued" and "/3-5 days" finds it too. With no query, all of them by name.
 */
export function createCannedSearch(responses: readonly CannedResponseRow[]): CannedSearch {
  const byName = [...responses].sort((a, b) => a.name.localeCompare(b.name))
  const fuse = new Fuse(byName, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'content', weight: 1 },
    ],
    threshold: 0.3,
    ignoreLocation: true,
  })
  return (query, limit = Number.POSITIVE_INFINITY) => {
    const text = query.trim()
    const found = text === '' ? byName : fuse.search(text).map((result) => result.item)
    return found.slice(0, limit)
  }
}
