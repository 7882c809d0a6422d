/** A minimal method + path router: `:name` segments capture one path segment. */

export type RouteParams = Readonly<Record<string, string>>

interface Route<Handler> {
  method: string
  segments: readonly string[]
  handler: Handler
}

export interface RouteMatch<Handler> {
  handler: Handler
  params: RouteParams
}

export class Router<Handler> {
  private readonly routes: Route<Handler>[] = []

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: splitPath(pattern), handler })
    return this
  }

  match(method: string, path: string): RouteMatch<Handler> | undefined {
    const segments = splitPath(path)
    for (const route of this.routes) {
      if (route.method !== method) continue
      const params = matchSegments(route.segments, segments)
      if (params !== undefined) return { handler: route.handler, params }
    }
    return undefined
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '')
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): RouteParams | undefined {
  if (pattern.length !== actual.length) return undefined
  const params: Record<string, string> = {}
  for (const [position, expected] of pattern.entries()) {
    const segment = actual[position] ?? ''
    if (expected.startsWith(':')) {
      params[expected.slice(1)] = safeDecode(segment)
    } else if (expected !== segment) {
      return undefined
    }
  }
  return params
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
