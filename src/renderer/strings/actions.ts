/** What the app says when the agent acts on conversations. */
export const actionStrings = {
  closed: (count: number) => (count === 1 ? 'Closed' : `Closed ${count} conversations`),
  reopened: 'Reopened',
  assigned: (name: string, count = 1) => (count === 1 ? `Assigned to ${name}` : `Assigned ${count} conversations to ${name}`),
  tagged: (count: number) => (count === 1 ? 'Tags updated' : `Tags updated on ${count} conversations`),
  replyQueued: 'Reply queued',
  noteQueued: 'Note added',
  caseQueued: 'Salesforce case queued',
  queuedOffline: ' — it will be sent when the connection returns',
  undone: 'Undone',
  nothingToUndo: 'Nothing to undo',
  notQueued: (reason: string) => `Not queued: ${reason}`,
  nobody: 'nobody',
  you: 'you',
} as const
