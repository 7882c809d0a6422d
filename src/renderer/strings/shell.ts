/** User-visible strings of the app shell, in one place so they can be translated. */
export const shellStrings = {
  appName: 'Inbox Desk',
  views: {
    inbox: 'Inbox',
    mine: 'Assigned to me',
    unassigned: 'Unassigned',
    closed: 'Closed',
    outbox: 'Outbox',
  },
  navigationLabel: 'Views',
  listLabel: 'Conversations',
  searchPlaceholder: 'Search conversations',
  emptyList: {
    title: 'No conversations here yet',
    body: 'Sign in to your Oktopost account, or try the demo workspace, to fill your inbox.',
    action: 'Sign in',
  },
  emptyConversation: {
    title: 'Pick a conversation',
    body: 'Move with j and k, open with Enter. Press ? for every shortcut.',
  },
  status: {
    connecting: 'Connecting…',
    ready: 'Ready',
    failed: 'Main process unreachable',
    electron: 'Desktop app',
    http: 'Browser preview',
  },
} as const
