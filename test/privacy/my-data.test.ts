import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/config.js'
import { legalRequests } from '../../src/db/schema.js'
import { ADMIN_ID, createTestBot, startAs } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const ME = 7500

describe('/mydata', () => {
  it.each(LANGUAGES)('says what is kept, in %s, without repeating the texts', async (lang) => {
    const h = await createTestBot()
    await startAs(h, ME, lang)
    await fileRequest(h, { forWhom: 'family', subjectName: 'Айбек Осмонов', phone: '+7 901 222 33 44', description: 'Полиция забрала патент' })
    await h.driver.send('/mydata')
    const text = h.lastText()
    expect(text).toContain('JO-2026-00001')
    for (const key of ['itemDescription', 'itemPhone', 'itemName']) expect(text).toContain(h.t(lang, `privacy:mydata.${key}`))
    expect(text).toContain(h.t(lang, 'privacy:mydata.howLong', { count: 365 }))
    expect(text).not.toMatch(/mydata\.|privacy:/)
    for (const secret of ['Айбек', '222 33 44', 'патент']) expect(text).not.toContain(secret)
    expect(h.driver.buttons().map((b) => b.callbackData)).toEqual(['data:file'])
  })

  it('sends a file with all of it: the request, messages both ways, files, the draft; no lawyers’ notes, nobody else’s data', async () => {
    const h = await createTestBot()
    await startAs(h, ME + 1, 'ru')
    await fileRequest(h, { description: 'Чужой запрос' })
    await startAs(h, ME, 'ru')
    await fileRequest(h, { phone: '+7 901 222 33 44', description: 'Полиция забрала патент', photos: ['ph-1'] })
    await h.flush()
    const card = h.db.select().from(legalRequests).all()[1]!.cardMessageId!
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send('Пришлите фото патента', h.driver.replyTo(card))
    await h.driver.send('/note внутреннее: похоже на 18.8', h.driver.replyTo(card))
    await h.flush()
    h.driver.as(ME)
    await h.driver.send('/lawyer')
    await h.driver.pressData('c:consent:yes')
    await h.driver.send('/mydata')
    expect(h.lastText()).toContain(h.t('ru', 'privacy:mydata.draft'))
    await h.driver.pressData('data:file')
    const sent = h.telegram.calls.at(-1)!
    expect(sent.method).toBe('sendDocument')
    expect(Number(sent.payload.chat_id)).toBe(ME)
    expect(sent.files.document!.filename).toBe('joldosh-my-data-2026-11-25.json')
    const data = JSON.parse(sent.files.document!.content)
    expect(data).toMatchObject({ telegramId: ME, language: 'ru', requests: [{ reference: 'JO-2026-00002', description: 'Полиция забрала патент', contactPhone: '+7 901 222 33 44', files: [{ kind: 'photo' }], messages: [{ from: 'lawyer', text: 'Пришлите фото патента' }] }] })
    expect(data.conversationInProgress).not.toBeNull()
    expect(sent.files.document!.content).not.toContain('18.8')
    expect(sent.files.document!.content).not.toContain('Чужой')
  })
})
