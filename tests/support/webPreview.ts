import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export interface RunningPreview {
  url: string
  output: () => string
  stop(): Promise<void>
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..')
const URL_LINE = /Inbox Desk preview: (http:\/\/127\.0\.0\.1:\d+\/)/

/**
 * Starts `npm run web` exactly as a person would, and waits for the line with its URL.
 * `npm run web` builds first, so this also proves the build works.
 *
 * Against the sandbox only, main's Oktopost rate limiter is relaxed (`--relaxed-rate-limits`):
 * a test works through a shift's worth of calls in seconds, and would otherwise wait on the
 * limiter for as long as Oktopost's 57 calls a minute take, instead of testing what it names.
 * The limiter's own behaviour is tested on its own.
 */
export function startWebPreview(args: string[] = [], timeoutMs = 120_000): Promise<RunningPreview> {
  const limits = args.includes('--relaxed-rate-limits') ? [] : ['--relaxed-rate-limits']
  const child = spawn('npm', ['run', 'web', '--', '--port', '0', ...limits, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stopProcessGroup(child)
      reject(new Error(`npm run web printed no URL within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = URL_LINE.exec(output)
      if (!match?.[1]) return
      clearTimeout(timer)
      resolve({ url: match[1], output: () => output, stop: () => stopProcessGroup(child) })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm run web exited with ${code}:\n${output}`))
    })
  })
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      resolve()
    }
  })
}
