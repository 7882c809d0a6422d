import { describe, expect, it } from 'vitest'
import { desktopMenu } from '../../../../src/renderer/desktop/menuSpec'
import { commandById, type CommandId } from '../../../../src/renderer/keyboard/commands'
import { desktopMenuSchema } from '../../../../src/shared/ipc/contract'

describe('the application menu the renderer describes', () => {
  it('carries the main commands with their titles and current first keys, in the contract’s shape', () => {
    const keysFor = (id: CommandId) => (id === 'composer.reply' ? ['Shift+R', 'r'] : commandById(id).defaultKeys)
    const menu = desktopMenu(keysFor)
    expect(desktopMenuSchema.safeParse(menu).success).toBe(true)
    const items = menu.sections.flatMap((section) => section.items)
    expect(items.find((item) => item.commandId === 'composer.reply')).toEqual({ commandId: 'composer.reply', label: 'Reply', binding: 'Shift+R' })
    expect(items.find((item) => item.commandId === 'settings.open')).toEqual({ commandId: 'settings.open', label: 'Open settings' })
    expect(items.map((item) => item.commandId)).toEqual(expect.arrayContaining(['go.inbox', 'conversation.createCase', 'commbox.newTag', 'session.switchAccount']))
  })
})
