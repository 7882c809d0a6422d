import type { TagRow, UserRow } from '../db/rows'

/** Case- and accent-insensitive, so "muller" finds Hannah Müller. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim()
}

/** Prefix matches of a word first, then matches anywhere; -1 for no match. */
function matchRank(haystacks: readonly string[], query: string): number {
  if (query === '') return 0
  const folded = haystacks.map(foldForSearch)
  if (folded.some((text) => text.startsWith(query))) return 0
  if (folded.some((text) => text.split(/[\s@._-]+/).some((word) => word.startsWith(query)))) return 1
  return folded.some((text) => text.includes(query)) ? 2 : -1
}

export interface AssigneeOption {
  id: string
  name: string
  email: string | null
  isMe: boolean
  isCurrent: boolean
}

/**
 * The assign picker's list: the agent themself first (the common case), then teammates by
 * name; typing narrows both by name or email.
 */
export function assigneeOptions(
  users: readonly UserRow[],
  context: { meId: string | null; meLabel: string; currentAssigneeId: string | null; query: string },
): AssigneeOption[] {
  const query = foldForSearch(context.query)
  const option = (user: UserRow): AssigneeOption => ({
    id: user.id,
    name: user.name,
    email: user.email || null,
    isMe: user.id === context.meId,
    isCurrent: user.id === context.currentAssigneeId,
  })
  const me = users.find((user) => user.id === context.meId)
  const mine: AssigneeOption[] = []
  if (context.meId !== null && matchRank([context.meLabel, me?.name ?? '', me?.email ?? ''], query) >= 0) {
    mine.push(me ? option(me) : { id: context.meId, name: context.meLabel, email: null, isMe: true, isCurrent: context.meId === context.currentAssigneeId })
  }
  const others = users
    .filter((user) => user.id !== context.meId)
    .map((user) => ({ user, rank: matchRank([user.name, user.email], query) }))
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.user.name.localeCompare(b.user.name))
    .map(({ user }) => option(user))
  return [...mine, ...others]
}

export type TagOption = { kind: 'existing'; name: string; isSelected: boolean } | { kind: 'create'; name: string }

/**
 * The tag editor's list: known tags (and any selected ones the cache doesn't know yet) that
 * match what was typed, then "Create …" when no tag has exactly that name. The server matches
 * names without regard to case, so "vip" is not offered as new when "VIP" exists.
 */
export function tagOptions(tags: readonly TagRow[], selected: readonly string[], query: string): TagOption[] {
  const folded = foldForSearch(query)
  const isSelected = new Set(selected.map(foldForSearch))
  const names = new Map<string, string>()
  for (const name of [...tags.map((tag) => tag.name), ...selected]) {
    if (!names.has(foldForSearch(name))) names.set(foldForSearch(name), name)
  }
  const existing = [...names.entries()]
    .map(([key, name]) => ({ key, name, rank: matchRank([name], folded) }))
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .map(({ key, name }): TagOption => ({ kind: 'existing', name, isSelected: isSelected.has(key) }))
  const typed = query.trim()
  const canCreate = typed !== '' && !names.has(folded)
  return canCreate ? [...existing, { kind: 'create', name: typed }] : existing
}

/** Adds or removes a tag by name, keeping the order the agent chose them in. */
export function toggleTag(selected: readonly string[], name: string): string[] {
  const key = foldForSearch(name)
  return selected.some((existing) => foldForSearch(existing) === key)
    ? selected.filter((existing) => foldForSearch(existing) !== key)
    : [...selected, name]
}
