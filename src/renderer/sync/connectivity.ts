import type { AppError } from '../../shared/result'

/**
 * What the status bar says about the connection. `navigator.onLine` is only trusted when it
 * says offline; being "online" is learned from requests that actually got an answer.
 */
export type ConnectivityState =
  | { kind: 'online' }
  | { kind: 'offline'; since: number }
  | { kind: 'rateLimited'; until: number }
  | { kind: 'signedOut' }

export type ConnectivityEvent =
  | { type: 'answered' }
  | { type: 'failed'; error: AppError; at: number }
  | { type: 'browserOffline'; at: number }
  | { type: 'probe'; isReachable: boolean; at: number }
  | { type: 'signedIn' }
  | { type: 'tick'; at: number }

export const INITIAL_CONNECTIVITY: ConnectivityState = { kind: 'online' }

export function nextConnectivity(state: ConnectivityState, event: ConnectivityEvent): ConnectivityState {
  switch (event.type) {
    case 'answered':
    case 'signedIn':
      return state.kind === 'signedOut' && event.type === 'answered' ? state : { kind: 'online' }
    case 'browserOffline':
      return state.kind === 'offline' ? state : { kind: 'offline', since: event.at }
    case 'probe':
      if (event.isReachable) return state.kind === 'offline' ? { kind: 'online' } : state
      return state.kind === 'offline' ? state : { kind: 'offline', since: event.at }
    case 'tick':
      return state.kind === 'rateLimited' && state.until <= event.at ? { kind: 'online' } : state
    case 'failed':
      return afterFailure(state, event.error, event.at)
  }
}

function afterFailure(state: ConnectivityState, error: AppError, at: number): ConnectivityState {
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'unknownOutcome':
      return state.kind === 'offline' ? state : { kind: 'offline', since: at }
    case 'rateLimited':
      return { kind: 'rateLimited', until: at + error.retryAfterMs }
    case 'unauthorized':
    case 'forbidden':
      return { kind: 'signedOut' }
    case 'notFound':
    case 'conflict':
    case 'invalid':
    case 'server':
    case 'invalidResponse':
    case 'internal':
      // The server answered: the connection itself is fine.
      return state.kind === 'offline' ? { kind: 'online' } : state
  }
}
