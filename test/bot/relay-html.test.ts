import { describe, expect, it } from 'vitest'
import { clipUtf16, entitiesToHtml, relayBody, visibleLength } from '../../src/bot/desk/relay-html.js'

describe('relayed formatting as Telegram HTML', () => {
  it('escapes the text and keeps links, bold and code', () => {
    expect(entitiesToHtml('a <b> & c', [])).toBe('a &lt;b&gt; &amp; c')
    expect(entitiesToHtml('see here', [{ type: 'text_link', offset: 4, length: 4, url: 'https://x.org/?q="1"&a=2' }])).toBe('see <a href="https://x.org/?q=&quot;1&quot;&amp;a=2">here</a>')
    expect(entitiesToHtml('run npm test', [{ type: 'code', offset: 4, length: 8 }])).toBe('run <code>npm test</code>')
  })

  it('nests overlapping entities correctly and puts nothing inside code', () => {
    const html = entitiesToHtml('bold both italic', [{ type: 'bold', offset: 0, length: 9 }, { type: 'italic', offset: 5, length: 11 }])
    expect(html).toBe('<b>bold </b><b><i>both</i></b><i> italic</i>')
    expect(entitiesToHtml('x = 1', [{ type: 'bold', offset: 0, length: 5 }, { type: 'code', offset: 0, length: 5 }])).toBe('<code>x = 1</code>')
  })

  it('counts in UTF-16 like Telegram: an emoji before a link keeps the link on the right words', () => {
    expect(entitiesToHtml('📄 form', [{ type: 'text_link', offset: 3, length: 4, url: 'https://a.b' }])).toBe('📄 <a href="https://a.b">form</a>')
  })

  it('cuts to the limit with the header and never splits a surrogate pair', () => {
    expect(clipUtf16('ab📄', 3)).toBe('ab…')
    const body = relayBody('⚖️ <b>Lawyer</b> · JO-2026-00001', '📄'.repeat(600), [{ type: 'bold', offset: 0, length: 1200 }], 1024)
    expect(visibleLength(body)).toBeLessThanOrEqual(1024)
    expect(body).toMatch(/^⚖️ <b>Lawyer<\/b> · JO-2026-00001\n<b>(📄)+…<\/b>$/)
  })
})
