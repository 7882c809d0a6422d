import { execFileSync } from 'node:child_process'
import os from 'node:os'
import { chromiumPath } from '../support/browser'

export interface Machine {
  cpu: string
  cores: number
  memoryGb: number
  os: string
  chromium: string
  node: string
}

export function describeMachine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    // Debian's launcher script chatters on stderr; the version is on stdout.
    chromium: execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    node: process.version,
  }
}
