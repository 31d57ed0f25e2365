import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Update } from 'grammy/types'
import type { InstantTelegram } from './instant-telegram.js'

const QUESTIONS = join(dirname(fileURLToPath(import.meta.url)), '..', 'search', 'questions.jsonl')

export type UpdateKind = 'start' | 'language' | 'menu' | 'question' | 'centres' | 'benefits'

/** One person's step: what kind of update, and how to build it (message ids come from the fake). */
export interface Step {
  kind: UpdateKind
  text?: string
  data?: string
}

const questions = readFileSync(QUESTIONS, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { lang: string; q: string })

/**
 * Ten updates per person, the mix: /start and a language, menu buttons, a free-text question
 * in Russian or Kyrgyz, centres (button and a typed city), the first benefits steps, /start again.
 */
export function stepsFor(person: number): Step[] {
  const lang = person % 2 === 0 ? 'ru' : 'ky'
  const own = questions.filter((q) => q.lang === lang)
  const question = own[person % own.length]!.q
  return [
    { kind: 'start', text: '/start' },
    { kind: 'language', data: `lang:${lang}` },
    { kind: 'menu', data: 'menu:rights' },
    { kind: 'question', text: question },
    { kind: 'centres', data: 'menu:centres' },
    { kind: 'centres', text: person % 3 === 0 ? 'Казань' : 'Москва' },
    { kind: 'benefits', text: '/benefits' },
    { kind: 'benefits', data: 'c:childrenUnder16:yes' },
    { kind: 'benefits', text: '0 4 7' },
    { kind: 'start', text: '/start' },
  ]
}

export const STEPS_PER_PERSON = stepsFor(0).length

let nextUpdateId = 1

/** The Telegram update for a step by `userId`, in their private chat. */
export function updateFor(step: Step, userId: number, telegram: InstantTelegram): Update {
  const from = { id: userId, is_bot: false, first_name: `User ${userId}`, language_code: userId % 2 === 0 ? 'ru' : 'ky' }
  const chat = { id: userId, type: 'private' as const, first_name: from.first_name }
  const message = { message_id: telegram.newMessageId(), date: Math.floor(Date.now() / 1000), chat }
  if (step.data !== undefined) {
    return {
      update_id: nextUpdateId++,
      callback_query: { id: `cb-${nextUpdateId}`, from, chat_instance: `ci-${userId}`, data: step.data, message: { ...message, from: telegram.botInfo, text: '…' } },
    } as Update
  }
  const command = /^\/\w+/.exec(step.text!)
  const entities = command ? [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] : undefined
  return { update_id: nextUpdateId++, message: { ...message, from, text: step.text!, ...(entities ? { entities } : {}) } } as Update
}
