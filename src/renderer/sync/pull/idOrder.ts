import { compareKeys } from '../../db/keyOrder'
import type { Yield } from '../yieldToBrowser'

/**
 * Items sorted, or merged, per task while ordering a large answer: a task of about 5 ms on
 * 2 cores (traced). Sorting 100,000 at once held the thread for over 100 ms, and merging 50,000
 * sorted items in one pass for 70 to 80.
 */
export const ORDER_STEP = 8_000

interface Keyed {
  readonly id: string
}

const byId = (a: Keyed, b: Keyed) => compareKeys(a.id, b.id)

/**
 * The last of `items` given for each id, in id order (the order IndexedDB keeps keys in),
 * handing the thread back between steps: slices of ORDER_STEP are sorted a task each, then
 * merged ORDER_STEP at a time. An answer of one slice is ordered in one task, with no yield.
 */
export async function lastOfEachInIdOrder<T extends Keyed>(items: readonly T[], yieldNow: Yield): Promise<T[]> {
  const runs: T[][] = []
  for (let start = 0; start < items.length; start += ORDER_STEP) {
    if (start > 0) await yieldNow()
    runs.push(items.slice(start, start + ORDER_STEP).sort(byId))
  }
  if (runs.length > 1) return mergeRuns(runs, yieldNow)
  const ordered: T[] = []
  for (const item of runs[0] ?? []) keepLast(ordered, item)
  return ordered
}

/** Appends `item` to the sorted `ordered`; equal ids come in the order they were given, and the last stays. */
function keepLast<T extends Keyed>(ordered: T[], item: T): void {
  if (ordered.length > 0 && ordered[ordered.length - 1]!.id === item.id) ordered[ordered.length - 1] = item
  else ordered.push(item)
}

/** Where a sorted run is read from next. */
interface Head {
  run: number
  position: number
}

/**
 * Merges the sorted runs through a min-heap of their heads, ORDER_STEP items per task. On equal
 * ids the earlier run's head comes first, so equal ids leave in the order they were given.
 */
async function mergeRuns<T extends Keyed>(runs: readonly T[][], yieldNow: Yield): Promise<T[]> {
  const itemAt = (head: Head) => runs[head.run]![head.position]!
  const comesFirst = (a: Head, b: Head) => {
    const order = compareKeys(itemAt(a).id, itemAt(b).id)
    return order < 0 || (order === 0 && a.run < b.run)
  }
  const heap: Head[] = runs.map((_, run) => ({ run, position: 0 }))
  for (let index = (heap.length >> 1) - 1; index >= 0; index--) siftDown(heap, index, comesFirst)
  const merged: T[] = []
  while (heap.length > 0) {
    await yieldNow()
    for (let taken = 0; taken < ORDER_STEP && heap.length > 0; taken++) {
      const head = heap[0]!
      keepLast(merged, itemAt(head))
      head.position++
      if (head.position === runs[head.run]!.length) {
        const last = heap.pop()!
        if (heap.length === 0) break
        heap[0] = last
      }
      siftDown(heap, 0, comesFirst)
    }
  }
  return merged
}

function siftDown(heap: Head[], from: number, comesFirst: (a: Head, b: Head) => boolean): void {
  let parent = from
  for (;;) {
    const left = parent * 2 + 1
    const right = left + 1
    let first = parent
    if (left < heap.length && comesFirst(heap[left]!, heap[first]!)) first = left
    if (right < heap.length && comesFirst(heap[right]!, heap[first]!)) first = right
    if (first === parent) return
    ;[heap[parent], heap[first]] = [heap[first]!, heap[parent]!]
    parent = first
  }
}
