import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startSandbox } from '../sandbox/server'
import { createMemoryCipher } from './auth/secretCipher'
import { createMemorySecretStore } from './auth/secretStore'
import type { RateWindow } from './api/rateLimiter'
import { startBridge } from './bridge/httpBridge'
import { createMainServices } from './services'

/**
 * `npm run web`: the browser preview. The renderer build and main's handler table, joined
 * by the loopback HTTP bridge instead of Electron IPC. Credentials live in memory only.
 */
const projectRoot = path.resolve(import.meta.dirname, '../..')
const rendererDir = path.join(projectRoot, 'out/renderer')

/**
 * `--relaxed-rate-limits`, for benchmarks and tests against the sandbox only: under Oktopost's
 * real limits (about 57 calls a minute) seeding 100,000 conversations or draining 1,000 queued
 * changes would take hours, and tests that work far faster than an agent would wait on the
 * limiter (which has tests of its own). The sandbox has no limit of its own; against a real
 * account this would get the key blocked.
 */
const RELAXED_RATE_WINDOWS: readonly RateWindow[] = [{ limit: 1_000, windowMs: 1_000 }]

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      sandbox: { type: 'boolean', default: false },
      'relaxed-rate-limits': { type: 'boolean', default: false },
    },
    strict: true,
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`)
  }
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new UsageError(`No renderer build in ${rendererDir}: run "npm run build" first (npm run web does it for you)`)
  }
  const packageJson = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }
  const services = createMainServices({
    identity: { name: 'Inbox Desk', version: packageJson.version, platform: process.platform },
    cipher: createMemoryCipher(),
    store: createMemorySecretStore(),
    startSandbox,
    ...(values['relaxed-rate-limits'] ? { rateWindows: RELAXED_RATE_WINDOWS } : {}),
  })
  if (values['relaxed-rate-limits']) console.log('Rate limits relaxed for benchmarks and tests (--relaxed-rate-limits): never sign in to a real account')
  if (values.sandbox) {
    const session = await services.demo.start()
    if (!session.ok) throw new Error(`The demo workspace did not start: ${session.error.message}`)
    console.log(`Signed in to the demo workspace as ${session.value.user.name}`)
  }
  const bridge = await startBridge({ handlers: services.handlers, token: randomBytes(32).toString('base64url'), staticDir: rendererDir }, port)
  console.log(`Inbox Desk preview: ${bridge.url}`)
  const stop = () => void Promise.all([bridge.close(), services.demo.stop()]).then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError || error instanceof TypeError ? `npm run web: ${error.message}` : error)
  process.exit(2)
})
