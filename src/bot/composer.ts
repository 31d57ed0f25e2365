import { Composer as GrammyComposer, Context, type Filter, type FilterQuery, type Middleware, type MiddlewareFn } from 'grammy'

/**
 * grammY as the features use it: the same exports, but a `Composer` whose handlers cost little per
 * update. grammY's own `filter` (behind `on`, `command`, `callbackQuery`, `chatType`, …) goes through
 * `lazy`, which on every update awaits the predicate and builds a new Composer for the handler, and
 * each `use` nests one more pair of async closures; with ~150 handlers every update walked (and
 * garbage-collected) that chain. Here a composer keeps a flat list of steps built once, a predicate
 * that answers at once is not awaited, and the order in which handlers run, and `next`, are as in
 * grammY. Features import from here instead of 'grammy' (`import { Composer, … } from '../composer.js'`).
 */
export * from 'grammy'

type Thenable = { then: (...args: never[]) => unknown }
const isThenable = (x: unknown): x is PromiseLike<unknown> =>
  x !== null && (typeof x === 'object' || typeof x === 'function') && typeof (x as Thenable).then === 'function'

/** As grammY's `flatten`: another composer's middleware is asked for on each call, so later additions count. */
function stepOf<C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> {
  if (typeof middleware === 'function') return middleware
  if (middleware instanceof Composer) return middleware.run
  return (ctx, next) => middleware.middleware()(ctx, next)
}

/**
 * Runs steps[i..] and then `next`, each step's `next` being the rest; results and throws come back as
 * promises. (The closures here are not assigned to names: under tsx, a named closure costs an
 * Object.defineProperty each time it is made.)
 */
function runFrom<C extends Context>(steps: MiddlewareFn<C>[], i: number, ctx: C, next: () => Promise<void>): Promise<void> {
  if (i >= steps.length) return next()
  // A composer of one step is that step, as in grammY (no check of a second `next`).
  if (steps.length === 1) {
    try {
      return Promise.resolve(steps[0]!(ctx, next)) as Promise<void>
    } catch (error) {
      return Promise.reject(error)
    }
  }
  let called = false
  try {
    return Promise.resolve(
      steps[i]!(ctx, () => {
        // As grammY: a step may call its `next` once.
        if (called) return Promise.reject(new Error('`next` already called before!'))
        called = true
        return runFrom(steps, i + 1, ctx, next)
      }),
    ) as Promise<void>
  } catch (error) {
    return Promise.reject(error)
  }
}

/**
 * What an update is, as far as handlers for one kind of update care: a message or channel post (0),
 * a callback query (1), anything else (2). Each composer keeps its steps in one list per kind and
 * leaves out of a list the steps that could not take that kind (a `callbackQuery` handler is not in
 * the messages' list): skipping them is what their predicate would have decided.
 */
type Kinds = readonly [boolean, boolean, boolean]
const ANY: Kinds = [true, true, true]
const MESSAGES: Kinds = [true, false, false]
const CALLBACKS: Kinds = [false, true, false]
const kindOf = (ctx: Context): 0 | 1 | 2 =>
  ctx.update.callback_query !== undefined ? 1 : ctx.update.message !== undefined || ctx.update.channel_post !== undefined ? 0 : 2

/** The kinds a filter query can match: queries on messages (and channel posts) or callback queries only, else any. */
function kindsOfQuery(filter: string | readonly string[]): Kinds {
  let messages = false
  let callbacks = false
  for (const query of Array.isArray(filter) ? filter : [filter as string]) {
    const l1 = query.split(':')[0]
    if (l1 === 'message' || l1 === 'channel_post' || l1 === '' || l1 === 'msg') messages = true
    else if (l1 === 'callback_query') callbacks = true
    else return ANY
  }
  return [messages, callbacks, false]
}

export class Composer<C extends Context> extends GrammyComposer<C> {
  private readonly lists: [MiddlewareFn<C>[], MiddlewareFn<C>[], MiddlewareFn<C>[]]
  /** This composer's middleware; the same function for its whole life (its steps may still grow). */
  readonly run: MiddlewareFn<C>

