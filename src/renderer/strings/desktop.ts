/** User-visible strings of the desktop integration: the application menu and notifications. */
export const desktopStrings = {
  menu: {
    conversation: 'Conversation',
    go: 'Go',
    library: 'Library',
    account: 'Account',
    help: 'Help',
  },
  assigned: {
    title: 'Assigned to you',
    titleMany: (count: number) => `${count} conversations assigned to you`,
    body: (who: string, network: string, text: string) => (text === '' ? `${who} on ${network}` : `${who} on ${network}: ${text}`),
    bodyMany: (names: string) => names,
  },
} as const
