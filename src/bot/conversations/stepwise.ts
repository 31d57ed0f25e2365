/**
 * Stepwise conversations: the state of a long questionnaire stays small.
 *
 * A plain conversations-v2 conversation keeps a replay log of every update and every API result since it
 * began, and replays all of it on every step: the state and the cost of a step grow with each answer.
 * Here the conversation is written as before (straight-line code, one `await` per question), but each
 * question goes through `steps.ask(name, …)`. When a question is answered, its answer is added to a short
 * journal (`[name, answer]` pairs) and the conversation is entered afresh with that journal as its
 * argument, in the same update: answered questions return their journal value at once (nothing is sent
 * or waited for), and the log holds only the question now open. Side effects between questions (a
 * message, a value from the database or the clock) go through `steps.once(name, …)`, so they happen once.
 *
 * Use: `createStepwiseConversation(id, (conversation, ctx, steps, input) => …, options)` instead of
 * `createConversation`, and `ctx.conversation.enter(id, input)` as before. The code must take the same path
 * for the same journal (as with the replay engine: no Date.now() or random outside `steps.once`).
 */
import { createConversation, type ConversationData, type VersionedState } from '@grammyjs/conversations'
import type { Middleware } from 'grammy'
import type { BotContext, ConvContext } from '../context.js'
import type { BotConversation } from './prompts.js'

/** What was answered or done so far, in order: `[step name, value]`. JSON only. */
export type Journal = [string, unknown][]

/**
 * The journal argument of a conversation saved before stepwise conversations (storage version 2): its
 * replay log is replayed as it was, step after step, so a person half-way through loses nothing.
 */
export const REPLAY_LOG = 'replay-log'

interface Continuation {
  input: unknown
  journal: Journal
}

/** The outside context of the update that answered a question → the journal to go on with. */
const pending = new WeakMap<object, Continuation>()

/** A journal the code no longer fits; the conversation ends and the person is told it starts again. */
export class JournalMismatch extends Error {}

export class Steps {
  private position = 0
  private readonly journal: Journal

  constructor(
    private readonly conversation: BotConversation,
    private readonly input: unknown,
    journal: Journal | typeof REPLAY_LOG | undefined | null,
  ) {
    this.legacy = journal === REPLAY_LOG
    this.journal = Array.isArray(journal) ? [...journal] : []
  }

  /** A conversation saved with a replay log goes on as one: no journal, no restart. */
  readonly legacy: boolean

  /** Asks a question (which may wait for several updates) once; then the conversation starts afresh from the journal. */
  async ask<T>(name: string, question: () => Promise<T>): Promise<T> {
    if (this.legacy) return question()
    const known = this.recorded<T>(name)
    if (known) return known.value
    const value = await question()
    this.record(name, value)
    const next: Continuation = { input: this.input ?? null, journal: this.journal }
    await this.conversation.external((outside) => void pending.set(outside, next))
    // Ends this run; the middleware below enters the conversation again with the longer journal.
    return await this.conversation.halt()
  }

  /** Something done once between questions (a message, a value from outside); its result is kept in the journal. */
  async once<T>(name: string, task: () => Promise<T>): Promise<T> {
    if (this.legacy) return task()
    const known = this.recorded<T>(name)
    if (known) return known.value
    const value = await task()
    this.record(name, value)
    return value
  }

  private record(name: string, value: unknown): void {
    this.journal.push([name, value ?? null])
    this.position = this.journal.length
  }

  private recorded<T>(name: string): { value: T } | undefined {
    const entry = this.journal[this.position]
    if (!entry) return undefined
    // The code took another path than when the journal was written (a deploy changed the questions).
    if (entry[0] !== name) throw new JournalMismatch(`stepwise conversation: journal has '${entry[0]}' where the code asks '${name}'`)
    this.position++
    return { value: entry[1] as T }
  }
}

export type StepwiseBuilder<I> = (conversation: BotConversation, ctx: ConvContext, steps: Steps, input: I | undefined) => Promise<unknown>

/** Registers a stepwise conversation: `createConversation` plus re-entering it after each answered question. */
export function createStepwiseConversation<I>(
  id: string,
  builder: StepwiseBuilder<I>,
  options: { maxMillisecondsToWait?: number } = {},
): Middleware<BotContext> {
  const inner = createConversation<BotContext, ConvContext>(
    (conversation, ctx, input?: I | null, journal?: Journal | typeof REPLAY_LOG) =>
      builder(conversation, ctx, new Steps(conversation, input, journal), input ?? undefined),
    { id, ...options },
  )
  return async (ctx, next) => {
    try {
      await inner(ctx, next)
      for (let go = take(ctx); go; go = take(ctx)) await ctx.conversation.enter(id, go.input, go.journal)
    } catch (error) {
      // The plugin has dropped the conversation by now; the person must not be left with a bare apology.
      if (!(error instanceof JournalMismatch)) throw error
      ctx.logger.warn({ handler: 'conv:journal-mismatch', conversation: id })
      await ctx.reply(ctx.t('conv.startAgain', { what: ctx.t(`conv.names.${id}`, { defaultValue: ctx.t('conv.names.other') }) }))
    }
  }
}

function take(ctx: object): Continuation | undefined {
  const go = pending.get(ctx)
  pending.delete(ctx)
  return go
}

/**
 * Storage version 2 held replay logs: those of stepwise conversations are marked so they replay as
 * they were saved (see REPLAY_LOG); others (plain conversations) are unchanged.
 */
export function markReplayLogs(state: ConversationData, stepwiseIds: readonly string[]): ConversationData {
  const marked: ConversationData = {}
  for (const [id, runs] of Object.entries(state)) {
    marked[id] = stepwiseIds.includes(id)
      ? runs.map((run) => ({ ...run, args: JSON.stringify([run.args === undefined ? null : (JSON.parse(run.args) as unknown[])[0] ?? null, REPLAY_LOG]) }))
      : runs
  }
  return marked
}

export type StoredConversations = VersionedState<ConversationData>
