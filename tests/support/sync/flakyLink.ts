import type { SyncRemote } from '../../../src/renderer/sync/remote'
import type { Result } from '../../../src/shared/result'

/**
 * Stands between an engine and main for the soak: it can cut the connection (requests fail
 * as they do with no network: nothing sent) and it can "crash" the engine using it, after
 * which that engine's calls never return, like a process that died mid-request.
 */
export class FlakyLink {
  isOffline = false
  private generation = 0

  constructor(private readonly remote: SyncRemote) {}

  /** A remote for the engine of the current generation. */
  remoteForEngine(): SyncRemote {
    const generation = this.generation
    const guard = <T>(call: () => Promise<Result<T>>): Promise<Result<T>> => {
      if (generation !== this.generation) return new Promise(() => {})
      if (this.isOffline) return Promise.resolve({ ok: false, error: { kind: 'network', message: 'offline (soak)' } })
      return call().then((result) => (generation === this.generation ? result : new Promise<Result<T>>(() => {})))
    }
    const remote = this.remote
    return {
      perform: (operation, sendId) => guard(() => remote.perform(operation, sendId)),
      readConversation: (id) => guard(() => remote.readConversation(id)),
      readTimeline: (id) => guard(() => remote.readTimeline(id)),
      cannedResponseNames: (search) => guard(() => remote.cannedResponseNames(search)),
      listConversations: (query, lane) => guard(() => remote.listConversations(query, lane)),
      getConversation: (id, lane) => guard(() => remote.getConversation(id, lane)),
      timelinePage: (id, last, lane) => guard(() => remote.timelinePage(id, last, lane)),
      listTags: (page, lane) => guard(() => remote.listTags(page, lane)),
      listCannedResponses: (page, lane) => guard(() => remote.listCannedResponses(page, lane)),
      listUsers: (page, lane) => guard(() => remote.listUsers(page, lane)),
      listCredentials: (lane) => guard(() => remote.listCredentials(lane)),
    }
  }

  /** Everything in flight from the current engine is lost; the next engine starts clean. */
  crash(): void {
    this.generation += 1
  }
}
