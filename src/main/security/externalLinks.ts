/**
 * Links in network content open in the OS browser only when they are plain https URLs:
 * no javascript:, file:, data:, custom schemes or embedded credentials.
 */
export function isSafeExternalUrl(candidate: string): boolean {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === ''
}
