/**
 * The Content Security Policy of every page the app shows, in Electron and in the browser
 * preview. Scripts and styles come only from the app itself; network content is text, so
 * nothing else may run, frame, submit or be fetched.
 */
const PRODUCTION_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'https:'],
  'media-src': ["'self'", 'https:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
}

/** Vite's dev server injects styles and talks to its HMR websocket; only `npm run dev` gets this. */
const DEVELOPMENT_EXTRAS: Record<string, string[]> = {
  'style-src': ["'unsafe-inline'"],
  'connect-src': ['ws://localhost:*', 'http://localhost:*'],
}

export function contentSecurityPolicy(options: { isDevelopment?: boolean } = {}): string {
  return Object.entries(PRODUCTION_DIRECTIVES)
    .map(([directive, sources]) => {
      const extras = options.isDevelopment ? (DEVELOPMENT_EXTRAS[directive] ?? []) : []
      return `${directive} ${[...sources, ...extras].join(' ')}`
    })
    .join('; ')
}

/** `frame-ancestors` is ignored (and warned about) in a meta tag; leave it to the header. */
export function contentSecurityPolicyForMeta(options: { isDevelopment?: boolean } = {}): string {
  return contentSecurityPolicy(options)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ')
}
