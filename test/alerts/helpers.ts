import { expect } from 'vitest'
import { alerts } from '../../src/db/schema.js'
import { updateSubscription } from '../../src/db/alerts.js'
import { desc } from 'drizzle-orm'
import { ADMIN_ID, startAs, type TestBot } from '../helpers/bot-harness.js'

/** A person who follows all news, with the citizenship and city they chose to give (or skipped). */
export async function follow(h: TestBot, userId: number, lang: string, details: { citizenship?: string; city?: string } = {}): Promise<void> {
  await startAs(h, userId, lang)
  await h.driver.send('/news')
  await h.driver.pressData('n:all')
  await h.driver.pressData('n:done')
  await h.driver.pressData(`n:c:${details.citizenship ?? 'skip'}`)
  await h.driver.pressData(`n:y:${details.city ?? 'skip'}`)
}

export const newestAlertId = (h: TestBot) => h.db.select().from(alerts).orderBy(desc(alerts.id)).get()!.id

/**
 * The admin composes an alert in a private chat: a text per language (`undefined` = skip), an
 * optional article, the audience toggles (`l:uz`, `y:moscow`, …); it ends at the preview.
 */
export async function composeAlert(h: TestBot, options: { texts: Record<string, string | undefined>; article?: string; audience?: string[]; where?: 'private' | 'group' }): Promise<number> {
  h.driver.as(ADMIN_ID, options.where ?? 'private')
  await h.driver.send('/alert')
  await h.driver.pressData('al:new')
  const id = newestAlertId(h)
  for (const lang of ['ru', 'ky', 'uz', 'tg', 'en']) {
    const text = options.texts[lang]
    if (text === undefined) await h.driver.pressData(`al:skip:${id}`)
    else if (options.where === 'group') await h.driver.reply(text)
    else await h.driver.send(text)
  }
  if (options.article) await h.driver.pressData(`al:ac:${id}:${h.content().articles.categoryOf(options.article)}`)
  await h.driver.pressData(`al:a:${id}:${options.article ?? '-'}`)
  for (const toggle of options.audience ?? []) await h.driver.pressData(`al:au:${id}:${toggle}`)
  await h.driver.pressData(`al:p:${id}`)
  return id
}

/** The alert messages each person received: chat id → texts. */
export function alertsReceived(h: TestBot, mark = 0): Map<number, string[]> {
  const out = new Map<number, string[]>()
  for (const call of h.since(mark)) {
    if (call.method !== 'sendMessage' || !JSON.stringify(call.payload.reply_markup ?? '').includes('an:s:')) continue
    const chat = Number(call.payload.chat_id)
    out.set(chat, [...(out.get(chat) ?? []), String(call.payload.text)])
  }
  expect([...out.keys()].every((c) => c > 0)).toBe(true)
  return out
}

/** Many followers at once, written straight into the table (the tests of delivery need numbers, not the /news taps). */
export function addFollowers(h: TestBot, count: number, first = 5000, details: { language?: string; citizenship?: string; city?: string } = {}): number[] {
  const ids = Array.from({ length: count }, (_, i) => first + i)
  for (const id of ids) updateSubscription(h.db, id, { topics: ['documents', 'work'], language: details.language ?? 'ru', citizenship: details.citizenship ?? null, city: details.city ?? null }, new Date('2026-11-20T00:00:00Z'))
  return ids
}
