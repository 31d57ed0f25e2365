import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { keyValueStorage } from '../../src/db/key-value-storage.js'
import { listRequestsOfUser, requestAttachmentsOf } from '../../src/db/legal-requests.js'
import { createTestBot, startAs, type TestBot } from '../helpers/bot-harness.js'

/** The conversation state of a chat as stored, in bytes of JSON (0 when none). */
function stateBytes(h: TestBot, chatId: number): number {
  const row = keyValueStorage<unknown>(h.db, 'conv:', () => new Date()).read(String(chatId))
  return row === undefined ? 0 : JSON.stringify(row).length
}

function storeRow(h: TestBot, chatId: number, row: unknown): void {
  keyValueStorage<unknown>(h.db, 'conv:', () => new Date()).write(String(chatId), row)
}

/** Rows saved by the replay-log conversations (storage version 2), captured from the code before stepwise conversations. */
const V2 = JSON.parse(readFileSync('test/fixtures/conversations-v2.json', 'utf8')) as { legalRequest: { state: Record<string, unknown> }; familyBenefits: unknown }

async function answer(h: TestBot, list: string[]): Promise<void> {
  for (const s of list) {
    if (s.startsWith('c:')) await h.driver.pressData(s)
    else await h.driver.send(s)
  }
}

const BENEFITS = ['c:childrenUnder16:yes', '0 4 7', 'c:baby:born', '1', 'c:babiesAtOnce:1', 'c:babyBornAbroad:no', 'c:caregiver:parent', 'c:orphan:no', 'c:highMountain:no', 'c:disabledChild:no']
const BENEFITS_REST = ['c:disabledAdult:no', 'c:pregnantWoman:no', 'c:elderWithoutPension:no', 'c:motherHeroine:no', '5', '4000', '0', 'c:socialContractSigned:no']

describe('conversation state stays small', () => {
  it('the benefits questions keep a few KB however many answers there are (a replay log held 15 KB after six)', async () => {
    const h = await createTestBot()
    await startAs(h, 8100, 'ru')
    await h.driver.send('/benefits')
    const sizes: number[] = []
    for (const a of BENEFITS) {
      await answer(h, [a])
      sizes.push(stateBytes(h, 8100))
    }
    expect(sizes[5]).toBeLessThan(4000)
    expect(Math.max(...sizes)).toBeLessThan(4000)
    // Flat, not growing with each answer.
    expect(sizes[9]! - sizes[1]!).toBeLessThan(1500)
    await answer(h, BENEFITS_REST)
    expect(h.lastText()).toContain(h.t('ru', 'benefits:benefit.birth-grant.name'))
    expect(stateBytes(h, 8100)).toBe(0)
  })

  it('the request stays small through an edit from the summary, and a restart between two steps goes on from the same step', async () => {
    const h = await createTestBot()
    await startAs(h, 8101, 'en')
    await answer(h, ['/lawyer', 'c:consent:yes', 'c:for:family', 'Azamat', 'c:topic:work', 'c:urgency:normal'])
    await h.restart()
    await answer(h, ['c:city:kazan', 'Unpaid wages since October'])
    await h.driver.sendPhoto('photo-1')
    await h.restart()
    await h.driver.sendPhoto('photo-2')
    await answer(h, ['c:files:done'])
    await h.driver.press('💬')
    await answer(h, ['c:safe:no', 'c:summary:edit', 'c:edit:city', 'c:city:moscow'])
    expect(stateBytes(h, 8101)).toBeLessThan(4000)
    const summary = h.lastText()
    for (const part of ['Azamat', 'Unpaid wages since October', h.t('en', 'lawyer:cities.moscow')]) expect(summary).toContain(part)
    await answer(h, ['c:summary:send'])
    const [request] = listRequestsOfUser(h.db, 8101)
    expect(request).toMatchObject({ subjectName: 'Azamat', city: 'moscow', description: 'Unpaid wages since October', safeToContact: false })
    expect(requestAttachmentsOf(h.db, request!.id).map((a) => a.fileId)).toEqual(['photo-1', 'photo-2'])
    expect(stateBytes(h, 8101)).toBe(0)
  })
})

