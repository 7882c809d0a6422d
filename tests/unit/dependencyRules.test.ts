import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The process boundaries of DESIGN.md, as the lint in `npm test` enforces them. */
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') })

async function ruleMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(import.meta.dirname, '../..', file) })
  return (result?.messages ?? []).filter((message) => message.ruleId?.startsWith('no-restricted')).map((message) => message.message)
}

describe('dependency rule', () => {
  it.each([
    ['src/shared/probe.ts', "import fs from 'node:fs'\nexport const x = fs\n"],
    ['src/shared/probe.ts', "import { app } from 'electron'\nexport const x = app\n"],
    ['src/shared/probe.ts', "import Dexie from 'dexie'\nexport const x = Dexie\n"],
    ['src/shared/probe.ts', "import { ref } from 'vue'\nexport const x = ref\n"],
    ['src/shared/probe.ts', 'export const x = window.location\n'],
    ['src/renderer/probe.ts', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n"],
    ['src/renderer/probe.ts', "import path from 'node:path'\nexport const x = path\n"],
    ['src/renderer/probe.ts', "import { dispatch } from '../main/ipc/dispatch'\nexport const x = dispatch\n"],
    ['src/preload/probe.ts', "import { z } from 'zod'\nexport const x = z\n"],
    ['src/preload/probe.ts', "import { dispatch } from '../main/ipc/dispatch'\nexport const x = dispatch\n"],
    ['src/main/probe.ts', "import { useAppStore } from '../renderer/stores/appStore'\nexport const x = useAppStore\n"],
  ])('refuses what %s must not import: %s', async (file, code) => {
    expect(await ruleMessages(file, code)).not.toEqual([])
  })

  it.each([
    ['src/shared/probe.ts', "import { z } from 'zod'\nexport const x = z\n"],
    ['src/renderer/probe.ts', "import Dexie from 'dexie'\nimport type { Result } from '../shared/result'\nexport const x: Result<typeof Dexie> | null = null\n"],
    ['src/preload/probe.ts', "import { contextBridge } from 'electron'\nimport { IPC_INVOKE_CHANNEL } from '../shared/ipc/transport'\nexport const x = [contextBridge, IPC_INVOKE_CHANNEL]\n"],
  ])('allows what %s may import', async (file, code) => {
    expect(await ruleMessages(file, code)).toEqual([])
  })
})
