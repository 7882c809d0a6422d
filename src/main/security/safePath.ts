import path from 'node:path'

/**
 * Maps a URL path to a file inside rootDir, or null when it would leave it (`..`, encoded
 * separators, NUL bytes). `/` is the index page.
 */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const root = path.resolve(rootDir)
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const resolved = path.resolve(root, relative)
  return resolved.startsWith(root + path.sep) ? resolved : null
}
