import type { DesktopNotification } from '../../shared/ipc/contract'

// Control and bidi-override characters could hide or reorder what the agent reads.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const MARKUP = /[&<>]/g
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * What a system notification may show: plain text, tidy and short. Linux notification servers
 * read the body as markup (the freedesktop spec), so there `&`, `<` and `>` are escaped to
 * show as typed, as Signal Desktop does; the title is never markup.
 */
export function notificationText(notification: DesktopNotification, platform: NodeJS.Platform): DesktopNotification {
  const tidy = (text: string) => text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim()
  const body = tidy(notification.body)
  return {
    title: tidy(notification.title),
    body: platform === 'linux' ? body.replace(MARKUP, (character) => ENTITIES[character] ?? character) : body,
  }
}
