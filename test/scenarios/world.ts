import fc from 'fast-check'
import { pino } from 'pino'
import { OutboxWorker } from '../../src/bot/outbox/worker.js'
import { deskPrompts, keyValue, legalRequests, outbox, relayedMessages, requestMessages } from '../../src/db/schema.js'
import { pendingOutboxCount } from '../../src/db/outbox.js'
import { referencesIn } from '../../src/requests/lifecycle.js'
import type { StoredMessage } from '../../src/transport/fake-telegram.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, type TestBot } from '../helpers/bot-harness.js'
import { and, eq } from 'drizzle-orm'

/**
 * One world per test file: the real bot on one SQLite file, two migrants at a time (a new pair
 * every few scenarios) and two lawyers. Scenarios are short interleavings of everyone's steps;
 * the invariants of issue 12 are checked after each.
 */
const who = fc.constantFrom(0, 1)
const kind = fc.constantFrom('text', 'photo', 'sticker', 'voice') as fc.Arbitrary<'text' | 'photo' | 'sticker' | 'voice'>

export const stepArb = fc.oneof(
  // A few answers of the request at once, so that requests get sent within a pair's scenarios.
  { weight: 14, arbitrary: fc.record({ kind: fc.constant('request' as const), who, answers: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('benefits' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('search' as const), who }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replyToBot' as const), who, what: kind }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('plain' as const), who, what: kind }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('write' as const), who, what: kind }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('editOwn' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('menu' as const), who, command: fc.constantFrom('/lawyer', '/help', '/cancel', '/start', '/benefits', '/myrequests') }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('lawyerReply' as const), lawyer: who, target: fc.constantFrom('card', 'named', 'relayed'), what: fc.constantFrom('text', 'photo') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('lawyerTake' as const), lawyer: who }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('lawyerStatus' as const), to: fc.constantFrom('waiting_for_client', 'closed', 'in_progress', 'resolved') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lawyerEdit' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('redeliver' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flush' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteData' as const), who }) },
)
export type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never

const LAWYERS = [ADMIN_ID, 55]
/**
 * A pair of migrants lives through a few scenarios, then the next pair arrives: early enough that
 * nobody reaches the bot's flood limit (60 updates a minute per person, in real time) in a fast test.
 */
const PAIR_SCENARIOS = 10
/** One scenario sends at most 7 steps × 4 updates and 2 checks: 24 + 30 stays under 60. */
const PAIR_UPDATES = 24
const LANGS = ['ru', 'ky'] as const

/** A message someone sent that must reach the other side, or be answered with why not. */
interface Expectation {
  side: 'migrant' | 'lawyer'
  chatId: number
  messageId: number
  requestId: number
  callsBefore: number
  step: string
  /** The request was already erased when the message was sent: then it must be answered with why not. */
  erasedBefore: boolean
}

