import { conversationStrings } from '../strings/conversation'

/** Locale and zone to show times in; both default to the agent's own (the system's). */
export interface DateSettings {
  locale?: string
  timeZone?: string
}

export interface TimelineDates {
  /** A calendar day in the agent's zone, as `YYYY-MM-DD`: the timeline groups entries by it. */
  dayKey(iso: string): string
  /** The divider above a day's first entry: "Today", "Yesterday", "Monday, March 10", with the year when not this year. */
  dayLabel(iso: string, now: Date): string
  /** "2:22 PM" in English, "14:22" in German. */
  time(iso: string): string
  /** "Mar 10, 2:22 PM": for an entry shown under a day other than its own (a late threaded reply). */
  dateTime(iso: string): string
  /** Everything, for a tooltip and screen readers. */
  full(iso: string): string
}

/**
 * The domain's instants are ISO UTC strings; agents read them in their own locale and zone.
 * Formatters are built once per timeline: Intl.DateTimeFormat is costly to create.
 */
export function createTimelineDates(settings: DateSettings = {}): TimelineDates {
  const { locale, timeZone } = settings
  const zone = timeZone === undefined ? {} : { timeZone }
  const dayParts = new Intl.DateTimeFormat('en-US', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const time = new Intl.DateTimeFormat(locale, { ...zone, hour: 'numeric', minute: '2-digit' })
  const dateTime = new Intl.DateTimeFormat(locale, { ...zone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
  const dayThisYear = new Intl.DateTimeFormat(locale, { ...zone, weekday: 'long', month: 'long', day: 'numeric' })
  const dayOtherYear = new Intl.DateTimeFormat(locale, { ...zone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })
  const full = new Intl.DateTimeFormat(locale, { ...zone, dateStyle: 'full', timeStyle: 'short' })

  function dayKeyOf(date: Date): string {
    const parts = Object.fromEntries(dayParts.formatToParts(date).map((part) => [part.type, part.value]))
    return `${parts['year']}-${parts['month']}-${parts['day']}`
  }

  return {
    dayKey: (iso) => dayKeyOf(new Date(iso)),
    dayLabel(iso, now) {
      const date = new Date(iso)
      const key = dayKeyOf(date)
      const today = dayKeyOf(now)
      const daysAgo = daysBetween(key, today)
      if (daysAgo === 0) return conversationStrings.timeline.today
      if (daysAgo === 1) return conversationStrings.timeline.yesterday
      return (key.slice(0, 4) === today.slice(0, 4) ? dayThisYear : dayOtherYear).format(date)
    },
    time: (iso) => time.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    full: (iso) => full.format(new Date(iso)),
  }
}

/** Whole calendar days from one day key to a later one; exact across DST changes, unlike subtracting 24 hours. */
function daysBetween(from: string, to: string): number {
  const utc = (key: string) => Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)))
  return Math.round((utc(to) - utc(from)) / 86_400_000)
}
