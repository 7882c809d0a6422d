import fs from 'node:fs'
import path from 'node:path'

/** The build these tests check; `npm run security` builds it first. */
export const OUT_DIR = path.resolve(import.meta.dirname, '../../../out')
export const BUILT_MAIN = path.join(OUT_DIR, 'main/index.js')
export const BUILT_PRELOAD = path.join(OUT_DIR, 'preload/index.cjs')
export const BUILT_RENDERER = path.join(OUT_DIR, 'renderer')

export function requireBuild(): void {
  const missing = [BUILT_MAIN, BUILT_PRELOAD, path.join(BUILT_RENDERER, 'index.html')].filter((file) => !fs.existsSync(file))
  if (missing.length > 0) throw new Error(`No build to check (${missing.join(', ')} missing): run "npm run build" first, or "npm run security"`)
}

export function readBuilt(file: string): string {
  return fs.readFileSync(file, 'utf8')
}

/** Every .js file of the renderer build. */
export function rendererScripts(): string[] {
  const assets = path.join(BUILT_RENDERER, 'assets')
  return fs.readdirSync(assets).filter((name) => name.endsWith('.js')).map((name) => path.join(assets, name))
}
