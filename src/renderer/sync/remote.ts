import type { CannedResponse } from '../../shared/domain/cannedResponse'
import type { Page } from '../../shared/domain/common'
import type { Conversation, ConversationQuery } from '../../shared/domain/conversation'
import type { ConversationTag } from '../../shared/domain/conversationTag'
import type { Credential } from '../../shared/domain/credential'
import type { TimelineEntry } from '../../shared/domain/timeline'
import type { User } from '../../shared/domain/user'
import type { Lane } from '../../shared/ipc/contract'
import type { Result } from '../../shared/result'
import type { IpcClient } from '../ipc/client'
import type { Operation } from './outbox/operations'
import type { OutboxRemote } from './outbox/remote'

/** Everything sync reads from the API, plus the outbox's sends, over the IPC contract. */
export interface SyncRemote extends OutboxRemote {
  listConversations(query: ConversationQuery, lane: Lane): Promise<Result<Page<Conversation>>>
  getConversation(conversationId: string, lane: Lane): Promise<Result<Conversation>>
  timelinePage(conversationId: string, lastLoadedId: string | undefined, lane: Lane): Promise<Result<TimelineEntry[]>>
  listTags(page: number, lane: Lane): Promise<Result<Page<ConversationTag>>>
  listCannedResponses(page: number, lane: Lane): Promise<Result<Page<CannedResponse>>>
  listUsers(page: number, lane: Lane): Promise<Result<Page<User>>>
  listCredentials(lane: Lane): Promise<Result<Page<Credential>>>
}

/** Conversation tags come at most 20 a page; the other lists take larger pages. */
export const TAG_PAGE_SIZE = 20
export const LIST_PAGE_SIZE = 100

export function createIpcRemote(ipc: IpcClient): SyncRemote {
  const timelinePage = (conversationId: string, lastLoadedId: string | undefined, lane: Lane) =>
    ipc.invoke('conversation:timeline', { conversationId, lane, ...(lastLoadedId === undefined ? {} : { lastLoadedId }) })
  return {
    perform: (operation, sendId) => perform(ipc, operation, sendId),
    readConversation: (conversationId) => ipc.invoke('conversation:get', { conversationId, lane: 'user' }),
    readTimeline: (conversationId) => timelinePage(conversationId, undefined, 'user'),
    async cannedResponseNames(search) {
      const result = await ipc.invoke('cannedResponse:list', { search, count: LIST_PAGE_SIZE, lane: 'user' })
      return result.ok ? { ok: true, value: result.value.items.map((item) => item.name) } : result
    },
    listConversations: (query, lane) => ipc.invoke('conversation:list', { ...query, lane }),
    getConversation: (conversationId, lane) => ipc.invoke('conversation:get', { conversationId, lane }),
    timelinePage,
    listTags: (page, lane) => ipc.invoke('tag:list', { page, count: TAG_PAGE_SIZE, order: { field: 'name', direction: 'asc' }, lane }),
    listCannedResponses: (page, lane) => ipc.invoke('cannedResponse:list', { page, count: LIST_PAGE_SIZE, lane }),
    listUsers: (page, lane) => ipc.invoke('user:list', { page, count: LIST_PAGE_SIZE, lane }),
    listCredentials: (lane) => ipc.invoke('credential:list', { lane }),
  }
}

function perform(ipc: IpcClient, operation: Operation, sendId: string): Promise<Result<unknown>> {
  switch (operation.kind) {
    case 'reply': {
      const { conversationId, network, itemType, kind: _kind, ...input } = operation
      return ipc.invoke('conversation:reply', { conversation: { id: conversationId, network, itemType, status: 'open' }, ...input, sendId })
    }
    case 'note':
      return ipc.invoke('conversation:addNote', { conversationId: operation.conversationId, note: operation.note, sendId })
    case 'setStatus':
      return ipc.invoke('conversation:setStatus', { conversationId: operation.conversationId, status: operation.status, sendId })
    case 'assign': {
      const { kind: _kind, ...request } = operation
      return ipc.invoke('conversation:assign', { ...request, sendId })
    }
    case 'replaceTags':
      return ipc.invoke('conversation:replaceTags', { conversationId: operation.conversationId, tags: operation.tags, sendId })
    case 'renameTag':
      return ipc.invoke('tag:rename', { tagId: operation.tagId, name: operation.name, sendId })
    case 'deleteTag':
      return ipc.invoke('tag:delete', { tagId: operation.tagId, sendId })
    case 'createCannedResponse': {
      const { kind: _kind, ...input } = operation
      return ipc.invoke('cannedResponse:create', { ...input, sendId })
    }
    case 'createCase': {
      const { kind: _kind, ...request } = operation
      return ipc.invoke('conversation:createCase', { ...request, sendId })
    }
    case 'createCommboxTag':
      return ipc.invoke('commbox:createTag', { ...operation.input, sendId })
  }
}
