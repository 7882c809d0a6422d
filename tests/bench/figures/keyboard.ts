import type { Page } from 'playwright-core'

export interface KeyboardResult {
  latencies: number[]
  /** Longest main-thread task during the measured presses; 0 when none passed 50 ms. */
  longestTaskMs: number
}

/** `j` pressed `warmups` times unmeasured, then `presses` times, each from keydown to the frame showing the cursor on the next row. */
export async function measureKeyboard(page: Page, presses: number, warmups: number): Promise<KeyboardResult> {
  await page.getByTestId('conversation-list').focus()
  const latencies: number[] = []
  let measuredFrom = 0
  for (let press = 0; press < warmups + presses; press++) {
    if (press === warmups) measuredFrom = await page.evaluate(() => window.benchProbe!.now())
    await page.evaluate(() => window.benchProbe!.arm({ kind: 'selectionMoved' }))
    await page.keyboard.press('j')
    const ms = await page.evaluate(() => window.benchProbe!.measured())
    if (press >= warmups) latencies.push(ms)
  }
  const tasks = await page.evaluate((since) => window.benchProbe!.longTasks.filter((task) => task.startTime >= since), measuredFrom)
  return { latencies, longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)) }
}
