/** The fields threading needs; the timeline's rows have them. */
export interface ThreadableRow {
  id: string
}

export interface ThreadedRow<Row extends ThreadableRow> {
  row: Row
  /** 0 for a thread's first comment and for everything unthreaded; 1 for every reply in a thread. */
  depth: 0 | 1
  /** The comment this one answers, as given (it may not be loaded). */
  parentId: string | null
  /** The comment this one answers, when it is loaded and earlier. */
  parent: Row | undefined
}

/**
 * Orders a conversation's rows (given oldest first) so each comment's replies follow their
 * thread's first comment, oldest first, one level deep as the networks show them; a reply to
 * a reply stays in its thread. Only an earlier row can be a parent, so bad data cannot loop.
 */
export function threadRows<Row extends ThreadableRow>(
  rows: readonly Row[],
  parentIdOf: (row: Row) => string | null,
): ThreadedRow<Row>[] {
  const indexById = new Map(rows.map((row, index) => [row.id, index]))
  const rootIndex: number[] = []
  const parentIndex: (number | undefined)[] = []
  rows.forEach((row, index) => {
    const parentId = parentIdOf(row)
    const candidate = parentId === null ? undefined : indexById.get(parentId)
    const parent = candidate !== undefined && candidate < index ? candidate : undefined
    parentIndex.push(parent)
    rootIndex.push(parent === undefined ? index : rootIndex[parent]!)
  })

  const repliesByRoot = new Map<number, number[]>()
  rows.forEach((_, index) => {
    const root = rootIndex[index]!
    if (root === index) return
    const replies = repliesByRoot.get(root)
    if (replies) replies.push(index)
    else repliesByRoot.set(root, [index])
  })

  const threaded: ThreadedRow<Row>[] = []
  const at = (index: number, depth: 0 | 1): ThreadedRow<Row> => {
    const row = rows[index]!
    const parent = parentIndex[index]
    return { row, depth, parentId: parentIdOf(row), parent: parent === undefined ? undefined : rows[parent] }
  }
  rows.forEach((_, index) => {
    if (rootIndex[index] !== index) return
    threaded.push(at(index, 0))
    for (const reply of repliesByRoot.get(index) ?? []) threaded.push(at(reply, 1))
  })
  return threaded
}
