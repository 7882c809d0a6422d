import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Session, SignInRequest } from '../../shared/domain/session'
import type { AppError, Result } from '../../shared/result'
import { useIpc } from '../ipc'

/**
 * Who is signed in to Oktopost, as main reports it. The key itself never reaches the renderer;
 * the session is the user, the account and the endpoint.
 */
export const useSessionStore = defineStore('session', () => {
  const session = ref<Session | null>(null)
  /** Why main could not say who is signed in; the app then offers sign-in. */
  const loadError = ref<AppError | null>(null)
  const isSignedIn = computed(() => session.value !== null)
  let loaded: Promise<void> | null = null

  async function fetchStatus(): Promise<void> {
    const status = await useIpc().invoke('auth:status', {})
    session.value = status.ok ? status.value.oktopost : null
    loadError.value = status.ok ? null : status.error
  }

  /** Asks main once; later calls wait for the same answer (the router guard calls it per navigation). */
  function load(): Promise<void> {
    loaded ??= fetchStatus()
    return loaded
  }

  function adopt(result: Result<Session>): Result<Session> {
    if (result.ok) {
      session.value = result.value
      loadError.value = null
    }
    return result
  }

  async function signIn(request: SignInRequest): Promise<Result<Session>> {
    return adopt(await useIpc().invoke('auth:signIn', request))
  }

  async function startDemo(): Promise<Result<Session>> {
    return adopt(await useIpc().invoke('auth:startDemo', {}))
  }

  async function signOut(): Promise<Result<null>> {
    const result = await useIpc().invoke('auth:signOut', {})
    if (result.ok) session.value = null
    return result
  }

  return { session, loadError, isSignedIn, load, signIn, startDemo, signOut }
})
