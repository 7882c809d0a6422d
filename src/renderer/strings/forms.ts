const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

/** User-visible strings of the forms of issue 6: canned responses, Salesforce cases, CommBox tags. */
export const formStrings = {
  dialog: {
    close: 'Close',
    cancel: 'Cancel',
    submitHint: 'to save',
    confirmHint: 'to confirm',
  },
  counter: (length: number, max: number) => `${length.toLocaleString('en-US')} / ${max.toLocaleString('en-US')}`,
  submission: {
    sending: 'Sending…',
    queuedOffline: 'You’re offline: it goes out when the connection returns.',
    queuedWaiting: 'It goes out after the changes ahead of it; the Outbox (g o) shows how it is doing.',
  },
  canned: {
    title: 'New canned response',
    subtitle: 'A reusable reply your team can insert with c in any conversation.',
    name: 'Name',
    namePlaceholder: 'e.g. Refund issued',
    nameHint: 'Up to 64 characters; each name is used once.',
    content: 'Response text',
    contentPlaceholder: 'Hi {name}, thanks for reaching out…',
    visibility: 'Who can use it',
    visibilities: {
      shared: { label: 'Everyone', detail: 'Shared with the team' },
      private: { label: 'Only me', detail: 'Private to you' },
    },
    submit: 'Create canned response',
    created: (name: string) => `Canned response “${name}” created`,
    queued: (name: string) => `Canned response “${name}” queued`,
  },
  case: {
    title: 'Create Salesforce case',
    subtitle: (who: string) => `From the conversation with ${who}.`,
    integrationId: 'Salesforce integration id',
    integrationHint: 'Oktopost → Settings → Integrations → Salesforce. Remembered for next time.',
    caseOwner: 'Case owner',
    caseOwnerHint: 'Optional: a Salesforce user id or email.',
    contactId: 'Contact id',
    contactIdHint: 'Optional: the Salesforce contact the case is about.',
    description: 'Description',
    descriptionPlaceholder: 'What the customer needs, in a sentence or two',
    submit: 'Create case',
    created: 'Salesforce case created',
    queued: 'Salesforce case queued',
    noConversation: 'Open a conversation first: a case is created from one.',
  },
  commbox: {
    title: 'New CommBox tag',
    subtitle: 'Create a tag in your CommBox brand.',
    name: 'Tag name',
    namePlaceholder: 'e.g. Asked for a refund',
    type: 'Type',
    types: {
      tag: { label: 'Tag', detail: 'A label' },
      goal: { label: 'Goal', detail: 'Something achieved' },
      miss: { label: 'Miss', detail: 'Something missed' },
    },
    tagGroupId: 'Tag group id',
    tagGroupHint: '0 makes a free-standing tag; otherwise the id of a CommBox tag group.',
    attachesTo: 'Can be attached to',
    attachments: {
      objectTag: { label: 'Conversations', detail: 'The whole conversation' },
      userTag: { label: 'Customers', detail: 'The person, across conversations' },
      childTag: { label: 'Single messages', detail: 'One comment or reply' },
    },
    submit: 'Create tag',
    created: (name: string) => `CommBox tag “${name}” created`,
    queued: (name: string) => `CommBox tag “${name}” queued`,
    noToken: {
      title: 'No CommBox API key yet',
      detail: 'Add the key from the CommBox management console in Settings, then create tags here.',
      action: 'Open CommBox settings',
    },
  },
  /** What the server's answers mean, in the words of each form. */
  answers: {
    canned: {
      duplicate: {
        title: 'A canned response with this name exists',
        detail: 'Names are unique in the account. Choose another name, or use the existing response.',
        field: 'A canned response with this name exists',
      },
      refused: 'Oktopost refused the canned response',
    },
    case: {
      noIntegration: {
        title: 'No active Salesforce integration',
        detail:
          'This Oktopost account has no Salesforce integration switched on, so cases can’t be created. An Oktopost admin connects one under Settings → Integrations → Salesforce; then send the case again.',
        field: 'The account has no active Salesforce integration',
      },
      unknownIntegration: {
        title: 'Oktopost doesn’t know this integration',
        detail: 'Copy the integration id from Oktopost (Settings → Integrations → Salesforce) and try again.',
        field: 'Not an integration of this account',
      },
      refused: 'Oktopost refused the case',
      gone: {
        title: 'The conversation is gone',
        detail: 'Oktopost no longer has this conversation, or you no longer have access to it.',
      },
      unknownOutcome: {
        title: 'The case may have been created',
        detail: 'The answer was lost on the way back, and Oktopost offers no way to check. Look in Salesforce before sending it again.',
      },
    },
    tag: {
      duplicate: { title: 'A tag with this name exists', detail: 'Tag names are unique in the account, whatever their case. Choose another name.' },
      refused: 'Oktopost refused the new name',
      gone: { title: 'The tag is gone', detail: 'It was deleted meanwhile, perhaps by someone else.' },
    },
    commbox: {
      invalid: {
        title: 'CommBox refused the tag (400)',
        detail: (said: string) => `CommBox said: “${said}”. Check the name (CommBox takes up to 255 characters), the type and the tag group.`,
      },
      unauthorized: {
        title: 'CommBox didn’t accept the API key (401)',
        detail: 'The key may have been replaced or revoked. Enter the current key in Settings → CommBox, then send the tag again.',
      },
      forbidden: {
        title: 'This CommBox key can’t create tags (403)',
        detail: 'Ask a CommBox administrator for a key that may manage tags.',
      },
      notFound: {
        title: 'No such tag group in CommBox (404)',
        detail: 'CommBox has no tag group with this id. Use 0 for a free-standing tag, or the id of an existing group.',
        field: 'CommBox has no tag group with this id',
      },
      rateLimited: {
        title: 'CommBox asked to slow down (429)',
        detail: 'Too many requests reached CommBox in a short time. The tag waits in the outbox and is sent again on its own.',
      },
      server: {
        title: (status: number) => `CommBox had a problem (${status})`,
        detail: 'This is on CommBox’s side. The tag is sent again on its own after a pause; nothing to do.',
      },
      unknownOutcome: {
        title: 'The tag may have been created',
        detail: 'The answer from CommBox was lost on the way back. Look in CommBox before sending it again.',
      },
    },
    common: {
      network: { title: 'No connection', detail: 'It waits in the outbox and goes out when the connection returns.' },
      rateLimited: (service: string, retryAfterMs?: number) => ({
        title: `${service} asked to slow down`,
        detail: retryAfterMs === undefined ? 'It is sent again on its own shortly.' : `It is sent again on its own in ${seconds(retryAfterMs)} s.`,
      }),
      unauthorized: (service: string) => ({ title: `${service} didn’t accept the saved key`, detail: 'Sign in again; the change waits in the outbox meanwhile.' }),
      forbidden: (service: string) => ({ title: `Your ${service} user isn’t allowed to do that`, detail: 'Ask an administrator for the permission.' }),
      notFound: (service: string) => ({ title: `${service} has no such item`, detail: 'It may have been deleted, or you no longer have access to it.' }),
      server: (service: string) => ({ title: `${service} had a problem`, detail: 'It is sent again on its own after a pause.' }),
      unexpected: (service: string) => ({ title: `${service} answered in an unexpected way`, detail: 'Try again; if it keeps happening, discard it from the Outbox.' }),
    },
  },
} as const
