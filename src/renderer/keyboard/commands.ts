import { keyboardStrings } from '../strings/keyboard'

/**
 * Where a command applies. The app stacks them (see scopes.ts): an open overlay hides the rest;
 * otherwise the focused composer, then an open conversation, then the list, then global.
 */
export type Scope = 'global' | 'list' | 'conversation' | 'composer' | 'overlay'

/** Groups of the shortcut sheet and the palette, in display order. */
export const commandSections = ['move', 'act', 'write', 'views', 'general', 'account'] as const
export type CommandSection = (typeof commandSections)[number]

interface CommandSpec {
  readonly id: string
  readonly section: CommandSection
  /** tinykeys syntax: 'j', 'Shift+E', '$mod+k', and sequences as 'g i'. Empty: palette only. */
  readonly defaultKeys: readonly string[]
  readonly scopes: readonly Scope[]
  /** Fires even while focus is in a text field; only for keys that cannot be typed text. */
  readonly allowInFields?: boolean
  /** The palette lists every command except the ones that drive the palette itself. */
  readonly isHiddenInPalette?: boolean
}

const specs = [
  { id: 'list.next', section: 'move', defaultKeys: ['j', 'ArrowDown'], scopes: ['list', 'conversation'] },
  { id: 'list.previous', section: 'move', defaultKeys: ['k', 'ArrowUp'], scopes: ['list', 'conversation'] },
  { id: 'list.open', section: 'move', defaultKeys: ['Enter', 'o'], scopes: ['list'] },
  { id: 'conversation.back', section: 'move', defaultKeys: ['Escape'], scopes: ['conversation'] },
  { id: 'search.focus', section: 'move', defaultKeys: ['/'], scopes: ['global'] },

  { id: 'conversation.closeAndNext', section: 'act', defaultKeys: ['e'], scopes: ['list', 'conversation'] },
  { id: 'conversation.reopen', section: 'act', defaultKeys: ['Shift+E'], scopes: ['list', 'conversation'] },
  { id: 'conversation.assign', section: 'act', defaultKeys: ['a'], scopes: ['list', 'conversation'] },
  { id: 'conversation.assignToMe', section: 'act', defaultKeys: ['i'], scopes: ['list', 'conversation'] },
  { id: 'conversation.editTags', section: 'act', defaultKeys: ['t'], scopes: ['list', 'conversation'] },
  { id: 'list.toggleSelection', section: 'act', defaultKeys: ['x'], scopes: ['list', 'conversation'] },
  { id: 'conversation.createCase', section: 'act', defaultKeys: ['s'], scopes: ['conversation'] },
  { id: 'action.undo', section: 'act', defaultKeys: ['z'], scopes: ['global'] },

  { id: 'composer.reply', section: 'write', defaultKeys: ['r'], scopes: ['conversation'] },
  { id: 'composer.note', section: 'write', defaultKeys: ['n'], scopes: ['conversation'] },
  { id: 'composer.insertCanned', section: 'write', defaultKeys: ['c'], scopes: ['conversation'] },
  { id: 'composer.send', section: 'write', defaultKeys: ['$mod+Enter'], scopes: ['composer'], allowInFields: true },
  { id: 'composer.leave', section: 'write', defaultKeys: ['Escape'], scopes: ['composer'], allowInFields: true },

  { id: 'go.inbox', section: 'views', defaultKeys: ['g i'], scopes: ['global'] },
  { id: 'go.mine', section: 'views', defaultKeys: ['g m'], scopes: ['global'] },
  { id: 'go.unassigned', section: 'views', defaultKeys: ['g u'], scopes: ['global'] },
  { id: 'go.closed', section: 'views', defaultKeys: ['g c'], scopes: ['global'] },
  { id: 'go.outbox', section: 'views', defaultKeys: ['g o'], scopes: ['global'] },

  {
    id: 'palette.open',
    section: 'general',
    defaultKeys: ['$mod+k'],
    scopes: ['global', 'overlay'],
    allowInFields: true,
    isHiddenInPalette: true,
  },
  { id: 'sheet.open', section: 'general', defaultKeys: ['?'], scopes: ['global', 'overlay'] },
  {
    id: 'overlay.close',
    section: 'general',
    defaultKeys: ['Escape'],
    scopes: ['overlay'],
    allowInFields: true,
    isHiddenInPalette: true,
  },
  { id: 'settings.open', section: 'general', defaultKeys: [], scopes: ['global'] },
  { id: 'tags.manage', section: 'general', defaultKeys: [], scopes: ['global'] },
  { id: 'cannedResponses.browse', section: 'general', defaultKeys: [], scopes: ['global'] },
  { id: 'commbox.newTag', section: 'general', defaultKeys: [], scopes: ['global'] },
  { id: 'theme.toggle', section: 'general', defaultKeys: [], scopes: ['global'] },

  { id: 'session.switchAccount', section: 'account', defaultKeys: [], scopes: ['global'] },
  { id: 'session.signOut', section: 'account', defaultKeys: [], scopes: ['global'] },
] as const satisfies readonly CommandSpec[]

export type CommandId = (typeof specs)[number]['id']

export interface Command extends CommandSpec {
  readonly id: CommandId
  readonly title: string
  /** A second line in the sheet, for keys with a twist (x then e, / in the composer). */
  readonly hint?: string
  /** Extra words the palette's search finds the command by. */
  readonly keywords?: readonly string[]
}

/** The one registry: the dispatcher, the palette and the shortcut sheet all read it. */
export const commands: readonly Command[] = specs.map((spec) => ({ ...spec, ...keyboardStrings.commands[spec.id] }))

const byId = new Map<CommandId, Command>(commands.map((command) => [command.id, command]))

export function commandById(id: CommandId): Command {
  const command = byId.get(id)
  if (!command) throw new Error(`Unknown command ${id}`)
  return command
}

export function isCommandId(value: string): value is CommandId {
  return byId.has(value as CommandId)
}
