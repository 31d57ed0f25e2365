import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { startFakeBotApiServer } from '../helpers/fake-bot-api-server.js'
import { freshDatabase, startBot, TOKEN, waitFor } from './process.js'

const GROUP = -100778
const PERSON = 4242
const DESCRIPTION = 'Wages unpaid since October, kill-test 7731'
const lawyerText = JSON.parse(readFileSync('locales/en/lawyer.json', 'utf8')) as Record<string, string>

type Api = Awaited<ReturnType<typeof startFakeBotApiServer>>

/** A person talking to the real process through the loopback Bot API: one update, then the bot's answer. */
function person(api: Api) {
  let updateId = 1
  const from = { id: PERSON, is_bot: false, first_name: 'Aibek', language_code: 'en' }
  const chat = { id: PERSON, type: 'private', first_name: 'Aibek' }
  const toPerson = () => api.received.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === PERSON)
  const buttonsOf = (c: { payload: any }) => JSON.stringify(c.payload.reply_markup ?? {})
  /** Pushes the update and waits (bounded) for a new message to the person matching `expect`. */
  const step = async (update: Record<string, unknown>, expect: (c: { payload: any }) => boolean) => {
    const mark = toPerson().length
    api.push({ update_id: updateId++, ...update })
    await api.waitFor(() => toPerson().slice(mark).some(expect), 20_000)
  }
  const message = (text: string) => ({ message: { message_id: 10_000 + updateId, date: Math.floor(Date.now() / 1000), chat, from, text, ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] } : {}) } })
  const press = (data: string) => ({ callback_query: { id: `cb-${updateId}`, from, chat_instance: 'ci', data, message: { message_id: 1, date: 0, chat, text: '…' } } })
  return {
    toPerson,
    say: (text: string, next: string) => step(message(text), (c) => buttonsOf(c).includes(next) || String(c.payload.text).includes(next)),
    press: (data: string, next: string) => step(press(data), (c) => buttonsOf(c).includes(next) || String(c.payload.text).includes(next)),
    pressOnly: (data: string) => api.push({ update_id: updateId++, ...press(data) }),
  }
}

const integrity = (path: string) => {
  const db = new Database(path, { readonly: true })
  try {
    return db.pragma('integrity_check', { simple: true })
  } finally {
    db.close()
  }
}

/** English, /lawyer, and the request's answers up to the description: the files step is next. */
async function throughTheDescription(p: ReturnType<typeof person>): Promise<void> {
  await p.say('/start', 'lang:en')
  await p.press('lang:en', '')
  await p.say('/lawyer', 'c:consent:yes')
  await p.press('c:consent:yes', 'c:for:self')
  await p.press('c:for:self', 'c:topic:work')
  await p.press('c:topic:work', 'c:urgency:normal')
  await p.press('c:urgency:normal', 'c:city:kazan')
  await p.press('c:city:kazan', 'Describe')
  await p.say(DESCRIPTION, 'c:files:done')
}

