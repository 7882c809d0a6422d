import { describe, expect, it } from 'vitest'
import { createTimelineDates } from '../../../../src/renderer/conversation/dates'

const now = new Date('2025-04-01T12:00:00.000Z')

describe('timeline dates', () => {
  it('groups by the day in the agent’s zone, not in UTC', () => {
    const tokyo = createTimelineDates({ locale: 'en-US', timeZone: 'Asia/Tokyo' })
    expect(tokyo.dayKey('2025-03-31T20:00:00.000Z')).toBe('2025-04-01')
    expect(createTimelineDates({ timeZone: 'UTC' }).dayKey('2025-03-31T20:00:00.000Z')).toBe('2025-03-31')
  })

  it('names today and yesterday, and spells out older days', () => {
    const dates = createTimelineDates({ locale: 'en-US', timeZone: 'UTC' })
    expect(dates.dayLabel('2025-04-01T08:00:00.000Z', now)).toBe('Today')
    expect(dates.dayLabel('2025-03-31T23:59:00.000Z', now)).toBe('Yesterday')
    expect(dates.dayLabel('2025-03-10T14:22:00.000Z', now)).toBe('Monday, March 10')
    expect(dates.dayLabel('2024-12-24T14:22:00.000Z', now)).toBe('Tuesday, December 24, 2024')
  })

  it('counts yesterday by the calendar across a daylight-saving change', () => {
    const berlin = createTimelineDates({ locale: 'en-US', timeZone: 'Europe/Berlin' })
    // 30 March 2025 had 23 hours in Berlin.
    expect(berlin.dayLabel('2025-03-29T23:30:00.000Z', new Date('2025-03-30T22:30:00.000Z'))).toBe('Yesterday')
  })

  it('writes times the way the agent’s locale does', () => {
    expect(createTimelineDates({ locale: 'en-US', timeZone: 'UTC' }).time('2025-03-10T14:22:00.000Z')).toMatch(/^2:22\sPM$/)
    expect(createTimelineDates({ locale: 'de-DE', timeZone: 'UTC' }).time('2025-03-10T14:22:00.000Z')).toBe('14:22')
  })
})
