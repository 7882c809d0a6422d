/** CommBox tag ids: they count up from the seed page's example id, per sandbox session. */

export const TAG_TYPES = [1, 2, 3] as const

/** Tag groups that exist in the sandbox's CommBox brand; 0 means a free-standing tag. */
export const TAG_GROUP_IDS: ReadonlySet<number> = new Set([0, 7, 12, 31])

const FIRST_TAG_ID = 21221

export class CommboxTags {
  private created = 0

  nextId(): string {
    const id = String(FIRST_TAG_ID + this.created)
    this.created += 1
    return id
  }
}
