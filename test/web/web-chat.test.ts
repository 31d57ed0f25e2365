import { like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { keyValue, legalRequests } from '../../src/db/schema.js'
import { isWebChatId, WEB_CHAT_ID_MIN } from '../../src/transport/web-ids.js'
import { rewriteForTelegram } from '../../src/transport/web-outgoing.js'
import type { TFunction } from '../../src/i18n.js'
import { KEPT_MESSAGES } from '../../src/transport/web-transport.js'
import { LOG_BUDGET_BYTES, renderState, sanitizeTelegramHtml } from '../../src/web/render.js'
import { browserLanguage } from '../../src/web/server.js'
import { ADMIN_ID, LAWYERS_CHAT_ID } from '../helpers/bot-harness.js'
import { createWebChat, WebVisitor } from './harness.js'

/** A new visitor opens the chat, starts and picks a language, as on the page. */
async function visitor(w: Awaited<ReturnType<typeof createWebChat>>, language = 'ru') {
  const v = new WebVisitor(w.url, w.web, w.h.db, language)
  await v.open()
  await v.send('/start')
  await v.pressData(`lang:${language}`)
  return v
}

describe('rendering Telegram HTML on the page', () => {
  it('keeps only Telegram’s tags, re-escapes the text and allows only http(s) links', () => {
    expect(sanitizeTelegramHtml('<b>Bold</b> &amp; <i>it</i> &lt;script&gt;')).toBe('<b>Bold</b> &amp; <i>it</i> &lt;script&gt;')
    expect(sanitizeTelegramHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>')
    expect(sanitizeTelegramHtml('<a href="https://mvd.ru/?a=1&amp;b=&quot;2">mvd</a>')).toBe('<a href="https://mvd.ru/?a=1&amp;b=&quot;2" rel="noopener noreferrer">mvd</a>')
    expect(sanitizeTelegramHtml('<img src=x onerror=alert(1)><b onclick="x">t</b>')).toBe('<b>t</b>')
    expect(sanitizeTelegramHtml('<b><i>open')).toBe('<b><i>open</i></b>')
    expect(sanitizeTelegramHtml('</b>stray <blockquote>q</blockquote>')).toBe('stray <blockquote>q</blockquote>')
    expect(sanitizeTelegramHtml('&#x3C;x&#62; a < b')).toBe('&lt;x&gt; a &lt; b')
  })

  it('picks the visitor’s language from the browser, by preference', () => {
    expect(browserLanguage('de-DE,de;q=0.9,ky;q=0.8,ru;q=0.7')).toBe('ky')
    expect(browserLanguage('ru;q=0.5,uz-Latn;q=0.9')).toBe('uz')
    expect(browserLanguage('fr')).toBeUndefined()
  })
})

describe('web chat ids and configuration', () => {
  it('are positive, above every Telegram id (52 bits) and safe integers; groups and users are not web chats', () => {
    expect(isWebChatId(WEB_CHAT_ID_MIN + 1)).toBe(true)
    expect(isWebChatId(2 ** 52 - 1)).toBe(false)
    expect(isWebChatId(-1001000000001)).toBe(false)
    expect(isWebChatId(String(WEB_CHAT_ID_MIN + 7))).toBe(true)
    expect(loadConfig({ WEB_PORT: '8081' }).webPort).toBe(8081)
    expect(() => loadConfig({ BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', WEBHOOK_URL: 'https://x.org/h', WEBHOOK_SECRET: 's', PORT: '8080', WEB_PORT: '9090' })).toThrow(/WEB_PORT/)
  })
})

describe('calls bound for Telegram that name a web visitor’s file or message', () => {
  const chat = WEB_CHAT_ID_MIN + 5
  const file = { name: 'contract.jpg', data: Buffer.from('JPEGBYTES').toString('base64') }
  const fileOf = (c: number, key: string) => (c === chat && key === 'k1234567890' ? file : undefined)
  const message = { id: 9, fromBot: false, text: 'договор', date: 0, file: { key: 'k1234567890', name: 'contract.jpg', kind: 'photo' as const } }
  const messageOf = (c: number, id: number) => (c === chat && id === 9 ? message : undefined)

  it('uploads the file itself: a photo by web file id, and a follow-up copied from the web chat', () => {
    const photo = rewriteForTelegram('sendPhoto', { chat_id: LAWYERS_CHAT_ID, photo: `web-${chat}-k1234567890`, caption: 'JO-1' }, fileOf, messageOf)!
    expect(photo.method).toBe('sendPhoto')
    expect(photo.contentType).toMatch(/^multipart\/form-data; boundary=/)
    expect(String(photo.body)).toContain('JPEGBYTES')
    expect(String(photo.body)).toContain('filename="contract.jpg"')
    const copy = rewriteForTelegram('copyMessage', { chat_id: LAWYERS_CHAT_ID, from_chat_id: chat, message_id: 9, caption: '📨 <b>JO-1</b>', parse_mode: 'HTML' }, fileOf, messageOf)!
    expect(copy.method).toBe('sendPhoto')
    expect(String(copy.body)).toContain('📨 <b>JO-1</b>')
    expect(String(copy.body)).not.toContain('from_chat_id')
    // Telegram's own files and chats are left alone.
    expect(rewriteForTelegram('sendPhoto', { chat_id: LAWYERS_CHAT_ID, photo: 'AgACAgIAAxkBAAI' }, fileOf, messageOf)).toBeUndefined()
    expect(rewriteForTelegram('copyMessage', { chat_id: chat, from_chat_id: LAWYERS_CHAT_ID, message_id: 3 }, fileOf, messageOf)).toBeUndefined()
    // Another visitor's file id names nothing this chat holds.
    expect(rewriteForTelegram('sendPhoto', { chat_id: LAWYERS_CHAT_ID, photo: `web-${chat + 1}-k1234567890` }, fileOf, messageOf)).toBeUndefined()
  })
})

describe('web sessions', () => {
  it('sets an httpOnly SameSite cookie holding a random token, and the page carries the headers that keep scripts out', async () => {
    const w = await createWebChat()
    const v = new WebVisitor(w.url, w.web, w.h.db)
    const page = await v.open()
    const cookie = page.headers.get('set-cookie')!
    expect(cookie).toMatch(/^joldosh=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline')
    expect(page.html).toContain('<html lang="ru">')
    expect(page.html).not.toMatch(/<script>|\son\w+="/)
    await v.send('/start')
    expect(cookie).not.toContain(String(v.chat()))
    expect(v.chat()).toBeGreaterThan(WEB_CHAT_ID_MIN)
  })

  it('refuses a form without this session’s token (403) and changes nothing', async () => {
    const w = await createWebChat()
    const a = await visitor(w)
    const b = new WebVisitor(w.url, w.web, w.h.db)
    await b.open()
    const before = a.texts().length
    // b's token on a's cookie, no token, and a's token without a's cookie: all refused.
    expect((await a.post('/send', { text: 'hi', csrf: b.csrf })).status).toBe(403)
    expect((await a.post('/send', { text: 'hi', csrf: '' })).status).toBe(403)
    const stranger = new WebVisitor(w.url, w.web, w.h.db)
    stranger.csrf = a.csrf
    expect((await stranger.post('/send', { text: 'hi' })).status).toBe(403)
    expect(a.texts()).toHaveLength(before)
  })

  it('shows each visitor only their own chat: another’s messages, buttons and files are out of reach', async () => {
    const w = await createWebChat()
    const a = await visitor(w)
    const upload = await a.upload('', { name: 'contract.txt', type: 'text/plain', data: Buffer.from('secret contract') })
    expect(upload.status).toBe(303)
    const fileKey = w.web.transcript(a.chat()).messages.find((m) => m.file)!.file!.key!
    expect((await fetch(`${w.url}/file/${fileKey}`, { headers: { cookie: a.cookie } }).then((r) => r.text()))).toBe('secret contract')
    const b = await visitor(w)
    expect(b.chat()).not.toBe(a.chat())
    expect((await b.open()).html).not.toContain('contract.txt')
    expect((await fetch(`${w.url}/file/${fileKey}`, { headers: { cookie: b.cookie } })).status).toBe(404)
    // a's menu message is not b's: pressing it from b's session is refused before the bot sees it.
    const aMenu = w.web.transcript(a.chat()).messages.filter((m) => m.inlineKeyboard).pop()!
    const mark = w.h.mark()
    const before = w.web.transcript(b.chat()).version
    expect((await b.post('/press', { m: String(aMenu.id + 100), b: '0' })).status).toBe(400)
    expect((await b.post('/press', { m: '1', b: '0' })).status).toBe(400)
    expect(w.web.transcript(b.chat()).version).toBe(before)
    expect(w.h.since(mark)).toEqual([])
  })

  it('limits bodies: a form over 32 KB is refused unread (413), one without a length too (411)', async () => {
    const w = await createWebChat()
    const v = await visitor(w)
    expect((await v.post('/send', { text: 'x'.repeat(40_000) })).status).toBe(413)
    const raw = await new Promise<number>((resolve) => {
      const req = require('node:http').request(`${w.url}/send`, { method: 'POST', headers: { 'transfer-encoding': 'chunked', cookie: v.cookie } }, (res: { statusCode: number }) => resolve(res.statusCode))
      req.end('text=a')
    })
    expect(raw).toBe(411)
  })
})

describe('reading without JavaScript', () => {
  it('every button is a form: a category, an article, then a file to download; the page stays under 50 KB', async () => {
    const w = await createWebChat()
    const v = await visitor(w)
    await v.send('/rights')
    const category = w.web.transcript(v.chat()).messages.at(-1)!.inlineKeyboard!.flat().find((b) => b.callback_data?.startsWith('r:c:'))!
    await v.pressData(category.callback_data!)
    const article = w.web.transcript(v.chat()).messages.at(-1)!.inlineKeyboard!.flat().find((b) => b.callback_data?.startsWith('r:a:'))!
    expect((await v.pressData(article.callback_data!)).headers.get('location')).toBe('/chat')
    const page = await v.open()
    // The article was edited into the menu message, in place; its title is on the page.
    expect(page.html).toContain(article.text.replace(/^📖 /, ''))
    expect(page.html).toContain(w.h.i18n.t('disclaimer', { lng: 'ru' }))
    await v.send('/mydata')
    await v.pressData('data:file')
    const file = w.web.transcript(v.chat()).messages.find((m) => m.file?.key)!.file!
    const download = await fetch(`${w.url}/file/${file.key}`, { headers: { cookie: v.cookie } })
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/)
    expect(await download.text()).toContain(String(v.chat()))
    const assets = (await Promise.all(['/app.js', '/app.css'].map((p) => fetch(w.url + p).then((r) => r.arrayBuffer())))).reduce((n, b) => n + b.byteLength, 0)
    expect(Buffer.byteLength((await v.open()).html) + assets).toBeLessThan(50_000)
  })

  it('a long chat shows the newest messages that fit the page budget, the newest always', () => {
    const t = ((key: string) => key) as unknown as TFunction
    const messages = Array.from({ length: KEPT_MESSAGES }, (_, i) => ({ id: i + 1, fromBot: true, date: 0, text: `<b>${i + 1}</b> ${'слово '.repeat(400)}` }))
    const state = renderState({ nextId: 61, version: 1, messages }, t, 'token')
    expect(Buffer.byteLength(state.log)).toBeLessThanOrEqual(LOG_BUDGET_BYTES)
    expect(state.log).toContain('id="m60"')
    expect(state.log).not.toContain('id="m1"')
  })
})

describe('a request made on the web', () => {
  it('reaches the lawyers’ desk as one from Telegram, with its photo uploaded; the lawyer’s answer is waiting on the page', async () => {
    const w = await createWebChat()
    const v = await visitor(w)
    await v.send('/lawyer')
    for (const data of ['c:consent:yes', 'c:for:self', 'c:topic:work', 'c:urgency:normal', 'c:city:kazan']) expect((await v.pressData(data)).status).toBe(303)
    await v.send('Работодатель не платит три месяца')
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0, 255])
    await v.upload('', { name: 'contract.jpg', type: 'image/jpeg', data: photo })
    await v.pressData('c:files:done')
    // Telegram's "share my phone" button is a phone field on the page.
    expect(w.web.transcript(v.chat()).replyKeyboard?.flat().some((b) => b.request_contact)).toBe(true)
    expect((await v.open()).html).toMatch(/<input id="phone" name="phone" type="tel"/)
    expect((await v.post('/contact', { phone: 'call me maybe' })).status).toBe(400)
    expect((await v.post('/contact', { phone: '+7 912 345-67-89' })).status).toBe(303)
    await v.pressData('c:safe:yes')
    await v.pressData('c:summary:send')
    expect(v.texts().join('\n')).toContain('JO-2026-00001')
    const request = w.h.db.select().from(legalRequests).get()!
    expect(request.chatId).toBe(v.chat())
    expect(request.userId).toBe(v.chat())
    expect(request.contactPhone).toBe('+7 912 345-67-89')

    expect(await w.h.flush()).toBe(0)
    const group = w.h.telegram.calls.filter((c) => Number(c.payload.chat_id) === LAWYERS_CHAT_ID)
    const card = group.find((c) => c.method === 'sendMessage' && String(c.payload.text).includes('JO-2026-00001'))!
    expect(card.payload.text).toContain(w.h.i18n.t('web:card.inWebChat', { lng: 'ru' }))
    expect(card.payload.text).toContain('Работодатель не платит три месяца')
    // Telegram never heard of the web visitor's file id: the bytes themselves were uploaded.
    const sentPhoto = group.find((c) => c.method === 'sendPhoto')!
    expect(sentPhoto.files.photo?.filename).toBe('contract.jpg')
    expect(String(sentPhoto.payload.photo)).not.toMatch(/^web-/)

    w.h.driver.as(ADMIN_ID, 'group')
    await w.h.driver.send('Пришлите, пожалуйста, копию договора', w.h.driver.replyTo(card.result ? (card.result as { message_id: number }).message_id : 0))
    expect(await w.h.flush()).toBe(0)
    // The visitor comes back later: the answer is in their chat.
    const page = await v.open()
    expect(page.html).toContain('Пришлите, пожалуйста, копию договора')
  })

  it('/deletemydata erases the web chat and its files with the rest', async () => {
    const w = await createWebChat()
    const v = await visitor(w)
    await v.upload('', { name: 'a.txt', type: 'text/plain', data: Buffer.from('x') })
    await v.send('/deletemydata')
    await v.pressData(w.web.transcript(v.chat()).messages.at(-1)!.inlineKeyboard!.flat()[0]!.callback_data!)
    const rows = w.h.db.select().from(keyValue).where(like(keyValue.key, `web-%:${v.chat()}`)).all()
    // What may stay is the bot's last words after erasing (a new, empty chat), never the file.
    expect(rows.filter((r) => r.key.startsWith('web-file:'))).toEqual([])
    expect(JSON.stringify(rows)).not.toContain('a.txt')
  })
})
