import { describe, expect, it } from 'vitest'
import { commandById, commands, type CommandId } from '../../../../src/renderer/keyboard/commands'
import { findKeyConflict } from '../../../../src/renderer/keyboard/conflicts'
import { isValidBinding } from '../../../../src/renderer/keyboard/keys'

const defaults = (id: CommandId) => commandById(id).defaultKeys

describe('the command registry', () => {
  it('holds every row of the keyboard table in DESIGN.md', () => {
    const keysOf = (id: CommandId) => [...commandById(id).defaultKeys]
    expect(keysOf('list.next')).toEqual(['j', 'ArrowDown'])
    expect(keysOf('list.previous')).toEqual(['k', 'ArrowUp'])
    expect(keysOf('list.open')).toEqual(['Enter', 'o'])
    expect(keysOf('conversation.back')).toEqual(['Escape'])
    expect(keysOf('overlay.close')).toEqual(['Escape'])
    expect(keysOf('composer.reply')).toEqual(['r'])
    expect(keysOf('composer.note')).toEqual(['n'])
    expect(keysOf('composer.send')).toEqual(['$mod+Enter'])
    expect(keysOf('conversation.closeAndNext')).toEqual(['e'])
    expect(keysOf('conversation.reopen')).toEqual(['Shift+E'])
    expect(keysOf('conversation.assign')).toEqual(['a'])
    expect(keysOf('conversation.assignToMe')).toEqual(['i'])
    expect(keysOf('conversation.editTags')).toEqual(['t'])
    expect(keysOf('composer.insertCanned')).toEqual(['c'])
    expect(keysOf('search.focus')).toEqual(['/'])
    expect(keysOf('list.toggleSelection')).toEqual(['x'])
    expect(['go.inbox', 'go.mine', 'go.unassigned', 'go.closed', 'go.outbox'].map((id) => keysOf(id as CommandId))).toEqual([
      ['g i'],
      ['g m'],
      ['g u'],
      ['g c'],
      ['g o'],
    ])
    expect(keysOf('action.undo')).toEqual(['z'])
    expect(keysOf('conversation.createCase')).toEqual(['s'])
    expect(keysOf('palette.open')).toEqual(['$mod+k'])
    expect(keysOf('sheet.open')).toEqual(['?'])
  })

  it('has the palette-only commands the rest of the agent’s day needs', () => {
    for (const id of ['settings.open', 'tags.manage', 'cannedResponses.browse', 'commbox.newTag', 'session.signOut', 'session.switchAccount', 'theme.toggle'] as const) {
      expect(commandById(id).defaultKeys).toEqual([])
    }
  })

  it('gives every command a title, and unique ids', () => {
    expect(new Set(commands.map((command) => command.id)).size).toBe(commands.length)
    expect(commands.every((command) => command.title.trim() !== '')).toBe(true)
  })

  it('marks only keys that cannot be typed text as working inside fields', () => {
    const inFields = commands.filter((command) => command.allowInFields).flatMap((command) => command.defaultKeys)
    expect(inFields.sort()).toEqual(['$mod+Enter', '$mod+k', 'Escape', 'Escape'].sort())
  })

  it('ships default keys that are valid and conflict with nothing, on either platform', () => {
    for (const command of commands) {
      expect(command.defaultKeys.every(isValidBinding)).toBe(true)
      expect(findKeyConflict(command, command.defaultKeys, defaults, 'mac')).toBeNull()
      expect(findKeyConflict(command, command.defaultKeys, defaults, 'other')).toBeNull()
    }
  })
})
