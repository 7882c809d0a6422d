import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from './browser'

const DEVTOOLS_LINE = /DevTools listening on (ws:\/\/\S+)/
const START_TIMEOUT_MS = 30_000
const GONE_TIMEOUT_MS = 10_000

/**
 * Debian's Chromium started as its own process group on a persistent profile, driven over the
 * DevTools protocol, so a test can kill it the way a crash or the OOM killer would: SIGKILL
 * to the browser and every process it started, with no chance to flush or say goodbye.
 * Relaunching on the same profile then finds whatever IndexedDB had made durable.
 */
export interface KillableChromium {
  readonly browser: Browser
  /** The profile's own context: pages opened here share its storage. */
  readonly context: BrowserContext
  /** SIGKILL to the whole process group; resolves once none of it is left. */
  kill(): Promise<void>
  /** A clean shutdown (SIGTERM), for the end of a test. */
  close(): Promise<void>
}

export async function launchKillableChromium(profileDir: string): Promise<KillableChromium> {
  const child = spawn(
    chromiumPath(),
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, '--window-size=1280,800', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const endpoint = await devToolsEndpoint(child)
  const browser = await chromium.connectOverCDP(endpoint)
  const context = browser.contexts()[0]
  if (!context) throw new Error('Chromium started without its default context')
  return {
    browser,
    context,
    kill: () => stopGroup(child, 'SIGKILL'),
    close: () => stopGroup(child, 'SIGTERM'),
  }
}

/** A fresh Chromium profile directory, removed again by `remove`. */
export function temporaryProfile(prefix = 'inbox-desk-profile-'): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

function devToolsEndpoint(child: ChildProcess): Promise<string> {
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopGroup(child, 'SIGKILL')
      reject(new Error(`Chromium printed no DevTools address within ${START_TIMEOUT_MS} ms:\n${output}`))
    }, START_TIMEOUT_MS)
    // Read stderr to the end whatever happens: a full pipe would stall the browser.
    child.stderr?.on('data', (chunk: Buffer) => {
      if (output.length < 64_000) output += chunk.toString('utf8')
      const match = DEVTOOLS_LINE.exec(output)
      if (!match?.[1]) return
      clearTimeout(timer)
      resolve(match[1])
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`Chromium exited (${code ?? signal}) before it listened:\n${output}`))
    })
  })
}

async function stopGroup(child: ChildProcess, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  const groupId = child.pid
  if (groupId === undefined) return
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()))
  signalGroup(groupId, signal)
  await exited
  // The browser's children (renderers, the storage and network services) die with the group,
  // but a moment after it; a relaunch must not meet them holding the profile.
  const deadline = Date.now() + GONE_TIMEOUT_MS
  while (isGroupAlive(groupId)) {
    if (Date.now() > deadline) {
      signalGroup(groupId, 'SIGKILL')
      throw new Error(`Chromium's processes (group ${groupId}) were still running ${GONE_TIMEOUT_MS} ms after ${signal}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

function signalGroup(groupId: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-groupId, signal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
}

function isGroupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0)
    return true
  } catch {
    return false
  }
}