describe('deploy: conversations saved before stepwise conversations', () => {
  it('a request half-way (saved as a replay log) goes on where it was: nothing typed is lost, and Send keeps its draft id', async () => {
    const h = await createTestBot()
    await startAs(h, 5001, 'ky')
    storeRow(h, 5001, V2.legalRequest)
    const draftId = /"draftId":"([0-9a-f-]{36})"/.exec(JSON.stringify(V2.legalRequest))![1]
    await h.restart()
    // The person was at the files step with one photo sent: Done, then the contact and Send.
    await h.driver.pressCallback('c:files:done')
    await h.driver.press('💬')
    await h.driver.pressCallback('c:safe:yes')
    const summary = h.lastText()
    expect(summary).toContain('Азамат')
    expect(summary).toContain('Иш берүүчү үч ай айлык төлөбөй жатат')
    await h.driver.pressData('c:summary:send')
    const [request] = listRequestsOfUser(h.db, 5001)
    expect(request).toMatchObject({ forWhom: 'family', subjectName: 'Азамат', topic: 'work', city: 'kazan', description: 'Иш берүүчү үч ай айлык төлөбөй жатат' })
    expect(request!.sourceUpdateId).toBe(`5001:draft:${draftId}`)
    expect(requestAttachmentsOf(h.db, request!.id).map((a) => a.fileId)).toEqual(['photo-old-1'])
    expect(h.lastText()).toContain(request!.reference)
  })

  it('benefits questions half-way (a replay log) go on from the question that was open and give the answer', async () => {
    const h = await createTestBot()
    await startAs(h, 5002, 'ru')
    storeRow(h, 5002, V2.familyBenefits)
    await h.restart()
    // The baby's age in months was asked; the earlier answers (children 0, 4, 7) are kept.
    await h.driver.send('1')
    expect(h.driver.buttons().map((b) => b.callbackData)).toContain('c:babiesAtOnce:1')
    await answer(h, BENEFITS.slice(4))
    await answer(h, BENEFITS_REST)
    expect(h.lastText()).toContain(h.t('ru', 'benefits:benefit.birth-grant.name'))
  })

  it('a benefits row saved before questions were journalled as sent (the open question in the replay log) goes on without sending it again', async () => {
    // Captured from the code before `steps.prompt`, after "yes" to children under 16: the ages question is open.
    const before = readFileSync('test/fixtures/conversations-v3-journal.json', 'utf8')
    const h = await createTestBot()
    await startAs(h, 5005, 'ky')
    storeRow(h, 5005, JSON.parse(before))
    await h.restart()
    const mark = h.mark()
    await h.driver.send('0 4 7')
    expect(h.textsSince(mark)).toEqual([h.t('ky', 'benefits:question.baby')])
    await answer(h, BENEFITS.slice(2))
    await answer(h, BENEFITS_REST)
    expect(h.lastText()).toContain(h.t('ky', 'benefits:benefit.birth-grant.name'))
  })

  it('a sent question is kept in the journal, not its message: the stored state holds no question text', async () => {
    const h = await createTestBot()
    await startAs(h, 5006, 'ru')
    await answer(h, ['/benefits', 'c:childrenUnder16:yes'])
    const row = JSON.stringify(keyValueStorage<unknown>(h.db, 'conv:', () => new Date()).read('5006'))
    expect(row).toContain('prompt:childAges')
    expect(row).not.toContain(JSON.stringify(h.t('ru', 'benefits:question.childAges')).slice(1, 30))
  })

  it('a journal the questions no longer fit (a deploy changed them) ends the questions, and the person is told they start again', async () => {
    const h = await createTestBot()
    await startAs(h, 5004, 'uz')
    await answer(h, ['/benefits', 'c:childrenUnder16:yes', '0 4 7'])
    const storage = keyValueStorage<unknown>(h.db, 'conv:', () => new Date())
    storage.write('5004', JSON.parse(JSON.stringify(storage.read('5004')).replace('childrenUnder16', 'aQuestionNoLongerAsked')))
    const mark = h.mark()
    await h.driver.pressData('c:baby:born')
    expect(h.textsSince(mark)).toEqual([h.t('uz', 'conv.startAgain', { what: h.t('uz', 'conv.names.family-benefits') })])
    expect(stateBytes(h, 5004)).toBe(0)
  })

  it('an older saved conversation cannot go on: the person is told once, in their language, that it starts again', async () => {
    const h = await createTestBot()
    await startAs(h, 5003, 'ky')
    storeRow(h, 5003, { version: [0, 1], state: (V2.legalRequest as { state: unknown }).state })
    await h.restart()
    const mark = h.mark()
    await h.driver.pressCallback('c:files:done')
    const what = h.t('ky', 'conv.names.legal-request')
    expect(h.textsSince(mark)[0]).toBe(h.t('ky', 'conv.startAgain', { what }))
    expect(stateBytes(h, 5003)).toBe(0)
    const again = h.mark()
    await h.driver.send('/lawyer')
    expect(h.textsSince(again).join('\n')).not.toContain(h.t('ky', 'conv.startAgain', { what }))
    expect(h.driver.buttons().map((b) => b.callbackData)).toContain('c:consent:yes')
  })
})
