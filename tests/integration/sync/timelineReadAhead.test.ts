import { randomUUID } from 'node:crypto'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readTimelineSnapshot, TimelineReadAhead } from '../../../src/renderer/conversation/timelineReadAhead'
import { InboxDatabase } from '../../../src/renderer/db/database'
import type { TimelineRow } from '../../../src/renderer/db/rows'

function entry(conversationId: string, id: string, content: string): TimelineRow {
  return { conversationId, id, type: 'comment', createdAt: `2026-01-02T00:00:0${id.slice(-1)}.000Z`, content, createdBy: null, author: null, parentId: null, isInbound: true, media: [] }
}

let db: InboxDatabase
/** Scheduled reads wait here until the test runs them, as the rest and a busy page would make them wait. */
let idle: Array<() => void>
let readAhead: TimelineReadAhead

beforeEach(async () => {
  db = new InboxDatabase(`read-ahead-${randomUUID()}`, { indexedDB, IDBKeyRange })
  await db.open()
  await db.timeline.bulkPut([entry('c1', 'e1', 'Hello'), entry('c1', 'e2', 'Any news?'), entry('c2', 'e3', 'Other')])
  idle = []
  readAhead = new TimelineReadAhead((work) => {
    idle.push(work)
    return () => idle.splice(idle.indexOf(work), 1)
  })
})

afterEach(async () => {
  readAhead.dispose()
  await db.delete()
})

/** Runs the idle work scheduled so far, then lets its reads finish. */
async function whenIdle(): Promise<void> {
  for (const work of idle.splice(0)) work()
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0))
}

describe('reading ahead the timeline under the cursor', () => {
  it('reads the aimed conversation when the page is idle, and keeps only that one', async () => {
    readAhead.aim(db, 'c1')
    expect(readAhead.take(db, 'c1')).toBeUndefined()
    await whenIdle()
    expect(readAhead.take(db, 'c1')).toEqual(await readTimelineSnapshot(db, 'c1'))
    expect(readAhead.take(db, 'c1')?.rows.map((row) => row.id)).toEqual(['e1', 'e2'])

    readAhead.aim(db, 'c2')
    await whenIdle()
    expect(readAhead.take(db, 'c2')?.rows.map((row) => row.id)).toEqual(['e3'])
    expect(readAhead.take(db, 'c1')).toBeUndefined()
  })

  it('drops what it kept when the timeline or the outbox changes, and reads it again', async () => {
    readAhead.aim(db, 'c1')
    await whenIdle()
    await db.timeline.put(entry('c1', 'e4', 'Newer'))
    expect(readAhead.take(db, 'c1')).toBeUndefined()
    await whenIdle()
    expect(readAhead.take(db, 'c1')?.rows.map((row) => row.id)).toEqual(['e1', 'e2', 'e4'])

    await db.timeline.clear()
    expect(readAhead.take(db, 'c1')).toBeUndefined()
  })

  it('keeps the newest rows when a write commits while it reads', async () => {
    readAhead.aim(db, 'c1')
    for (const work of idle.splice(0)) work()
    await db.timeline.put(entry('c1', 'e5', 'Written while reading'))
    await whenIdle()
    // Whichever read finished first, what is kept in the end holds the write.
    expect(readAhead.take(db, 'c1')?.rows.map((row) => row.id)).toContain('e5')
  })

  it('reads only where the cursor comes to rest, not each row it passes', async () => {
    readAhead.aim(db, 'c1')
    readAhead.aim(db, 'c2')
    expect(idle).toHaveLength(1)
    await whenIdle()
    expect(readAhead.take(db, 'c2')?.rows.map((row) => row.id)).toEqual(['e3'])
    expect(readAhead.take(db, 'c1')).toBeUndefined()
  })

  it('reads nothing while no conversation is aimed at, and forgets a closed cache', async () => {
    readAhead.aim(db, null)
    expect(idle).toHaveLength(0)
    readAhead.aim(db, 'c1')
    await whenIdle()
    readAhead.aim(null, null)
    expect(readAhead.take(db, 'c1')).toBeUndefined()
  })
})
