import { Composer as GrammyComposer, type Context } from 'grammy'
import { describe, expect, it } from 'vitest'
import { Composer } from '../../src/bot/composer.js'

type Ctx = Context & { log: string[] }

/** A context with only what the filters read: an update and a place to write down what ran. */
function ctxFor(update: Record<string, unknown>): Ctx {
  return { update, log: [], me: { username: 'joldosh_bot' }, get callbackQuery() { return (update as { callback_query?: unknown }).callback_query }, get message() { return (update as { message?: unknown }).message }, get chat() { return ((update as { message?: { chat?: unknown } }).message?.chat) } } as unknown as Ctx
}

const updates = [
  { update_id: 1, callback_query: { id: '1', data: 'menu:rights', from: { id: 1 }, chat_instance: '1' } },
  { update_id: 2, callback_query: { id: '1', data: 'lang:ru', from: { id: 1 }, chat_instance: '1' } },
  { update_id: 3, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, from: { id: 1 }, text: 'hello' } },
  { update_id: 4, message: { message_id: 1, date: 0, chat: { id: -5, type: 'group' }, from: { id: 1 }, text: 'hello' } },
  { update_id: 5, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, from: { id: 1 }, sticker: {} } },
  { update_id: 6, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, from: { id: 1 }, text: '/start x', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } },
  { update_id: 7, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, from: { id: 1 }, text: '/help@joldosh_bot', entities: [{ type: 'bot_command', offset: 0, length: 17 }] } },
  { update_id: 9, edited_message: { message_id: 1, date: 0, edit_date: 1, chat: { id: 1, type: 'private' }, from: { id: 1 }, text: 'edited' } },
  { update_id: 8, callback_query: { id: '1', data: 'r:c:work', from: { id: 1 }, chat_instance: '1' } },
]

/** The same handlers, registered the way the features do, on either kind of composer. */
function build(make: () => GrammyComposer<Ctx>): GrammyComposer<Ctx> {
  const root = make()
  root.use(async (ctx, next) => {
    ctx.log.push('use:before')
    await next()
    ctx.log.push('use:after')
  })
  root.callbackQuery('menu:rights', (ctx) => void ctx.log.push('rights'))
  root.callbackQuery(['r:home', /^r:c:(\w+)$/], (ctx, next) => {
    ctx.log.push(`category:${String(ctx.match[1])}`)
    return next()
  })
  root.command(['start', 'menu'], (ctx, next) => {
    ctx.log.push(`start:${ctx.match}`)
    return next()
  })
  root.command('help', (ctx) => void ctx.log.push('help'))
  root.callbackQuery(/^lang:(.+)$/, async (ctx, next) => {
    ctx.log.push(`lang:${ctx.match[1]}`)
    await next()
  })
  // An asynchronous predicate is awaited.
  root.filter(async (ctx) => ctx.callbackQuery?.data === 'lang:ru', (ctx, next) => {
    ctx.log.push('async-filter')
    return next()
  })
  root.drop((ctx) => ctx.callbackQuery !== undefined, (ctx, next) => {
    ctx.log.push('not-a-button')
    return next()
  })
  root.branch((ctx) => ctx.chat?.type === 'group', (ctx) => void ctx.log.push('group'), (ctx, next) => next())
  const feature = make()
  feature.on('message:text', (ctx, next) => {
    ctx.log.push('text')
    return next()
  })
  root.use(feature)
  // Added after `feature` was installed: still runs, as in grammY.
  feature.on('message:sticker', (ctx) => void ctx.log.push('sticker'))
  const privateChat = root.chatType('private')
  privateChat.on('message', (ctx) => void ctx.log.push('private message'))
  root.on(['edited_message', ':text'], (ctx, next) => {
    ctx.log.push('edited or text')
    return next()
  })
  root.on('callback_query', (ctx) => void ctx.log.push('last'))
  return root
}

async function runAll(root: GrammyComposer<Ctx>): Promise<string[][]> {
  const logs: string[][] = []
  for (const update of updates) {
    const ctx = ctxFor(update)
    await root.middleware()(ctx, async () => void ctx.log.push('end'))
    logs.push(ctx.log)
  }
  return logs
}

describe('Composer (flat steps)', () => {
  it('runs the same handlers in the same order as grammY’s Composer', async () => {
    const ours = await runAll(build(() => new Composer<Ctx>()))
    const grammys = await runAll(build(() => new GrammyComposer<Ctx>()))
    expect(ours).toEqual(grammys)
    expect(ours[1]).toEqual(['use:before', 'lang:ru', 'async-filter', 'last', 'use:after'])
    expect(ours[5]).toContain('start:x')
    expect(ours[6]).toContain('help')
    expect(ours[8]).toContain('category:work')
    expect(ours[7]).toContain('edited or text')
    expect(ours[2]).toEqual(['use:before', 'not-a-button', 'text', 'private message', 'use:after'])
  })

  it('passes errors and a second call of next back as grammY does', async () => {
    for (const make of [() => new Composer<Ctx>(), () => new GrammyComposer<Ctx>()]) {
      const throwing = make()
      throwing.use(() => {
        throw new Error('sync')
      })
      await expect(throwing.middleware()(ctxFor(updates[0]!), async () => undefined)).rejects.toThrow('sync')
      const twice = make()
      twice.use(async (_ctx, next) => {
        await next()
        await next()
      })
      twice.use((_ctx, next) => next())
      await expect(twice.middleware()(ctxFor(updates[0]!), async () => undefined)).rejects.toThrow('`next` already called before!')
    }
  })
})
