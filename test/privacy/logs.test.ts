import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { legalRequests } from '../../src/db/schema.js'
import { ADMIN_ID, createTestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const MIGRANT = 58213947
const SECRETS = ['Жылдыз Сатыбалдиева', '+7 916 404 50 60', 'Начальник цеха Колесников', 'Фото трудового договора', 'ответ юриста про Колесникова', 'уточнение от мигранта про цех', `User ${MIGRANT}`]

describe('logs', () => {
  it('at debug level, a full request, a relay both ways and a deletion log no text, name, phone or raw Telegram id', async () => {
    const lines: string[] = []
    const logger = pino({ level: 'trace', base: undefined }, { write: (line: string) => void lines.push(line) })
    const h = await createTestBot({ logger })
    h.driver.as(MIGRANT)
    await h.driver.send('/start')
    await h.driver.pressCallback('lang:ru')
    await h.driver.send('паспорт')
    await fileRequest(h, { forWhom: 'family', subjectName: SECRETS[0], phone: SECRETS[1], description: SECRETS[2] })
    await h.flush()
    const card = h.db.select().from(legalRequests).get()!.cardMessageId!
    h.driver.as(ADMIN_ID, 'group')
    await h.driver.send(SECRETS[4]!, h.driver.replyTo(card))
    await h.driver.pressData('d:contact:1')
    await h.flush()
    h.driver.as(MIGRANT)
    const lawyerMessage = [...h.telegram.messages.values()].filter((m) => m.chatId === MIGRANT && m.fromBot && m.text.includes(SECRETS[4]!)).pop()!
    await h.driver.send(SECRETS[5]!, h.driver.replyTo(lawyerMessage.messageId))
    await h.driver.sendPhoto('ph-1', SECRETS[3], h.driver.replyTo(lawyerMessage.messageId))
    await h.flush()
    await h.driver.send('/deletemydata')
    await h.driver.press('🗑')
    await h.flush()

    // The capture works: the handlers did log, with pseudonymous ids.
    expect(lines.length).toBeGreaterThan(10)
    expect(lines.some((l) => /"chat_id":"p_[0-9a-f]{12}"/.test(l))).toBe(true)
    expect(lines.some((l) => l.includes('desk:relay-to-group'))).toBe(true)
    const leaks = lines.filter((l) => SECRETS.some((s) => l.includes(s)) || l.includes(String(MIGRANT)))
    expect(leaks).toEqual([])
  })
})
