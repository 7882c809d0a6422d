/** `GET /v2/conversation/:id/timeline`: newest first, older pages via `last_loaded_id`. */
import { textField } from '../http/forms'
import { invalid, success, type OktopostAnswer } from './answers'
import { withConversation, type OktopostRequest } from './request'
import { timelineEntryWire } from './wire'

export const TIMELINE_PAGE_SIZE = 20

export function getTimeline(request: OktopostRequest): OktopostAnswer {
  return withConversation(request, (record) => {
    const entries = request.workspace.timeline(record)
    const lastLoadedId = textField(request.fields, 'last_loaded_id')
    let end = entries.length
    if (lastLoadedId !== undefined && lastLoadedId !== '') {
      end = entries.findIndex((entry) => entry.id === lastLoadedId)
      if (end === -1) return invalid({ last_loaded_id: `No timeline entry ${lastLoadedId} on this conversation` })
    }
    const page = entries.slice(Math.max(0, end - TIMELINE_PAGE_SIZE), end).reverse()
    return success({ Timeline: page.map(timelineEntryWire) })
  })
}
