import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ID } from '../../../../src/main/electron/appId'

/** `npm run dist` cannot run here (no Electron binary); this checks what it would package with. */
const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '../../../..')
const config = require(path.join(root, 'electron-builder.config.cjs')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>
  mac: { target: string[] }
  win: { target: string[] }
  linux: { target: string[] }
}
const packageJson = require(path.join(root, 'package.json')) as { main: string; scripts: Record<string, string> }

describe('packaging (electron-builder)', () => {
  it('names the app and its identity as the shell does', () => {
    expect(config['productName']).toBe('Inbox Desk')
    expect(config['appId']).toBe(APP_ID)
  })

  it('flips the Electron fuses that lock the packaged app down', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
    expect(config['asar']).toBe(true)
  })

  it('builds for Linux, macOS and Windows', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(config.mac.target).toContain('dmg')
    expect(config.win.target).toContain('nsis')
  })

  it('packages the electron-vite build, whose main entry is the one package.json names', () => {
    expect(config['files']).toEqual(['out/**', 'package.json'])
    expect(packageJson.main.startsWith('out/')).toBe(true)
    expect(packageJson.scripts['dist']).toMatch(/electron-vite build && electron-builder --config electron-builder\.config\.cjs/)
  })
})
