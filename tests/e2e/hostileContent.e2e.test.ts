import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invokeInPage } from '../support/appInPage'
import { startAppSession, type AppSession } from '../support/appSession'

/**
 * Text from social networks is shown as text. The demo workspace seeds hostile items
 * (`<script>`, `<img onerror>`, `javascript:` links, markup in names; src/sandbox/seed/texts.ts)
 * and this test adds more where an agent meets them: a customer message and author name, a
 * note, tags, a canned response and attachment URLs (`javascript:` and `data:`). Wherever they
 * appear (list rows, the open conversation, the palette, the canned-response picker) no
 * element is injected, no dialog opens and the page reports no error.
 */
const HOSTILE = {
  message: `<img src=x onerror="alert('message')"><iframe src="javascript:alert('frame')"></iframe> see data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  authorName: `<svg onload=alert('name')>Eve`,
  note: `<a href="javascript:alert('note')">internal</a><style>*{display:none}</style>`,
  tags: [`<script>alert('tag')</script>`, `javascript:alert('tag')`],
  cannedName: `<img src=x onerror=alert('canned')>`,
  cannedContent: `<a href="javascript:alert('canned')">Reset</a> <script>alert('canned')</script>`,
  media: [`https://example.com/a.png?"><img src=x onerror=alert('media')>`],
  /** Shown, never linked: only plain https URLs become links. */
  unlinkedMedia: [`javascript:alert('media')`, `data:text/html,<script>alert('media')</script>`],
}
const SEEDED_SCRIPT = '<script>alert("pwned")</script> Is anyone reading these messages?'
const HOSTILE_CONVERSATION = 'eit000000000002'

let app: AppSession
let page: Page
const dialogs: string[] = []

async function expectOk(channel: string, payload: unknown): Promise<void> {
  const answer = await invokeInPage(page, channel, payload)
  if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`)
}

/** Everything in the document that markup from the network could have produced. */
function injectedElements(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    for (const element of document.querySelectorAll('*')) {
      const describe = `${element.tagName.toLowerCase()} ${element.outerHTML.slice(0, 100)}`
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`handler attribute: ${describe}`)
        if (/^(href|src|action|formaction|xlink:href)$/i.test(attribute.name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) found.push(`script URL: ${describe}`)
      }
      if (['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE'].includes(element.tagName)) found.push(`element: ${describe}`)
      if (element.tagName === 'SCRIPT' && !/^\.?\/assets\/[\w.-]+\.js$/.test(element.getAttribute('src') ?? '')) found.push(`script: ${describe}`)
      if (element.tagName === 'STYLE' && /display:\s*none/.test(element.textContent ?? '')) found.push(`style: ${describe}`)
      if (element.getAttribute('src') === 'x') found.push(`image: ${describe}`)
    }
    return found
  })
}

beforeAll(async () => {
  app = await startAppSession(['--sandbox'])
  page = app.page
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(app.preview.url)
  await page.getByTestId('conversation-list').getByRole('option').first().waitFor({ timeout: 60_000 })

  // Hostile content where agents meet it, through main's own channels and the sandbox's controls.
  const status = (await invokeInPage(page, 'auth:status')) as { value: { oktopost: { endpoint: { baseUrl: string } } } }
  const sandboxUrl = status.value.oktopost.endpoint.baseUrl.replace(/\/v2$/, '')
  const inbound = await fetch(`${sandboxUrl}/__sandbox/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId: HOSTILE_CONVERSATION, from: 'customer', content: HOSTILE.message, authorName: HOSTILE.authorName }),
  })
  expect(inbound.status).toBe(200)
  await expectOk('conversation:addNote', { conversationId: HOSTILE_CONVERSATION, note: HOSTILE.note })
  await expectOk('conversation:replaceTags', { conversationId: HOSTILE_CONVERSATION, tags: HOSTILE.tags })
  await expectOk('cannedResponse:create', { name: HOSTILE.cannedName, content: HOSTILE.cannedContent, visibility: 'shared' })
  await expectOk('conversation:reply', {
    conversation: { id: HOSTILE_CONVERSATION, network: 'Facebook', itemType: 'Post', status: 'open' },
    message: 'Here are the files',
    media: [...HOSTILE.media, ...HOSTILE.unlinkedMedia],
  })
  await page.reload()
  await page.getByTestId('conversation-list').getByRole('option').first().waitFor({ timeout: 60_000 })
})

