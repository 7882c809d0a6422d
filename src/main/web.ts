import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startBridge } from './bridge/httpBridge'
import { createHandlers } from './handlers'

/**
 * `npm run web`: the browser preview. The renderer build and main's handler table, joined
 * by the loopback HTTP bridge instead of Electron IPC.
 */
const projectRoot = path.resolve(import.meta.dirname, '../..')
const rendererDir = path.join(projectRoot, 'out/renderer')

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
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
  const handlers = createHandlers({
    identity: { name: 'Inbox Desk', version: packageJson.version, platform: process.platform },
  })
  const bridge = await startBridge({ handlers, token: randomBytes(32).toString('base64url'), staticDir: rendererDir }, port)
  console.log(`Inbox Desk preview: ${bridge.url}`)
  const stop = () => void bridge.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError || error instanceof TypeError ? `npm run web: ${error.message}` : error)
  process.exit(2)
})
