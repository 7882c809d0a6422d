import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium; browsers are never downloaded. CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (candidate): candidate is string => Boolean(candidate),
  )
  const found = candidates.find((candidate) => fs.existsSync(candidate))
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}); install it with: apt-get install -y chromium`)
  return found
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
}