describe('the real process killed with SIGKILL in the middle of a request', () => {
  it('on restart the database is consistent and the person goes on from the step they were at; after Send one confirmation and one card', { timeout: 90_000 }, async () => {
    const path = freshDatabase()
    const api = await startFakeBotApiServer()
    const env = { BOT_TOKEN: TOKEN, BOT_API_ROOT: api.apiRoot, LAWYERS_CHAT_ID: String(GROUP), DATABASE_PATH: path, LOG_LEVEL: 'silent' }
    const p = person(api)
    let bot = startBot(env, 'ignore', { singleProcess: true })
    try {
      await throughTheDescription(p)
      // The step is saved once the update is handled (just after the answer went out): killed then.
      await waitFor(() => {
        const db = new Database(path, { readonly: true })
        try {
          return (db.prepare("SELECT count(*) AS n FROM key_value WHERE key LIKE 'conv:%' AND value LIKE ?").get(`%${DESCRIPTION}%`) as { n: number }).n > 0 || undefined
        } finally {
          db.close()
        }
      }, 5_000, 'the conversation state')
      bot.child.kill('SIGKILL')
      await bot.exited(5_000)
      expect(integrity(path)).toBe('ok')

      bot = startBot(env, 'ignore', { singleProcess: true })
      // The same files step goes on: no new /lawyer, no question asked again.
      await p.press('c:files:done', 'request_contact')
      await p.say(lawyerText.onlyChat!, 'c:safe:yes')
      await p.press('c:safe:yes', 'c:summary:send')
      const summary = p.toPerson().at(-1)!.payload.text as string
      expect(summary).toContain(DESCRIPTION)
      await p.press('c:summary:send', 'JO-')
      const cards = () => api.received.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === GROUP && /JO-\d+-\d+/.test(c.payload.text))
      await api.waitFor(() => cards().length > 0, 20_000)
      // Room for a duplicate to show up, were there one.
      await new Promise((r) => setTimeout(r, 1_500))
      expect(await bot.stop(8_000)).toBe(0)
      expect(integrity(path)).toBe('ok')
      expect(cards()).toHaveLength(1)
      const confirmations = p.toPerson().filter((c) => /JO-\d+-\d+/.test(c.payload.text))
      expect(confirmations).toHaveLength(1)
      expect(confirmations[0]!.payload.text).toContain(/JO-\d+-\d+/.exec(cards()[0]!.payload.text)![0])
      // Nothing asked twice: one description question, one consent.
      expect(p.toPerson().filter((c) => String(c.payload.reply_markup ? JSON.stringify(c.payload.reply_markup) : '').includes('c:consent:yes'))).toHaveLength(1)
    } catch (error) {
      console.log(JSON.stringify(api.received.map((c) => [c.method, c.payload.chat_id, String(c.payload.text ?? '').slice(0, 40)])), bot.stderr().slice(-2000))
      throw error
    } finally {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL')
      await api.close()
    }
  })

  it('killed right after Send, before the outbox posted the card: the lawyers get one card and the person one confirmation', { timeout: 90_000 }, async () => {
    const path = freshDatabase()
    // The card is slow to be answered, so the process dies with it unanswered (never delivered).
    const options = { delays: {} as Record<string, number>, recordOnAnswer: true }
    const api = await startFakeBotApiServer(options)
    const env = { BOT_TOKEN: TOKEN, BOT_API_ROOT: api.apiRoot, LAWYERS_CHAT_ID: String(GROUP), DATABASE_PATH: path, LOG_LEVEL: 'silent' }
    const p = person(api)
    const cards = () => api.received.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === GROUP && /JO-\d+-\d+/.test(c.payload.text))
    let bot = startBot(env, 'ignore', { singleProcess: true })
    try {
      await throughTheDescription(p)
      await p.press('c:files:done', 'request_contact')
      await p.say(lawyerText.onlyChat!, 'c:safe:yes')
      await p.press('c:safe:yes', 'c:summary:send')
      options.delays[`sendMessage:${GROUP}`] = 60_000
      await p.press('c:summary:send', 'JO-')
      // The outbox runs every second: by now the card is on its way, and unanswered.
      await new Promise((r) => setTimeout(r, 1_500))
      bot.child.kill('SIGKILL')
      await bot.exited(5_000)
      expect(cards()).toHaveLength(0)
      expect(integrity(path)).toBe('ok')

      delete options.delays[`sendMessage:${GROUP}`]
      bot = startBot(env, 'ignore', { singleProcess: true })
      await api.waitFor(() => cards().length > 0, 20_000)
      await new Promise((r) => setTimeout(r, 1_500))
      expect(await bot.stop(8_000)).toBe(0)
      expect(integrity(path)).toBe('ok')
      expect(cards()).toHaveLength(1)
      const confirmations = p.toPerson().filter((c) => /JO-\d+-\d+/.test(c.payload.text))
      expect(confirmations).toHaveLength(1)
      expect(confirmations[0]!.payload.text).toContain(/JO-\d+-\d+/.exec(cards()[0]!.payload.text)![0])
    } finally {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL')
      await api.close()
    }
  })
})
