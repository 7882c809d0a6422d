import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../../../src/main/security/externalLinks'
import { resolveInside } from '../../../../src/main/security/safePath'
import { resolveAppFile } from '../../../../src/main/window/appProtocol'

const root = path.resolve('/opt/inbox-desk/renderer')

describe('resolveInside', () => {
  it('maps / to the index page and paths to files inside the root', () => {
    expect(resolveInside(root, '/')).toBe(path.join(root, 'index.html'))
    expect(resolveInside(root, '/assets/app.js')).toBe(path.join(root, 'assets/app.js'))
  })

  it.each(['/../secret', '/assets/../../secret', '/%2e%2e/secret', '/..%5csecret', '/a%00b', '/%E0%A4%A'])(
    'refuses %s',
    (attempt) => expect(resolveInside(root, attempt)).toBeNull(),
  )
})

describe('resolveAppFile', () => {
  it('serves app://inbox-desk paths from the renderer build', () => {
    expect(resolveAppFile(root, 'app://inbox-desk/assets/x.css')).toBe(path.join(root, 'assets/x.css'))
  })

  it('refuses other hosts and schemes', () => {
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull()
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull()
  })
})

describe('isSafeExternalUrl', () => {
  it('accepts plain https links', () => {
    expect(isSafeExternalUrl('https://www.oktopost.com/help?x=1')).toBe(true)
  })

  it.each([
    'http://example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@example.com',
    'smb://host/share',
    'not a url',
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false))
})
