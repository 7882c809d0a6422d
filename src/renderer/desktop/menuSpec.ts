import type { DesktopMenu } from '../../shared/ipc/contract'
import { commandById, type CommandId } from '../keyboard/commands'
import { desktopStrings } from '../strings/desktop'

/** The main commands, grouped as the application menu shows them. */
const MENU_SECTIONS: readonly { title: keyof typeof desktopStrings.menu; commands: readonly CommandId[] }[] = [
  {
    title: 'conversation',
    commands: [
      'composer.reply',
      'composer.note',
      'composer.insertCanned',
      'conversation.closeAndNext',
      'conversation.reopen',
      'conversation.assign',
      'conversation.assignToMe',
      'conversation.editTags',
      'conversation.createCase',
      'action.undo',
    ],
  },
  { title: 'go', commands: ['go.inbox', 'go.mine', 'go.unassigned', 'go.closed', 'go.outbox', 'search.focus', 'palette.open'] },
  { title: 'library', commands: ['cannedResponses.browse', 'tags.manage', 'commbox.newTag'] },
  { title: 'account', commands: ['settings.open', 'session.switchAccount', 'theme.toggle', 'session.signOut'] },
  { title: 'help', commands: ['sheet.open'] },
]

/** The menu main builds: titles from the registry, each command's first key from the keymap. */
export function desktopMenu(keysFor: (id: CommandId) => readonly string[]): DesktopMenu {
  return {
    sections: MENU_SECTIONS.map((section) => ({
      title: desktopStrings.menu[section.title],
      items: section.commands.map((id) => {
        const binding = keysFor(id)[0]
        return { commandId: id, label: commandById(id).title, ...(binding === undefined ? {} : { binding }) }
      }),
    })),
  }
}