  constructor(...middleware: Array<Middleware<C>>) {
    super()
    const steps = middleware.map(stepOf)
    const lists: [MiddlewareFn<C>[], MiddlewareFn<C>[], MiddlewareFn<C>[]] = [steps, [...steps], [...steps]]
    this.lists = lists
    // Steps may be added after this function was handed out: it reads the list when called.
    this.run = (ctx, next) => runFrom(lists[kindOf(ctx)], 0, ctx, next)
  }

  private add(step: MiddlewareFn<C>, kinds: Kinds): void {
    for (let k = 0; k < 3; k++) if (kinds[k]) this.lists[k]!.push(step)
  }

  /** `filter` for updates of some kinds only. */
  private filterKinds(kinds: Kinds, predicate: (ctx: C) => unknown, middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new Composer<C>(...middleware)
    this.add(branchStep(predicate, composer.run, pass), kinds)
    return composer
  }

  override on<Q extends FilterQuery>(filter: Q | Q[], ...middleware: Array<Middleware<Filter<C, Q>>>): GrammyComposer<Filter<C, Q>> {
    return this.filterKinds(kindsOfQuery(filter), Context.has.filterQuery(filter), middleware as unknown as Array<Middleware<C>>) as unknown as GrammyComposer<Filter<C, Q>>
  }

  /** As grammY's, checking the update's callback data directly instead of through a filter query. */
  override callbackQuery(...[trigger, ...middleware]: Parameters<GrammyComposer<C>['callbackQuery']>): ReturnType<GrammyComposer<C>['callbackQuery']> {
    const triggers = (Array.isArray(trigger) ? trigger : [trigger]).map((t: string | RegExp) =>
      typeof t === 'string' ? (data: string) => (data === t ? t : null) : (data: string) => data.match(t),
    )
    const predicate = (ctx: C): boolean => {
      const data = ctx.update.callback_query?.data
      if (data == null) return false
      for (const t of triggers) {
        const found = t(data)
        if (found) {
          ctx.match = found
          return true
        }
      }
      return false
    }
    return this.filterKinds(CALLBACKS, predicate, middleware as Array<Middleware<C>>) as unknown as ReturnType<GrammyComposer<C>['callbackQuery']>
  }

  /** As grammY's, without its filter query for an update that has no message entities at all. */
  override command(...[command, ...middleware]: Parameters<GrammyComposer<C>['command']>): ReturnType<GrammyComposer<C>['command']> {
    const isCommand = Context.has.command(command)
    const predicate = (ctx: C): boolean => {
      const message = ctx.update.message ?? ctx.update.channel_post
      return message?.entities !== undefined && isCommand(ctx)
    }
    return this.filterKinds(MESSAGES, predicate, middleware as Array<Middleware<C>>) as unknown as ReturnType<GrammyComposer<C>['command']>
  }

  override middleware(): MiddlewareFn<C> {
    return this.run
  }

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new Composer<C>(...middleware)
    this.add(composer.run, ANY)
    return composer
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>
  override filter(predicate: (ctx: C) => boolean | Promise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>
  override filter(predicate: (ctx: C) => boolean | Promise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    return this.filterKinds(ANY, predicate, middleware)
  }

  override drop(predicate: (ctx: C) => boolean | Promise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    return this.filter((ctx) => {
      const dropped = predicate(ctx)
      return isThenable(dropped) ? Promise.resolve(dropped).then((d) => !d) : !dropped
    }, ...middleware)
  }

  override branch(
    predicate: (ctx: C) => boolean | Promise<boolean>,
    trueMiddleware: Middleware<C> | Array<Middleware<C>>,
    falseMiddleware: Middleware<C> | Array<Middleware<C>>,
  ): Composer<C> {
    const list = (m: Middleware<C> | Array<Middleware<C>>) => new Composer<C>(...(Array.isArray(m) ? m : [m])).run
    return this.use(branchStep(predicate, list(trueMiddleware), list(falseMiddleware)))
  }
}

const pass = <C extends Context>(_ctx: C, next: () => Promise<void>) => next()

/** The predicate is awaited only when it returns a promise (grammY awaits every one). */
function branchStep<C extends Context>(predicate: (ctx: C) => unknown, yes: MiddlewareFn<C>, no: MiddlewareFn<C>): MiddlewareFn<C> {
  return (ctx, next) => {
    const ok = predicate(ctx)
    if (isThenable(ok)) return Promise.resolve(ok).then((o) => (o ? yes : no)(ctx, next))
    return (ok ? yes : no)(ctx, next)
  }
}
