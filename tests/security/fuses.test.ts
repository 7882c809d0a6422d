import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The Electron fuses electron-builder flips in the packaged binary (electron-builder.config.cjs),
 * so the shipped app cannot be run as Node, debugged through NODE_OPTIONS or --inspect, or made
 * to load code from outside its verified app.asar. tests/unit/main/electron/packaging.test.ts
 * checks the packaging as a whole; this checks that every fuse named is one electron-builder
 * knows (a misspelt fuse is silently ignored) and that file:// gets no extra privileges.
 */
const root = path.resolve(import.meta.dirname, '../..')
const require = createRequire(path.join(root, 'package.json'))
const config = require(path.join(root, 'electron-builder.config.cjs')) as { asar?: unknown; electronFuses?: Record<string, unknown> }
const builderSchema = require('app-builder-lib/scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } }

describe('Electron fuses of the packaged app', () => {
  it('turns off run-as-node, NODE_OPTIONS and the inspect flags, and turns on cookie encryption and asar-only loading with integrity checks', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
    // onlyLoadAppFromAsar and the integrity check mean something only for an app packed in an asar.
    expect(config.asar).toBe(true)
  })

  it('gives file:// pages no extra privileges: the renderer is served from app://', () => {
    expect(config.electronFuses?.['grantFileProtocolExtraPrivileges']).toBe(false)
  })

  it('names only fuses electron-builder knows, each set to a boolean', () => {
    const known = Object.keys(builderSchema.definitions.FuseOptionsV1.properties)
    for (const [fuse, value] of Object.entries(config.electronFuses ?? {})) {
      expect(known, fuse).toContain(fuse)
      expect(typeof value, fuse).toBe('boolean')
    }
  })
})
