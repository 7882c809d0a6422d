import type { DesktopNotification } from '../../shared/ipc/contract'
import type { ConversationRow } from '../db/rows'
import { desktopStrings } from '../strings/desktop'

/** Room enough for a sentence; notification centres cut longer text anyway. */
const BODY_MAX = 160
/** Clocks of the server and this computer disagree a little. */
const CLOCK_SKEW_MS = 60_000

export interface AssignmentBaseline {
  /** The conversations assigned to me at the last reading. */
  ids: ReadonlySet<string>
  /** When watching began: a row older than this that turns up is old news, not a new assignment. */
  since: number
}

/**
 * Conversations assigned to me now that were not at the last reading, and changed since
 * watching began: reassigned to me, or new and given to me. A conversation that merely
 * reached the cache (a bigger view, an older page) is not news. The first reading is the
 * baseline (null): nothing in it is announced.
 */
export function newlyAssigned<Row extends Pick<ConversationRow, 'id' | 'status' | 'sortAt'>>(
  baseline: AssignmentBaseline | null,
  assignedToMe: readonly Row[],
): Row[] {
  if (baseline === null) return []
  return assignedToMe.filter(
    (row) => !baseline.ids.has(row.id) && row.status === 'open' && Date.parse(row.sortAt) >= baseline.since - CLOCK_SKEW_MS,
  )
}

function shorten(text: string, max: number): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()]
  return characters.length <= max ? characters.join('') : `${characters.slice(0, max - 1).join('')}…`
}

function whoOf(row: ConversationRow): string {
  return row.author?.name ?? row.profileName ?? row.network
}

/** Plain text for the system notification; main shows it as text, never as markup. */
export function assignmentNotification(rows: readonly ConversationRow[]): DesktopNotification {
  const { assigned } = desktopStrings
  const [first] = rows
  if (rows.length === 1 && first) {
    return { title: assigned.title, body: shorten(assigned.body(whoOf(first), first.network, first.snippet ?? first.preview ?? ''), BODY_MAX) }
  }
  return { title: assigned.titleMany(rows.length), body: shorten(assigned.bodyMany([...new Set(rows.map(whoOf))].join(', ')), BODY_MAX) }
}