afterAll(async () => {
  await app?.close()
})

describe('hostile content from the network', () => {
  it('shows hostile list rows as text', async () => {
    const list = page.getByTestId('conversation-list')
    const seeded: [string, string][] = [
      ['pwned', '<script>alert("pwned")</script>'],
      ['onerror', '<img src=x onerror="alert(document.cookie)">'],
      ['click here', '<a href="javascript:alert(1)">click here</a>'],
      ['iframe', '<iframe src="https://evil.example"></iframe>'],
      ['Mallory', '<b>Mallory</b>'],
    ]
    for (const [query, shown] of seeded) {
      await page.getByTestId('search').fill(query)
      await list.getByRole('option').filter({ hasText: shown }).first().waitFor()
      expect(await injectedElements(), query).toEqual([])
    }
  })

  it('keeps markup typed into the palette as text', async () => {
    await page.getByTestId('search').fill('')
    await page.getByTestId('conversation-list').focus()
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await palette.waitFor()
    await page.keyboard.type(`<img src=x onerror=alert('palette')>`)
    expect(await palette.getByRole('combobox').inputValue()).toBe(`<img src=x onerror=alert('palette')>`)
    expect(await injectedElements()).toEqual([])
    await page.keyboard.press('Escape')
    await expect.poll(() => palette.count()).toBe(0)
  })

  // NOTE: the conversation pane is still being finished; these selectors are the ones
  // tests/e2e/conversation.e2e.test.ts uses (region "Conversation", feed "Timeline", the
  // "Edit tags" and "Canned responses" dialogs), so the two move together.
  describe('in the open conversation', () => {
    const pane = () => page.getByRole('region', { name: 'Conversation', exact: true })

    it('shows hostile messages, author names, notes and attachments as text; links only plain https', async () => {
      await page.getByTestId('search').fill('pwned')
      await page.locator(`[data-conversation-id="${HOSTILE_CONVERSATION}"]`).click()
      await pane().getByRole('feed', { name: 'Timeline' }).getByRole('article').filter({ hasText: 'see data:text/html' }).waitFor()
      const text = (await pane().textContent()) ?? ''
      for (const expected of [HOSTILE.message, HOSTILE.authorName, HOSTILE.note, SEEDED_SCRIPT, ...HOSTILE.unlinkedMedia, `Attachment: ${HOSTILE.media[0]}`]) {
        expect(text, expected).toContain(expected)
      }
      const links = await pane().locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))
      expect(links).toContain(HOSTILE.media[0])
      expect(links.filter((href) => !href?.startsWith('https://'))).toEqual([])
      expect(await injectedElements()).toEqual([])
    })

    it('lists hostile tag names as text in the tag editor', async () => {
      await page.keyboard.press('t')
      const editor = page.getByRole('dialog', { name: 'Edit tags' })
      await editor.waitFor()
      await page.keyboard.type('alert')
      await expect.poll(() => editor.textContent()).toContain(HOSTILE.tags[0])
      expect(await editor.textContent()).toContain(HOSTILE.tags[1])
      expect(await injectedElements()).toEqual([])
      await page.keyboard.press('Escape')
      await expect.poll(() => editor.count()).toBe(0)
    })

    it('lists a hostile canned response as text in the picker', async () => {
      await page.keyboard.press('c')
      const picker = page.getByRole('dialog', { name: 'Canned responses' })
      await picker.waitFor()
      await page.keyboard.type('onerror')
      await expect.poll(() => picker.textContent()).toContain(HOSTILE.cannedName)
      expect(await injectedElements()).toEqual([])
      await page.keyboard.press('Escape')
      await expect.poll(() => picker.count()).toBe(0)
    })
  })

  it('ran no injected script: no dialog, no page error', () => {
    expect(dialogs).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
