import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.js'
import { submitLegalRequest } from '../../src/db/legal-requests.js'
import { startFakeBotApiServer } from '../helpers/fake-bot-api-server.js'
import { freshDatabase, startBot, TOKEN } from './process.js'

const GROUP = -100777
const REQUESTS = 5

describe('the real process killed with SIGKILL mid-delivery', () => {
  it('resumes after a restart: one topic per request, every card posted, at most the one in flight twice', { timeout: 90_000 }, async () => {
    const path = freshDatabase()
    const db = openDatabase(path)
    for (let i = 0; i < REQUESTS; i++) {
      submitLegalRequest(db, { forWhom: 'self', topic: 'work', urgency: 'normal', city: 'kazan', description: `Запрос ${i}`, attachments: [], safeToContact: true }, { userId: 50 + i, chatId: 50 + i, language: 'ru', sourceUpdateId: `kill-${i}`, now: new Date() })
    }
    db.$client.close()
    const api = await startFakeBotApiServer({ forum: true, delays: { sendMessage: 1500 } })
    const env = { BOT_TOKEN: TOKEN, BOT_API_ROOT: api.apiRoot, LAWYERS_CHAT_ID: String(GROUP), DATABASE_PATH: path, LOG_LEVEL: 'silent' }
    const topics = () => api.received.filter((c) => c.method === 'createForumTopic')
    const cards = () => api.received.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === GROUP)
    try {
      const first = startBot(env, 'ignore', { singleProcess: true })
      // Killed while the second card is on its way to Telegram (its topic made just before).
      await api.waitFor(() => cards().length >= 2, 30_000)
      first.child.kill('SIGKILL')
      await first.exited()
      const second = startBot(env, 'ignore', { singleProcess: true })
      await api.waitFor(() => new Set(cards().map((c) => /JO-\d+-\d+/.exec(c.payload.text)?.[0])).size === REQUESTS, 60_000)
      expect(await second.stop()).toBe(0)
      expect(topics()).toHaveLength(REQUESTS)
      // Every topic holds a card: none left empty.
      const threadsWithCards = new Set(cards().map((c) => c.payload.message_thread_id))
      expect(threadsWithCards.size).toBe(REQUESTS)
      expect(cards().length).toBeLessThanOrEqual(REQUESTS + 1)
    } finally {
      await api.close()
    }
  })
})
