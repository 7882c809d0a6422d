/**
 * Whole numbers in the agent's locale ("12,345"). Made once: `toLocaleString()` builds a new
 * formatter on every call, and the list's count is drawn again on every cursor move.
 */
const WHOLE_NUMBER = new Intl.NumberFormat()

export function formatCount(value: number): string {
  return WHOLE_NUMBER.format(value)
}
