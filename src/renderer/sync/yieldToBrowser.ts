export type Yield = () => Promise<void>

/** Hands the thread back to the browser between steps of long work, so typing and scrolling stay smooth. */
export const yieldToBrowser: Yield = () => new Promise((resolve) => setTimeout(resolve, 0))
