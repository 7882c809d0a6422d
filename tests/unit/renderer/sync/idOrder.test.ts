import { describe, expect, it } from 'vitest'
import { compareKeys } from '../../../../src/renderer/db/keyOrder'
import { lastOfEachInIdOrder, ORDER_STEP } from '../../../../src/renderer/sync/pull/idOrder'

interface Answer {
  id: string
  given: number
}

/** `count` answers over fewer ids, so many come more than once, in a scrambled order. */
function scrambled(count: number): Answer[] {
  let seed = 42
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648)
  return Array.from({ length: count }, (_, given) => ({ id: `eit${String(next() % Math.floor(count * 0.8)).padStart(9, '0')}`, given }))
}

/** What ordering must give: the last answer for each id, by id. */
function expected(answers: readonly Answer[]): Answer[] {
  const last = new Map(answers.map((answer) => [answer.id, answer]))
  return [...last.values()].sort((a, b) => compareKeys(a.id, b.id))
}

describe('ordering an answer by id', () => {
  it('keeps the last answer given for each id, in the order IndexedDB keeps keys', async () => {
    for (const count of [0, 1, 500, ORDER_STEP, ORDER_STEP + 1, ORDER_STEP * 5 + 123]) {
      const answers = scrambled(count)
      expect(await lastOfEachInIdOrder(answers, async () => {})).toEqual(expected(answers))
    }
  })

  it('orders an answer of one step in one task', async () => {
    let yields = 0
    await lastOfEachInIdOrder(scrambled(ORDER_STEP), async () => void yields++)
    expect(yields).toBe(0)
  })

  it('never reads more than a step of the answer in one task, merging included', async () => {
    const touched = new Set<number>()
    const widest: number[] = []
    // Each answer reports when its id is read, so the test sees how much of the answer a task went through.
    const answers = scrambled(ORDER_STEP * 6 + 500).map(({ id, given }) => ({
      given,
      get id() {
        touched.add(given)
        return id
      },
    }))
    const ordered = await lastOfEachInIdOrder(answers, async () => {
      widest.push(touched.size)
      touched.clear()
    })
    widest.push(touched.size)
    const runs = Math.ceil(answers.length / ORDER_STEP)
    // A merge step reads the step's items, the heads of the runs it compares them with, and the last one it kept.
    expect(Math.max(...widest)).toBeLessThanOrEqual(ORDER_STEP + runs + 1)
    expect(ordered.map((answer) => answer.given)).toEqual(expected(answers.map(({ id, given }) => ({ id, given }))).map((answer) => answer.given))
  })
})
