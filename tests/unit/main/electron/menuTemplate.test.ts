import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate } from '../../../../src/main/electron/menuTemplate'
import type { DesktopMenu } from '../../../../src/shared/ipc/contract'

const menu: DesktopMenu = {
  sections: [
    {
      title: 'Conversation',
      items: [
        { commandId: 'composer.reply', label: 'Reply', binding: 'r' },
        { commandId: 'conversation.reopen', label: 'Reopen conversation', binding: 'Shift+E' },
        { commandId: 'go.inbox', label: 'Go to Inbox', binding: 'g i' },
        { commandId: 'settings.open', label: 'Open settings' },
      ],
    },
  ],
}

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return (template.find((item) => item.label === label)?.submenu ?? []) as MenuItemConstructorOptions[]
}

describe('the application menu', () => {
  it('carries the commands with their keys shown, not registered, so the renderer keeps owning them', () => {
    const template = buildMenuTemplate(menu, { platform: 'linux', onCommand: () => undefined })
    const items = submenuOf(template, 'Conversation')
    expect(items.map(({ label, accelerator, registerAccelerator }) => ({ label, accelerator, registerAccelerator }))).toEqual([
      { label: 'Reply', accelerator: 'R', registerAccelerator: false },
      { label: 'Reopen conversation', accelerator: 'Shift+E', registerAccelerator: false },
      { label: 'Go to Inbox', accelerator: undefined, registerAccelerator: undefined },
      { label: 'Open settings', accelerator: undefined, registerAccelerator: undefined },
    ])
  })

  it('hands a chosen item to the renderer as its command id', () => {
    const onCommand = vi.fn()
    const template = buildMenuTemplate(menu, { platform: 'linux', onCommand })
    const reply = submenuOf(template, 'Conversation')[0]
    ;(reply?.click as () => void)()
    expect(onCommand).toHaveBeenCalledWith('composer.reply')
  })

  it('keeps the standard menus, with the app menu first on macOS only', () => {
    const roles = (platform: NodeJS.Platform) => buildMenuTemplate({ sections: [] }, { platform, onCommand: () => undefined }).map((item) => item.role ?? item.label)
    expect(roles('darwin')).toEqual(['appMenu', 'editMenu', 'View', 'windowMenu'])
    expect(roles('win32')).toEqual(['editMenu', 'View', 'windowMenu'])
  })
})