export async function createWorld() {
  const errors: string[] = []
  const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) })
  const h = await createTestBot({ logger })
  h.driver.as(ADMIN_ID, 'group')
  await h.driver.send('/lawyers add 55 Айгуль')
  const confirmed = new Set<string>()
  /** What the scenarios exercised, printed with the count so a weak run shows. */
  const stats = { scenarios: 0, steps: 0, requestsAtStart: 0, requestsSent: 0, messagesChecked: 0, restarts: 0, redeliveries: 0 }
  let pair = -1
  let migrants: number[] = []
  const t = (lng: string, key: string, o?: Record<string, unknown>) => h.i18n.t(key, { lng, ...o })
  const lang = (i: number) => LANGS[i % 2]!

  /** Updates each migrant sent, to keep under the flood limit; the pair changes after a scenario. */
  const updatesBy = new Map<number, number>()
  let rotate = true
  async function newPair(index: number) {
    migrants = [100_000 + index * 2, 100_001 + index * 2]
    erasedOfPair = []
    for (const [i, id] of migrants.entries()) {
      h.driver.as(id)
      await h.driver.send('/start')
      await h.driver.pressCallback(`lang:${lang(i)}`)
    }
    // The first of the pair starts with a request sent, so lawyers have something to answer at once.
    const first = h.driver.nextUpdate
    for (let n = 0; n < 12 && !latestRequest(migrants[0]!); n++) await requestStep(0)
    updatesBy.set(migrants[0]!, h.driver.nextUpdate - first + 2)
    stats.requestsAtStart++
    // The second is half-way through one, so scenarios send it (or break into it) often.
    const second = h.driver.nextUpdate
    for (let n = 0; n < 5; n++) await requestStep(1)
    updatesBy.set(migrants[1]!, h.driver.nextUpdate - second + 2)
    await flush()
    confirmed.add(latestRequest(migrants[0]!)!.reference)
  }

  const latestRequest = (userId: number) => h.db.select().from(legalRequests).where(eq(legalRequests.userId, userId)).all().at(-1)
  /** Requests of this pair that their person erased (/deletemydata): the row stays, anonymous. */
  let erasedOfPair: number[] = []
  // Once both have deleted their data, lawyers keep answering the last erased request (its card stays).
  const anyLatestRequest = () =>
    migrants.map(latestRequest).filter(Boolean).at(-1) ?? (erasedOfPair.length ? h.db.select().from(legalRequests).where(eq(legalRequests.id, erasedOfPair.at(-1)!)).get() : undefined)
  // The bot's messages per chat, newest last, so finding "the latest bot message" stays cheap.
  const botMessages = new Map<number, number[]>()
  h.telegram.onCall((call) => {
    const id = (call.result as { message_id?: number } | undefined)?.message_id
    if (id === undefined || call.payload.chat_id === undefined) return
    const chatId = Number(call.payload.chat_id)
    if (!botMessages.has(chatId)) botMessages.set(chatId, [])
    botMessages.get(chatId)!.push(id)
  })
  function latestBot(chatId: number, pred: (m: StoredMessage) => boolean = () => true): StoredMessage | undefined {
    const ids = botMessages.get(chatId) ?? []
    for (let i = ids.length - 1; i >= 0; i--) {
      const m = h.telegram.message(chatId, ids[i]!)
      if (m?.fromBot && pred(m)) return m
    }
    return undefined
  }
  const buttonData = (m: StoredMessage | undefined): string[] => (m?.replyMarkup?.inline_keyboard ?? []).flat().map((b: { callback_data?: string }) => b.callback_data ?? '')
  const conversationOpen = (chatId: number) => {
    const row = h.db.select().from(keyValue).where(eq(keyValue.key, `conv:${chatId}`)).get()
    return row ? Object.values((JSON.parse(row.value) as { state: Record<string, unknown[]> }).state).some((v) => v.length > 0) : false
  }

  async function send(what: 'text' | 'photo' | 'sticker' | 'voice', text: string, extra: Record<string, unknown> = {}) {
    const d = h.driver
    if (what === 'text') await d.send(text, extra)
    else if (what === 'photo') await d.sendPhoto(`ph-${h.mark()}`, text, extra)
    else if (what === 'sticker') await d.sendSticker(extra)
    else await d.sendVoice(extra)
  }

  /** The next answer in this migrant's request conversation, whatever the screen shows. */
  async function requestStep(i: number) {
    const id = migrants[i]!
    const d = h.driver
    d.as(id)
    const latest = latestBot(id)
    const data = buttonData(latest)
    const pick = (prefix: string, value: string) => data.find((x) => x === `c:${prefix}:${value}`)
    const choice = pick('consent', 'yes') ?? pick('for', 'self') ?? pick('topic', 'work') ?? pick('urgency', ['normal', 'deadline', 'detained'][id % 3]!) ?? pick('city', 'kazan') ?? pick('safe', 'yes') ?? pick('summary', 'send') ?? data.find((x) => x === 'c:files:done')
    if (choice) return d.pressCallback(choice, latest!.messageId)
    if (latest?.replyMarkup?.keyboard) return d.send(t(lang(i), 'lawyer:onlyChat'))
    const asked = [t(lang(i), 'lawyer:description', { max: 3000 }), t(lang(i), 'conv.needText'), t(lang(i), 'conv.command')]
    if (latest && asked.some((q) => latest.text === q)) return d.send('Работодатель не платит три месяца')
    return d.send('/lawyer')
  }

  async function run(step: Step, expectationsOut: Expectation[], log: string[]) {
    const d = h.driver
    const expectations = {
      push: (e: Omit<Expectation, 'erasedBefore'>) =>
        expectationsOut.push({ ...e, erasedBefore: !!h.db.select().from(legalRequests).where(eq(legalRequests.id, e.requestId)).get()?.erasedAt }),
    }
    log.push(JSON.stringify(step))
    switch (step.kind) {
      case 'request':
      case 'benefits':
      case 'search':
      case 'replyToBot':
      case 'plain':
      case 'write':
      case 'withdraw':
      case 'editOwn':
      case 'menu':
      case 'deleteData': {
        const i = step.who
        const id = migrants[i]!
        d.as(id)
        if (step.kind === 'request') {
          for (let n = 0; n < step.answers; n++) await requestStep(i)
          return
        }
        if (step.kind === 'benefits') {
          const latest = latestBot(id)
          const unknown = buttonData(latest).find((x) => x.endsWith(':unknown'))
          return unknown ? d.pressCallback(unknown, latest!.messageId) : d.send('/benefits')
        }
        if (step.kind === 'search') return d.send('забрали паспорт на работе')
        if (step.kind === 'menu') return d.send(step.command)
        if (step.kind === 'editOwn') {
          const own = d.lastOwnMessageId()
          return own ? d.editMessage(own, 'исправлено') : undefined
        }
        const request = latestRequest(id)
        if (step.kind === 'withdraw') return request ? d.pressCallback(`my:withdraw-yes:${request.id}`) : undefined
        if (step.kind === 'deleteData') {
          const mine = h.db.select().from(legalRequests).where(eq(legalRequests.userId, id)).all()
          await d.send('/deletemydata')
          await d.pressCallback('data:delete-yes')
          for (const r of mine) if (h.db.select().from(legalRequests).where(eq(legalRequests.id, r.id)).get()?.erasedAt) erasedOfPair.push(r.id)
          return
        }
        if (step.kind === 'write') {
          if (!request) return
          // The answer may come at the press (a withdrawn request) or after the message.
          const pressed = h.mark()
          await d.pressCallback(`my:write:${request.id}`)
          await send(step.what, 'Вот ответ юристу')
          if (step.what === 'text' || step.what === 'photo') expectations.push({ side: 'migrant', chatId: id, messageId: d.lastOwnMessageId()!, requestId: request.id, callsBefore: pressed, step: log.at(-1)! })
          return
        }
        // A reply to the latest bot message that names one of this person's requests, or a plain message.
        const target = step.kind === 'replyToBot' ? latestBot(id, (m) => referencesIn(m.text).length === 1) : undefined
        const about = target ? h.db.select().from(legalRequests).where(eq(legalRequests.reference, referencesIn(target.text)[0]!)).get() : undefined
        const own = step.kind === 'plain' && !conversationOpen(id) ? h.db.select().from(legalRequests).where(eq(legalRequests.userId, id)).all() : []
        const waiting = own.find((r) => r.status === 'waiting_for_client') ?? (step.what === 'photo' ? own.find((r) => ['new', 'in_progress'].includes(r.status)) : undefined)
        const expected = about?.userId === id ? about : waiting
        const mark = h.mark()
        await send(step.what, 'Ответ: договора нет', target ? d.replyTo(target.messageId) : {})
        if (expected && (step.what !== 'sticker' || about)) expectations.push({ side: 'migrant', chatId: id, messageId: d.lastOwnMessageId()!, requestId: expected.id, callsBefore: mark, step: log.at(-1)! })
        return
      }
      case 'lawyerReply': {
        const request = anyLatestRequest()
        if (!request) return
        d.as(LAWYERS[step.lawyer]!, 'group')
        const fresh = h.db.select().from(legalRequests).where(eq(legalRequests.id, request.id)).get()
        const relayed = h.db.select().from(relayedMessages).where(and(eq(relayedMessages.requestId, request.id), eq(relayedMessages.direction, 'from_client'))).all().at(-1)
        const targetId =
          step.target === 'card' ? fresh?.cardMessageId :
          step.target === 'relayed' ? relayed?.groupMessageId :
          // Any bot message naming the request, except the bot's questions (a reply there answers them).
          latestBot(LAWYERS_CHAT_ID, (m) => referencesIn(m.text)[0] === request.reference && referencesIn(m.text).length === 1 && !h.db.select().from(deskPrompts).where(and(eq(deskPrompts.chatId, LAWYERS_CHAT_ID), eq(deskPrompts.messageId, m.messageId))).get())?.messageId
        if (!targetId) return
        const mark = h.mark()
        await send(step.what, 'Пришлите фото договора', d.replyTo(targetId))
        expectations.push({ side: 'lawyer', chatId: LAWYERS_CHAT_ID, messageId: d.lastOwnMessageId()!, requestId: request.id, callsBefore: mark, step: log.at(-1)! })
        return
      }
      case 'lawyerTake': {
        const request = anyLatestRequest()
        if (!request?.cardMessageId) return
        d.as(LAWYERS[step.lawyer]!, 'group')
        await d.pressCallback(`d:take:${request.id}`, request.cardMessageId)
        const takeOver = latestBot(LAWYERS_CHAT_ID, (m) => buttonData(m).includes(`d:takeover:${request.id}`))
        if (takeOver) await d.pressCallback(`d:takeover:${request.id}`, takeOver.messageId)
        return
      }
      case 'lawyerStatus': {
        const request = anyLatestRequest()
        if (!request) return
        d.as(ADMIN_ID, 'group')
        await d.pressCallback(`d:set:${request.id}:${step.to}`)
        const question = latestBot(LAWYERS_CHAT_ID)
        if (question && referencesIn(question.text)[0] === request.reference) await d.send('-', d.replyTo(question.messageId))
        return
      }
      case 'lawyerEdit': {
        d.as(ADMIN_ID, 'group')
        const own = d.lastOwnMessageId()
        return own ? d.editMessage(own, 'Поправка: пришлите копию') : undefined
      }
      case 'restart':
        return h.restart()
      case 'redeliver':
        return d.lastUpdate ? d.redeliver() : undefined
      case 'flush':
        return flush()
    }
  }

  /** The outbox as the running bot delivers it, without waiting for Telegram's rate limits. */
  async function flush() {
    const worker = new OutboxWorker({ db: h.db, api: h.bot.api, config: h.config, i18n: h.i18n, logger, clock: () => new Date() }, { throttle: false })
    for (let i = 0; i < 20 && pendingOutboxCount(h.db) > 0; i++) {
      await worker.deliverDue()
      h.advance(60_000)
    }
  }

  /** What a sender may be told instead of their message being relayed (up to the reference). */
  const whyNotCache = new Map<string, RegExp[]>()
  const whyNot = (lng: string) => whyNotCache.get(lng) ?? whyNotCache.set(lng, whyNotOf(lng)).get(lng)!
  const whyNotOf = (lng: string) =>
    ['requests:withdrawnNoRelay', 'requests:cannotRelayKind', 'conv.voice', 'conv.tooLong', 'desk:closedNoRelay', 'desk:withdrawnNoRelay', 'desk:goneNoRelay', 'desk:cannotRelayKind', 'privacy:desk.erasedNoRelay']
      .map((k) => new RegExp(`^${t(lng, k, { reference: '§', max: '§', length: '§' }).split('§').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\n]*')}$`))

  const sent = LANGS.flatMap((l) => ['lawyer:sent', 'lawyer:sentUrgent', 'lawyer:sentDeadline'].map((k) => t(l, k, { reference: '§' }).split('§')[0]!))
  const openPrefixes = LANGS.map((l) => t(l, 'conv.open', { what: '§' }).split('§')[0]!)

  /** Runs one scenario and returns what broke (empty when every invariant holds). */
  async function scenario(index: number, steps: Step[]): Promise<string[]> {
    if (rotate) await newPair(++pair)
    rotate = false
    const start = h.mark()
    const errorsBefore = errors.length
    const expectations: Expectation[] = []
    const log: string[] = []
    for (const step of steps) {
      const before = h.driver.nextUpdate
      await run(step, expectations, log)
      const sent = step.kind === 'redeliver' ? 1 : h.driver.nextUpdate - before
      updatesBy.set(h.driver.userId, (updatesBy.get(h.driver.userId) ?? 0) + sent)
    }
    stats.scenarios++
    stats.steps += steps.length
    stats.restarts += steps.filter((x) => x.kind === 'restart').length
    stats.redeliveries += steps.filter((x) => x.kind === 'redeliver').length
    stats.messagesChecked += expectations.length
    await flush()
    const broken: string[] = []
    const calls = h.since(start)
    const texts = (chatId: number, from: number) => h.since(from).filter((c) => Number(c.payload.chat_id) === chatId).map((c) => String(c.payload.text ?? ''))

    // No handler answers "something went wrong", and nothing failed unseen (the group gets no apology).
    if (calls.some((c) => LANGS.some((l) => c.payload.text === t(l, 'errors.generic')))) broken.push('someone was told "something went wrong"')
    if (errors.length > errorsBefore) broken.push(`errors logged: ${errors.slice(errorsBefore).join(' | ').slice(0, 500)}`)

    // Every submitted request: one row, one reference, one outbox event; "sent" names a new reference.
    for (const id of migrants) {
      for (const c of calls.filter((c) => Number(c.payload.chat_id) === id)) {
        const text = String(c.payload.text ?? '')
        if (!sent.some((prefix) => text.startsWith(prefix))) continue
        const reference = referencesIn(text)[0]!
        if (confirmed.has(reference)) broken.push(`${reference} was announced as new twice`)
        confirmed.add(reference)
        stats.requestsSent++
        const row = h.db.select().from(legalRequests).where(eq(legalRequests.reference, reference)).get()
        // An erased row (the person deleted their data since) no longer says whose it was.
        if (row && !row.erasedAt && row.userId !== id) broken.push(`${id} was told someone else's reference ${reference}`)
      }
    }
    for (const row of h.db.select().from(legalRequests).all().filter((r) => migrants.includes(r.userId))) {
      const created = h.db.select().from(outbox).where(and(eq(outbox.requestId, row.id), eq(outbox.kind, 'request.created'))).all().length
      if (created !== 1) broken.push(`${row.reference} has ${created} request.created events`)
      if (!confirmed.has(row.reference)) broken.push(`${row.reference} was stored but never confirmed to its person`)
    }

    // Every message sent about a request reached the other side, or its sender was told why not.
    for (const e of expectations) {
      const request = h.db.select().from(legalRequests).where(eq(legalRequests.id, e.requestId)).get()
      if (!request) continue // deleted by its owner since
      // Erased by its owner since (/deletemydata): the row stays, anonymous, but the person's
      // messages and the relays were deleted with it, so there is nothing left to check.
      if (request.erasedAt && !e.erasedBefore) continue
      const stored = h.db.select().from(requestMessages).where(and(eq(requestMessages.sourceChatId, e.chatId), eq(requestMessages.sourceMessageId, e.messageId))).get()
      const delivered = h.db
        .select()
        .from(relayedMessages)
        .where(e.side === 'migrant' ? and(eq(relayedMessages.clientChatId, e.chatId), eq(relayedMessages.clientMessageId, e.messageId)) : and(eq(relayedMessages.groupChatId, e.chatId), eq(relayedMessages.groupMessageId, e.messageId)))
        .get()
      // In either language: a person who deleted their data is back to the default one.
      const answered = texts(e.chatId, e.callsBefore).some((x) => LANGS.some((l) => whyNot(l).some((reason) => reason.test(x))))
      if (stored && !delivered) broken.push(`${e.side} message ${e.messageId} (${e.step}) was stored but never delivered`)
      if (!stored && !answered) {
        const after = h.since(e.callsBefore).filter((c) => Number(c.payload.chat_id) === e.chatId).map((c) => [c.method, String(c.payload.text ?? c.payload.caption ?? '').slice(0, 80)])
        broken.push(`${e.side} message ${e.messageId} (${e.step}) on ${request.reference} (${request.status}) was neither relayed nor answered; then: ${JSON.stringify(after.slice(0, 4))}`)
      }
    }

    // No conversation is left open without a way out: /help names it and says how to leave, and
    // (when this pair's last scenario ends) /cancel answers and closes it.
    for (const id of migrants.filter(conversationOpen)) {
      h.driver.as(id)
      const mark = h.mark()
      await h.driver.send('/help')
      updatesBy.set(id, (updatesBy.get(id) ?? 0) + 1)
      if (!texts(id, mark).some((x) => openPrefixes.some((prefix) => x.startsWith(prefix)))) {
        const conv = h.db.select().from(keyValue).where(eq(keyValue.key, `conv:${id}`)).get()?.value.slice(0, 300)
        broken.push(`/help for ${id} inside a conversation answered ${JSON.stringify(h.since(mark).map((c) => [c.method, c.payload.text]))}; state ${conv}; errors ${errors.slice(-2).join(' ').slice(0, 300)}`)
      }
    }
    rotate = index % PAIR_SCENARIOS === PAIR_SCENARIOS - 1 || migrants.some((id) => (updatesBy.get(id) ?? 0) > PAIR_UPDATES)
    for (const id of rotate ? migrants : []) {
      h.driver.as(id)
      const mark = h.mark()
      await h.driver.send('/cancel')
      const answer = texts(id, mark)
      if (!answer.some((x) => LANGS.some((l) => x === t(l, 'conv.cancelled') || x === t(l, 'conv.nothingToCancel')))) broken.push(`/cancel for ${id} answered ${JSON.stringify(answer)}`)
      if (conversationOpen(id)) broken.push(`a conversation of ${id} is still open after /cancel`)
    }
    return broken.map((b) => `${b}\n  steps: ${log.join(' → ')}`)
  }

  return { h, scenario, stats }
}
