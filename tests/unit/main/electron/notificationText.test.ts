import { describe, expect, it } from 'vitest'
import { notificationText } from '../../../../src/main/electron/notificationText'

describe('what a notification shows', () => {
  it('is plain text on one line, without control or bidi-override characters', () => {
    expect(notificationText({ title: 'Assigned\u0007 to you', body: 'Dana:\n\n“Hello”\u202e evil' }, 'darwin')).toEqual({
      title: 'Assigned to you',
      body: 'Dana: “Hello” evil',
    })
  })

  it('escapes markup in the body on Linux, where notification servers would render it', () => {
    expect(notificationText({ title: '<b>Title</b>', body: '<img src=x onerror=alert(1)> & <a href="x">link</a>' }, 'linux')).toEqual({
      title: '<b>Title</b>',
      body: '&lt;img src=x onerror=alert(1)&gt; &amp; &lt;a href="x"&gt;link&lt;/a&gt;',
    })
  })

  it('leaves the text as typed elsewhere, where bodies are never markup', () => {
    expect(notificationText({ title: 'T', body: '<b>as typed</b> & more' }, 'win32').body).toBe('<b>as typed</b> & more')
  })
})
