import fs from 'node:fs/promises'
import path from 'node:path'
import { resolveInside } from '../security/safePath'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/** Reads a file of the renderer build; null for anything outside it or missing. */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  const file = resolveInside(rootDir, urlPath)
  if (!file) return null
  try {
    const body = await fs.readFile(file)
    return { body, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
