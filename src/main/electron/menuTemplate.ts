import type { MenuItemConstructorOptions } from 'electron'
import type { DesktopMenu } from '../../shared/ipc/contract'
import { bindingToAccelerator } from './accelerators'

export interface MenuTemplateOptions {
  platform: NodeJS.Platform
  /** A menu item was chosen: the renderer runs the command, as if its keys were pressed. */
  onCommand(commandId: string): void
}

/**
 * The application menu: the platform's standard menus (app, Edit, View, Window) around the
 * command sections the renderer describes.
 *
 * The command items' accelerators are shown but not registered (`registerAccelerator: false`):
 * the renderer's dispatcher owns those keys, so single keys like `j` keep working as typing in
 * a text field, scopes apply, and the agent's remapped keys are the ones that count.
 */
export function buildMenuTemplate(menu: DesktopMenu, options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const commandMenus: MenuItemConstructorOptions[] = menu.sections.map((section) => ({
    label: section.title,
    submenu: section.items.map((item) => {
      const accelerator = item.binding === undefined ? null : bindingToAccelerator(item.binding)
      return {
        label: item.label,
        ...(accelerator === null ? {} : { accelerator, registerAccelerator: false }),
        click: () => options.onCommand(item.commandId),
      }
    }),
  }))
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'editMenu' },
    ...commandMenus,
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ]
}
