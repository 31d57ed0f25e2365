import Database from 'better-sqlite3'
import { Bot, session } from 'grammy'
import type { InstantTelegram } from './instant-telegram.js'

/**
 * The floor: a plain grammY bot with a better-sqlite3 session (one row read and one written per
 * update, statements prepared once) answering every update with one message. Nothing a real bot
 * does can be cheaper; Joldosh's throughput is reported as a fraction of this.
 */
export async function createFloorBot(dbPath: string, telegram: InstantTelegram): Promise<Bot<any>> {
  const sqlite = new Database(dbPath)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.exec('CREATE TABLE IF NOT EXISTS sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const read = sqlite.prepare<[string], { value: string }>('SELECT value FROM sessions WHERE key = ?')
  const write = sqlite.prepare('INSERT INTO sessions (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  const remove = sqlite.prepare('DELETE FROM sessions WHERE key = ?')
  const bot = new Bot<any>('floor', { botInfo: telegram.botInfo, client: { fetch: telegram.fetch as unknown as typeof fetch } })
  bot.use(
    session({
      initial: () => ({ updates: 0 }),
      storage: {
        read: (key: string) => {
          const row = read.get(key)
          return row ? JSON.parse(row.value) : undefined
        },
        write: (key: string, value: unknown) => void write.run(key, JSON.stringify(value)),
        delete: (key: string) => void remove.run(key),
      },
    }),
  )
  bot.use(async (ctx) => {
    ctx.session.updates++
    await ctx.api.sendMessage(ctx.chat?.id ?? ctx.from!.id, `update ${ctx.session.updates}`)
  })
  await bot.init()
  return bot
}
