import fs from 'node:fs'
import path from 'node:path'
import type { WindowBounds } from './windowState'

export interface WindowStateStore {
  load(): unknown
  save(bounds: WindowBounds): void
}

/** Window geometry in a small JSON file; a missing or unreadable file just means defaults. */
export function windowStateFile(directory: string): WindowStateStore {
  const file = path.join(directory, 'window-state.json')
  return {
    load() {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8'))
      } catch {
        return undefined
      }
    },
    save(bounds) {
      try {
        fs.mkdirSync(directory, { recursive: true })
        fs.writeFileSync(file, JSON.stringify(bounds))
      } catch (error) {
        console.warn('[window] could not remember the window position', error)
      }
    },
  }
}
