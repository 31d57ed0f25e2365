import { expect, it } from 'vitest'
import { legalRequests } from '../../src/db/schema.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const MIGRANT = 7300

/**
 * A lawyer corrects a message after the person deleted their data: the relay went with the data, so
 * the correction cannot reach them, and the lawyer is told so (as for a new message), not left thinking it did.
 */
it('answers a lawyer’s edit about an erased request with why it did not reach the person', async () => {
  const h = await createTestBot()
  h.telegram.forumChats.add(LAWYERS_CHAT_ID)
  await startAs(h, MIGRANT, 'ru')
  await fileRequest(h, { city: 'kazan', topic: 'work', description: 'Работодатель не платит' })
  await h.flush()
  const thread = h.db.select().from(legalRequests).get()!.groupThreadId!
  h.driver.as(ADMIN_ID, 'group', thread)
  await h.driver.send('Пришлите договор')
  const sent = h.driver.lastOwnMessageId()!
  await h.flush()

  // Before erasure an edit follows to the person's chat, without a word in the group.
  let mark = h.mark()
  await h.driver.editMessage(sent, 'Пришлите договор и расписку')
  await h.flush()
  expect(h.since(mark).filter((c) => c.method === 'editMessageText' && Number(c.payload.chat_id) === MIGRANT)).toHaveLength(1)
  expect(h.since(mark).filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === LAWYERS_CHAT_ID)).toEqual([])

  h.driver.as(MIGRANT)
  await h.driver.send('/deletemydata')
  await h.driver.pressCallback('data:delete-yes')
  await h.flush()

  h.driver.as(ADMIN_ID, 'group', thread)
  mark = h.mark()
  await h.driver.editMessage(sent, 'Поправка: пришлите копию')
  await h.flush()
  const reference = h.db.select().from(legalRequests).get()!.reference
  expect(h.since(mark).filter((c) => Number(c.payload.chat_id) === MIGRANT)).toEqual([])
  expect(h.since(mark).map((c) => [c.method, c.payload.text])).toEqual([['sendMessage', h.i18n.t('privacy:desk.erasedNoRelay', { lng: 'ru', reference })]])
})
