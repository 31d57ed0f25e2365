import { Api, GrammyError } from 'grammy'
import { describe, expect, it } from 'vitest'
import { FakeTelegram } from '../../src/transport/fake-telegram.js'
import { parseTelegramHtml } from '../../src/transport/telegram-rules.js'

const api = (telegram: FakeTelegram) => new Api('1:x', { fetch: telegram.fetch as typeof fetch })
const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof GrammyError ? `${e.error_code} ${e.description}` : String(e)))

describe('the fake Bot API refuses what Telegram refuses, in Telegram’s words', () => {
  it('parses Telegram’s HTML subset and refuses the rest', () => {
    expect(parseTelegramHtml('<b>a</b> <i>b</i> <a href="https://x.org">c</a> <tg-spoiler>d</tg-spoiler> <span class="tg-spoiler">e</span> &lt;&gt;&amp;&quot; &#39; &#x2F; 5 & 6')).toEqual({ ok: true, text: `a b c d e <>&" ' / 5 & 6` })
    expect(parseTelegramHtml('<pre><code class="language-ts">x</code></pre><blockquote expandable>q</blockquote>')).toEqual({ ok: true, text: 'xq' })
    expect(parseTelegramHtml('5 < 6')).toEqual({ ok: false, description: 'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2' })
    expect(parseTelegramHtml('Ж <script>')).toEqual({ ok: false, description: 'Bad Request: can\'t parse entities: Unsupported start tag "script" at byte offset 3' })
    expect(parseTelegramHtml('<b>a</i>')).toMatchObject({ ok: false, description: 'Bad Request: can\'t parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"' })
    expect(parseTelegramHtml('<b>a')).toMatchObject({ ok: false, description: 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"' })
    expect(parseTelegramHtml('<span>x</span>').ok).toBe(false)
  })

  it('counts lengths in UTF-16 after the tags, refuses long texts and captions, long button data, unchanged edits and blocked chats', async () => {
    const telegram = new FakeTelegram()
    const a = api(telegram)
    expect(await refusal(a.sendMessage(1, `<b>${'😀'.repeat(2048)}</b>`, { parse_mode: 'HTML' }))).toBe('accepted')
    expect(await refusal(a.sendMessage(1, `${'😀'.repeat(2048)}x`))).toBe('400 Bad Request: message is too long')
    expect(await refusal(a.sendPhoto(1, 'f', { caption: 'я'.repeat(1025) }))).toBe('400 Bad Request: message caption is too long')
    expect(await refusal(a.copyMessage(1, 2, 3, { caption: 'я'.repeat(1024) }))).toBe('accepted')
    expect(await refusal(a.sendMessage(1, 'x', { reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: 'ж'.repeat(33) }]] } }))).toBe('400 Bad Request: BUTTON_DATA_INVALID')
    expect(await refusal(a.sendMessage(1, '  '))).toBe('400 Bad Request: message text is empty')
    const sent = await a.sendMessage(1, 'same')
    expect(await refusal(a.editMessageText(1, sent.message_id, 'same'))).toBe('400 Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message')
    expect(await refusal(a.editMessageText(1, sent.message_id, 'changed'))).toBe('accepted')
    telegram.blockedChats.add(1)
    expect(await refusal(a.sendMessage(1, 'hi'))).toBe('403 Forbidden: bot was blocked by the user')
    expect(telegram.rejected.map((r) => r.error_code)).toEqual([400, 400, 400, 400, 400, 403])
  })
})
