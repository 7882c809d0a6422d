/**
 * Text the seeded workspace is written from. Besides ordinary support chatter it holds
 * the inputs that break naive inboxes: emoji, right-to-left scripts, very long messages,
 * and hostile HTML that must be shown as text and never executed.
 */
import type { Person } from '../workspace/types'

export const HOSTILE_TEXTS = [
  '<script>alert("pwned")</script> Is anyone reading these messages?',
  'My order page shows this: <img src=x onerror="alert(document.cookie)"> what does it mean?',
  'Support told me to <a href="javascript:alert(1)">click here</a> to reset my password. Is that legit?',
  '"><svg onload=alert(1)> & <b>bold</b> &amp; <iframe src="https://evil.example"></iframe>',
] as const

export const RTL_TEXTS = [
  'مرحبا، لم يصلني الطلب بعد. رقم الطلب 48213، هل يمكنكم المساعدة؟',
  'שלום, החשבון שלי ננעל אחרי עדכון הסיסמה. אפשר לעזור?',
  'شكراً جزيلاً على الرد السريع! المشكلة حُلّت 🙏',
  'הזמנתי את Pro Plan אבל חויבתי פעמיים (2 × $49). מה קורה?',
] as const

export const EMOJI_TEXTS = [
  'Love the new dashboard!!! 😍🔥🙌 Great job team',
  'App keeps crashing on iOS 17 😡😡 fix it please 🙏',
  '👋 hi! quick q: do you ship to 🇨🇦 Canada? 📦',
  'Family emoji test 👨‍👩‍👧‍👦 and flags 🏳️‍🌈 — rendering ok?',
] as const

const LONG_PARAGRAPH =
  'I have been a customer for over six years and I have never had an experience like this one. ' +
  'The invoice for March was charged twice, the support form returns an error when I attach the ' +
  'receipt, and the chat widget closes itself whenever I switch tabs. I tried the steps in your help ' +
  'centre article about clearing the cache, signing out on every device and resetting the password, ' +
  'but nothing changed. '

/** Long enough to stress wrapping and truncation without approaching the 10,000 limit. */
export const LONG_TEXT =
  LONG_PARAGRAPH.repeat(12) + 'Please escalate this to someone who can actually refund the charge.'

export const CUSTOMER_OPENINGS = [
  'Hi, my order #{n} still has not arrived. Can you check?',
  'How do I change the billing email on my account?',
  'Your app logs me out every few minutes since the last update.',
  'Is there a student discount?',
  'The export to CSV button does nothing in Firefox.',
  'Can I move my subscription to another workspace?',
  'Great webinar yesterday, will the slides be shared?',
  'I was charged after cancelling. Please refund.',
  'Do you have an API for scheduling posts?',
  'Where can I find your status page? Everything is slow today.',
  'Loving the product, but the mobile app needs dark mode.',
  'Your checkout rejects my card but the bank says it is fine.',
  'Who should I talk to about an enterprise plan for 200 seats?',
  'The password reset email never comes.',
  'Just wanted to say your support team is amazing!',
  'Is the Tuesday outage fixed? Our reports are empty.',
  'Can I get an invoice with our VAT number on it?',
  'Why did my post get published twice?',
  ...HOSTILE_TEXTS,
  ...RTL_TEXTS,
  ...EMOJI_TEXTS,
  LONG_TEXT,
] as const

export const CUSTOMER_FOLLOW_UPS = [
  'Any update on this?',
  'Thanks, that worked!',
  'Still broken for me, sorry.',
  'Order number is {n}.',
  'I sent the screenshot by email.',
  'Hello?? It has been two days.',
  'Perfect, thank you 🙏',
  'Same problem here.',
  '+1, we see this too.',
  'Which plan includes that?',
  'ok',
  '👍',
  ...RTL_TEXTS,
  ...EMOJI_TEXTS,
  ...HOSTILE_TEXTS,
] as const

export const AGENT_REPLIES = [
  'Thanks for reaching out! We will look into this right away.',
  'Sorry about that. Could you send us your order number in a DM?',
  'We have refunded the duplicate charge; it can take 3-5 business days to show.',
  'That is fixed in version 4.2, rolling out today.',
  'Happy to help! You can change it under Settings > Billing.',
  'Our team is investigating; we will update you here.',
  'Thanks for the kind words! 💙',
  'Could you try signing out and back in and tell us if it persists?',
  'Yes, we ship to Canada 🇨🇦 within 5-7 days.',
  'شكراً لتواصلك معنا، سنتابع طلبك فوراً.',
  'תודה על הפנייה, אנחנו בודקים את זה.',
] as const

export const NOTES = [
  'Following up with the customer.',
  'Escalated to engineering team.',
  'VIP account: handle with priority.',
  'Refund approved by finance.',
  'Duplicate of the billing ticket from last week.',
  'Customer prefers email; moved the thread there.',
  'Waiting on the shipping carrier.',
  'Do not promise a date, the fix is not scheduled yet.',
  'Please handle this VIP customer',
] as const

export const SHARE_COMMENTS = [
  'Thanks for reaching out!',
  'Worth a read 👇',
  'This is why we switched.',
  'Sharing with the team.',
  '',
] as const

export const CUSTOMERS: readonly Person[] = [
  { name: 'Maria Garcia', username: 'mariag' },
  { name: 'Tom Becker', username: 'tbecker' },
  { name: 'Aisha Khan', username: 'aisha.k' },
  { name: 'Liam O\'Brien', username: 'liamob' },
  { name: 'Yuki Tanaka', username: 'yuki_t' },
  { name: 'محمد العلي', username: 'm.alali' },
  { name: 'נועה לוי', username: 'noa.levi' },
  { name: 'Chen Wei', username: 'chenwei88' },
  { name: 'Olga Petrova', username: 'olga_p' },
  { name: 'Kwame Mensah', username: 'kwamem' },
  { name: 'Sofia Rossi', username: 'sofiarossi' },
  { name: '🌸 Priya 🌸', username: 'priya.codes' },
  { name: 'Lukas Schmidt', username: 'lschmidt' },
  { name: 'Fatima Zahra', username: 'fatimaz' },
  { name: 'Jake Miller', username: 'jakem' },
  { name: '<b>Mallory</b>', username: 'mallory"><script>' },
  { name: 'Ana Souza', username: 'anasouza' },
  { name: 'Ravi Patel', username: 'ravip' },
  { name: 'Emma Wilson', username: 'emmaw' },
  { name: 'Noah Johnson', username: 'noahj' },
]

/** Fills `{n}` placeholders so repeated templates still read like different messages. */
export function fillTemplate(text: string, number: number): string {
  return text.replaceAll('{n}', String(number))
}
