/** The parts of an Electron WebFrameMain the sender check needs; kept structural for tests. */
export interface SenderFrame {
  url: string
  parent: unknown
}

/**
 * A request is trusted only when it comes from the top-level frame of one of our own windows
 * and that frame shows our own app origin. An iframe, a navigated-away page or another
 * window's content is refused, whatever it sends.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  isOwnWebContents: boolean,
  appOrigin: string,
): boolean {
  if (!frame || !isOwnWebContents || frame.parent !== null) return false
  return originOf(frame.url) === appOrigin
}

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    // Custom schemes report the origin "null"; rebuild it so app://inbox-desk compares equal.
    return parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin
  } catch {
    return null
  }
}
