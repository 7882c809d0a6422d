import type { CommandId, CommandSection } from '../keyboard/commands'

interface CommandText {
  title: string
  hint?: string
  keywords?: string[]
}

/** User-visible strings of the command registry, the palette and the shortcut sheet. */
export const keyboardStrings = {
  commands: {
    'list.next': { title: 'Next conversation', keywords: ['down'] },
    'list.previous': { title: 'Previous conversation', keywords: ['up'] },
    'list.open': { title: 'Open conversation' },
    'conversation.back': { title: 'Back to the list' },
    'search.focus': { title: 'Search conversations', keywords: ['find', 'filter'] },
    'conversation.closeAndNext': { title: 'Close and go to next', keywords: ['done', 'archive', 'resolve'] },
    'conversation.reopen': { title: 'Reopen conversation' },
    'conversation.assign': { title: 'Assign to…', keywords: ['owner', 'agent'] },
    'conversation.assignToMe': { title: 'Assign to me', keywords: ['take'] },
    'conversation.editTags': { title: 'Edit tags…', keywords: ['label'] },
    'list.toggleSelection': {
      title: 'Select for bulk actions',
      hint: 'Then e, a or t closes, assigns or tags every selected conversation',
      keywords: ['bulk', 'multiple', 'check'],
    },
    'conversation.createCase': { title: 'Create Salesforce case…', keywords: ['crm', 'ticket'] },
    'action.undo': { title: 'Undo last action', hint: 'While its undo window is open', keywords: ['revert'] },
    'composer.reply': { title: 'Reply', keywords: ['answer', 'respond', 'write'] },
    'composer.note': { title: 'Add internal note', keywords: ['comment', 'private'] },
    'composer.insertCanned': {
      title: 'Insert canned response…',
      hint: 'Or type / at the start of a word in the composer',
      keywords: ['template', 'snippet', 'macro'],
    },
    'composer.send': { title: 'Send', hint: 'Into the outbox; it leaves after the undo window', keywords: ['submit'] },
    'composer.leave': { title: 'Leave the composer', hint: 'The draft is kept' },
    'go.inbox': { title: 'Go to Inbox', keywords: ['open', 'view'] },
    'go.mine': { title: 'Go to Assigned to me', keywords: ['mine', 'view'] },
    'go.unassigned': { title: 'Go to Unassigned', keywords: ['view'] },
    'go.closed': { title: 'Go to Closed', keywords: ['view', 'done'] },
    'go.outbox': { title: 'Go to Outbox', keywords: ['queue', 'pending', 'offline', 'view'] },
    'palette.open': { title: 'Command palette' },
    'sheet.open': { title: 'Keyboard shortcuts', keywords: ['help', 'keys', 'cheat sheet'] },
    'overlay.close': { title: 'Close this panel' },
    'settings.open': { title: 'Open settings', keywords: ['preferences', 'keymap'] },
    'tags.manage': { title: 'Manage tags…', keywords: ['rename', 'delete', 'labels'] },
    'cannedResponses.browse': { title: 'Canned responses…', keywords: ['templates', 'snippets'] },
    'commbox.newTag': { title: 'New CommBox tag…', keywords: ['goal', 'miss'] },
    'theme.toggle': { title: 'Toggle light / dark theme', keywords: ['appearance', 'dark mode'] },
    'session.switchAccount': { title: 'Switch account…', keywords: ['workspace'] },
    'session.signOut': { title: 'Sign out', keywords: ['log out', 'logout'] },
  } satisfies Record<CommandId, CommandText>,
  sections: {
    move: 'Moving around',
    act: 'Acting on conversations',
    write: 'Writing',
    views: 'Views',
    general: 'General',
    account: 'Account',
  } satisfies Record<CommandSection, string>,
  keys: {
    then: 'then',
    or: 'or',
    names: {
      ArrowDown: '↓',
      ArrowUp: '↑',
      ArrowLeft: '←',
      ArrowRight: '→',
      Escape: 'Esc',
      Enter: 'Enter',
      ' ': 'Space',
      Backspace: 'Backspace',
      Delete: 'Delete',
      Tab: 'Tab',
    } as Readonly<Record<string, string>>,
    modifiers: {
      mac: { Meta: '⌘', Control: '⌃', Alt: '⌥', Shift: '⇧' },
      other: { Meta: 'Win', Control: 'Ctrl', Alt: 'Alt', Shift: 'Shift' },
    },
  },
  palette: {
    label: 'Command palette',
    /** The sidebar's button that opens the palette. */
    openButton: 'Commands',
    placeholder: 'Type a command or search…',
    listLabel: 'Commands',
    empty: (query: string) => `No command matches “${query}”`,
    unavailable: 'Not available here',
    footerMove: 'to move',
    footerRun: 'to run',
    footerClose: 'to close',
  },
  sheet: {
    title: 'Keyboard shortcuts',
    subtitle: 'Single keys work whenever you aren’t typing in a field.',
    close: 'Close',
    remapped: 'Changed by you',
  },
  remap: {
    invalidKeys: (keys: string) => `“${keys}” isn’t a key combination Inbox Desk understands`,
    conflict: (keys: string, otherTitle: string) =>
      `${keys} is already used by “${otherTitle}”. Change or reset that shortcut first.`,
    prefixConflict: (keys: string, otherKeys: string, otherTitle: string) =>
      `${keys} and ${otherKeys} (“${otherTitle}”) start the same way, so one would block the other.`,
  },
} as const
