/**
 * The small collections of a workspace: users, connected profiles, tags, canned responses.
 * They are the same for every seed so that tests and docs can name them (`00A000000000001`
 * is always Jane Smith, the API key's owner); the seed varies the conversations.
 */
import { DAY_MS, HOUR_MS } from '../dates'
import { formatId, ID_PREFIX } from '../ids'
import type { CannedResponse, Credential, Network, Tag, User } from '../workspace/types'

/** Seeded data is dated relative to this instant so the same seed always yields the same data. */
export const SEED_ANCHOR_MS = Date.UTC(2025, 3, 1, 12, 0, 0)

const USER_ROWS = [
  ['Jane Smith', 'jane@example.com', 'Admin', 'America/New_York'],
  ['Omar Haddad', 'omar@example.com', 'Manager', 'Asia/Dubai'],
  ['Dana Cohen', 'dana@example.com', 'Agent', 'Asia/Jerusalem'],
  ['Carlos Mendes', 'carlos@example.com', 'Agent', 'America/Sao_Paulo'],
  ['Hannah Müller', 'hannah@example.com', 'Agent', 'Europe/Berlin'],
  ['Kenji Watanabe', 'kenji@example.com', 'Agent', 'Asia/Tokyo'],
] as const

/** The user the sandbox's API key belongs to (`GET /v2/me`). */
export const ME_USER_ID = formatId(ID_PREFIX.user, 1)

export const ACCOUNT_NAME = 'Acme Inc'

export function seedUsers(): User[] {
  return USER_ROWS.map(([name, email, role, timezone], index) => ({
    id: formatId(ID_PREFIX.user, index + 1),
    name,
    email,
    role,
    timezone,
    lastLogin: SEED_ANCHOR_MS - index * 7 * HOUR_MS,
  }))
}

const CREDENTIAL_ROWS: ReadonlyArray<readonly [Network, string, string, Credential['status']]> = [
  ['Facebook', 'Acme Inc', 'acmeinc', 'active'],
  ['Facebook', 'Acme Support', 'acmesupport', 'active'],
  ['Twitter', 'Acme Inc', 'acme', 'active'],
  ['Twitter', 'Acme Help', 'acmehelp', 'active'],
  ['LinkedIn', 'Acme Inc', 'acme-inc', 'active'],
  ['YouTube', 'Acme TV', 'AcmeTV', 'active'],
  ['Instagram', 'Acme Inc', 'acme.inc', 'active'],
  ['Instagram', 'Acme Old Brand', 'acme.old', 'expired'],
  ['TikTok', 'Acme Inc', 'acmeinc', 'active'],
]

export function seedCredentials(): Credential[] {
  return CREDENTIAL_ROWS.map(([network, displayName, username, status], index) => ({
    id: formatId(ID_PREFIX.credential, index + 1),
    created: SEED_ANCHOR_MS - (400 - index * 11) * DAY_MS,
    name: `${displayName} (${network})`,
    displayName,
    status,
    network,
    imageLink: `https://cdn.example.com/avatars/${username}.png`,
    networkUsername: username,
  }))
}

const TAG_NAMES = [
  'Support', 'VIP', 'Billing', 'Bug', 'Feature Request',
  'Complaint', 'Praise', 'Urgent', 'Shipping', 'Sales Lead',
] as const

export function seedTags(): Tag[] {
  return TAG_NAMES.map((value, index) => ({ id: formatId(ID_PREFIX.tag, index + 1), value }))
}

/** Dated in id order, so "oldest first" and "in id order" agree, as on the seed page. */
const CANNED_ROWS: ReadonlyArray<readonly [string, string, CannedResponse['visibility'], string]> = [
  ['Welcome Reply', 'Thanks for reaching out! How can we help you today?', 'shared', '2025-01-15T08:30:00Z'],
  ['Follow-up', 'Just checking in — were we able to resolve your question?', 'private', '2025-02-20T14:00:00Z'],
  ['Refund Issued', 'We have issued a refund. It can take 3-5 business days to appear on your statement.', 'shared', '2025-02-21T10:00:00Z'],
  ['Ask for DM', 'Could you send us a direct message with your order number so we can look into it?', 'shared', '2025-02-22T09:15:00Z'],
  ['Known Outage', 'We are aware of the issue and our engineers are on it. Updates: https://status.example.com', 'shared', '2025-02-24T16:40:00Z'],
  ['Password Reset', 'You can reset your password at https://example.com/reset. The link is valid for 1 hour.', 'shared', '2025-02-26T11:05:00Z'],
  ['Thanks 💙', 'Thank you so much for the kind words! 💙 We will pass them on to the team.', 'shared', '2025-02-28T13:30:00Z'],
  ['Arabic Greeting', 'مرحباً! شكراً لتواصلك معنا. كيف يمكننا مساعدتك اليوم؟', 'shared', '2025-03-03T08:00:00Z'],
  ['Hebrew Greeting', 'שלום! תודה שפנית אלינו. איך נוכל לעזור?', 'shared', '2025-03-03T08:05:00Z'],
  ['Shipping Times', 'Standard shipping takes 5-7 business days; express takes 1-2.', 'shared', '2025-03-06T15:20:00Z'],
  ['Escalation', 'I have escalated this to our specialist team; you will hear from us within 24 hours.', 'private', '2025-03-10T17:45:00Z'],
  ['Closing', 'Glad we could help! Feel free to reach out any time.', 'shared', '2025-03-14T09:00:00Z'],
]

export function seedCannedResponses(users: readonly User[]): CannedResponse[] {
  return CANNED_ROWS.map(([name, content, visibility, created], index) => ({
    id: formatId(ID_PREFIX.cannedResponse, index + 1),
    name,
    content,
    visibility,
    created: Date.parse(created),
    createdBy: users[index < 2 ? 0 : index % users.length]?.id ?? ME_USER_ID,
  }))
}
