import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/config.js'
import { keyValue, legalRequests, outbox, requestAttachments, requestStatusHistory } from '../../src/db/schema.js'
import { createTestBot, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const requests = (h: TestBot) => h.db.select().from(legalRequests).all()
const conversationRows = (h: TestBot) => h.db.select().from(keyValue).all().filter((r) => r.key.startsWith('conv:'))

describe('ask a lawyer: the request conversation', () => {
  it('stores a full request with its reference, history and outbox event, and tells the person what happens next', async () => {
    const h = await createTestBot()
    await startAs(h, 3000, 'ru')
    await fileRequest(h, { city: 'kazan', topic: 'work', description: 'Не платят 3 месяца', photos: ['ph-1', 'ph-2'], phone: '+7 900 000-00-00', safe: 'no' })
    const [request] = requests(h)
    expect(request).toMatchObject({
      reference: 'JO-2026-00001', userId: 3000, language: 'ru', forWhom: 'self', topic: 'work', urgency: 'normal', urgent: false,
      city: 'kazan', description: 'Не платят 3 месяца', contactPhone: '+7 900 000-00-00', safeToContact: false, status: 'new',
    })
    expect(h.db.select().from(requestAttachments).all().map((a) => a.fileId)).toEqual(['ph-1', 'ph-2'])
    expect(h.db.select().from(requestStatusHistory).all().map((s) => s.toStatus)).toEqual(['new'])
    // The confirmation went directly; its queued copy (for a process killed mid-send) is closed.
    expect(h.db.select().from(outbox).all().map((o) => [o.kind, JSON.parse(o.payload), o.deliveredAt !== null])).toEqual([
      ['request.created', { requestId: request!.id }, false],
      ['request.confirmation', { clientChatId: request!.chatId, key: 'lawyer:sent' }, true],
    ])
    expect(h.lastText()).toContain('Номер: JO-2026-00001')
    expect(h.lastText()).toContain('в течение 2 рабочих дней')
    expect(conversationRows(h).every((r) => !r.value.includes('Не платят'))).toBe(true)
  })

  it.each(LANGUAGES)('can be made from start to end in %s', async (lang) => {
    const h = await createTestBot()
    await startAs(h, 3001, lang)
    await fileRequest(h)
    expect(requests(h)).toHaveLength(1)
    expect(h.lastText()).toBe(h.t(lang, 'lawyer:sent', { reference: 'JO-2026-00001' }))
  })

  it('stores nothing without consent', async () => {
    const h = await createTestBot()
    await startAs(h, 3002, 'ky')
    await h.driver.send('/lawyer')
    await h.driver.pressData('c:consent:no')
    expect(h.lastText()).toBe(h.t('ky', 'lawyer:noConsent'))
    expect(requests(h)).toEqual([])
    await h.driver.send('салам')
    expect(h.lastText()).not.toBe(h.t('ky', 'conv.useButtons'))
  })

  it.each([
    ['at consent', 0],
    ['at the topic', 2],
    ['at the description', 5],
    ['at the contact step', 7],
  ])('/cancel %s leaves nothing half-saved', async (_, steps) => {
    const h = await createTestBot()
    await startAs(h, 3003, 'ru')
    const d = h.driver
    await d.send('/lawyer')
    const script = [() => d.pressData('c:consent:yes'), () => d.pressData('c:for:self'), () => d.pressData('c:topic:police'), () => d.pressData('c:urgency:deadline'),
      () => d.pressData('c:city:moscow'), () => d.send('Меня вызвали в полицию'), () => d.pressData('c:files:done')]
    for (const step of script.slice(0, steps)) await step()
    await d.send('/cancel')
    expect(h.lastText()).toBe(h.t('ru', 'conv.cancelled'))
    expect(requests(h)).toEqual([])
    expect(conversationRows(h).every((r) => !r.value.includes('Меня вызвали'))).toBe(true)
    // The next text is no longer taken by the conversation.
    await d.send('/cancel')
    expect(h.lastText()).toBe(h.t('ru', 'conv.nothingToCancel'))
  })

  it('re-prompts in the user’s language on a sticker, a voice message, a command, a forged button and a too long text', async () => {
    const h = await createTestBot()
    await startAs(h, 3004, 'uz')
    const d = h.driver
    await d.send('/lawyer')
    await d.pressData('c:consent:yes')
    await d.sendSticker()
    expect(h.textsSince(h.mark() - 2)).toEqual([h.t('uz', 'conv.useButtons'), h.t('uz', 'lawyer:forWhom')])
    await d.send('/note')
    expect(h.textsSince(h.mark() - 2)[0]).toBe(h.t('uz', 'conv.command'))
    await d.send('/help')
    expect(h.textsSince(h.mark() - 1)).toEqual([h.t('uz', 'conv.open', { what: h.t('uz', 'conv.names.legal-request') })])
    const mark = h.mark()
    await d.pressCallback('c:for:boss')
    expect(h.since(mark).map((c) => [c.method, c.payload.text])).toEqual([['answerCallbackQuery', h.t('uz', 'conv.oldButton')]])
    await d.pressData('c:for:self')
    await d.pressData('c:topic:work')
    await d.pressData('c:urgency:normal')
    await d.pressData('c:city:moscow')
    await d.sendVoice()
    expect(h.lastText()).toBe(h.t('uz', 'conv.voice'))
    await d.send('x'.repeat(3001))
    expect(h.lastText()).toBe(h.t('uz', 'conv.tooLong', { max: 3000, length: 3001 }))
    await d.send('Ish haqimni bermayapti')
    expect(h.lastText()).toBe(h.t('uz', 'lawyer:files', { max: 5 }))
  })

  it('shows what to do right now on the urgent path and marks the request urgent', async () => {
    const h = await createTestBot()
    await startAs(h, 3005, 'tg')
    await h.driver.send('/lawyer')
    await h.driver.pressData('c:consent:yes')
    await h.driver.pressData('c:for:family')
    await h.driver.send('Бародарам')
    await h.driver.pressData('c:topic:police')
    const mark = h.mark()
    await h.driver.pressData('c:urgency:detained')
    expect(h.textsSince(mark)).toContain(h.t('tg', 'lawyer:detainedNow'))
    expect(h.textsSince(mark).join('\n')).toContain('112')
    await h.driver.pressData('c:city:moscow')
    await h.driver.send('Бародарамро дар кӯча доштанд')
    await h.driver.pressData('c:files:done')
    await h.driver.press('💬')
    await h.driver.pressData('c:safe:no')
    await h.driver.pressData('c:summary:send')
    expect(requests(h)[0]).toMatchObject({ urgency: 'detained', urgent: true, forWhom: 'family', subjectName: 'Бародарам' })
    expect(h.lastText()).toBe(h.t('tg', 'lawyer:sentUrgent', { reference: 'JO-2026-00001' }))
  })

  it('lets the person edit a step from the summary, then sends the edited request', async () => {
    const h = await createTestBot()
    await startAs(h, 3006, 'en')
    await fileRequest(h, { city: 'kazan' }, { send: false })
    await h.driver.pressData('c:summary:edit')
    await h.driver.pressData('c:edit:city')
    await h.driver.pressData('c:city:chelyabinsk')
    expect(h.lastText()).toContain('Place: Chelyabinsk')
    await h.driver.pressData('c:summary:send')
    expect(requests(h)[0]?.city).toBe('chelyabinsk')
  })

  it('escapes what the person typed in the summary', async () => {
    const h = await createTestBot()
    await startAs(h, 3007, 'ru')
    await fileRequest(h, { forWhom: 'family', subjectName: '<i>Бакыт</i>', description: 'a <b>&</b> "b"' }, { send: false })
    const summary = h.telegram.calls.at(-1)!.payload.text as string
    expect(summary).toContain('&lt;i&gt;Бакыт&lt;/i&gt;')
    expect(summary).toContain('a &lt;b&gt;&amp;&lt;/b&gt; &quot;b&quot;')
  })

  it('survives a restart in the middle: the person goes on where they were', async () => {
    const h = await createTestBot()
    await startAs(h, 3008, 'ky')
    const d = h.driver
    await d.send('/lawyer')
    await d.pressData('c:consent:yes')
    await d.pressData('c:for:self')
    await d.pressData('c:topic:documents')
    await h.restart()
    await d.pressData('c:urgency:deadline')
    await d.pressData('c:city:moscow')
    await d.send('Паспортумду жоготтум')
    await d.pressData('c:files:done')
    await d.press('💬')
    await d.pressData('c:safe:yes')
    await d.pressData('c:summary:send')
    expect(requests(h)).toMatchObject([{ topic: 'documents', urgency: 'deadline', urgent: true, description: 'Паспортумду жоготтум' }])
  })

  it('does not create a second request when Telegram delivers the Send update again', async () => {
    const h = await createTestBot()
    await startAs(h, 3009, 'ru')
    await fileRequest(h)
    await h.driver.redeliver()
    await h.driver.redeliver()
    expect(requests(h)).toHaveLength(1)
    expect(h.db.select().from(outbox).all().map((o) => o.kind)).toEqual(['request.created', 'request.confirmation'])
  })

  it('keeps at most five files and accepts a typed phone number', async () => {
    const h = await createTestBot()
    await startAs(h, 3010, 'ru')
    const d = h.driver
    await d.send('/lawyer')
    for (const data of ['c:consent:yes', 'c:for:self', 'c:topic:work', 'c:urgency:normal', 'c:city:moscow']) await d.pressData(data)
    await d.send('Травма на стройке')
    for (let i = 1; i <= 5; i++) await d.sendPhoto(`p${i}`)
    expect(h.lastText()).toBe(h.t('ru', 'lawyer:contact'))
    await d.send('+7 (912) 345-67-89')
    await d.pressData('c:safe:no')
    await d.pressData('c:summary:send')
    expect(h.db.select().from(requestAttachments).all()).toHaveLength(5)
    expect(requests(h)[0]).toMatchObject({ contactPhone: '+7 (912) 345-67-89', safeToContact: false })
  })

  it('links the request to the person who made it and to no one else', async () => {
    const h = await createTestBot()
    await startAs(h, 3011, 'ru')
    await fileRequest(h)
    const [request] = requests(h)
    expect(h.db.select().from(legalRequests).where(eq(legalRequests.userId, 3011)).all()).toEqual([request])
  })
})
