/**
 * Stepwise conversations: the state of a long questionnaire stays small.
 *
 * A plain conversations-v2 conversation keeps a replay log of every update and every API result since it
 * began, and replays all of it on every step: the state and the cost of a step grow with each answer.
 * Here the conversation is written as before (straight-line code, one `await` per question), but each
 * question goes through `steps.ask(name, …)`. When a question is answered, its answer is added to a short
 * journal (`[name, answer]` pairs) and the conversation goes on to the next question in the same run.
 * When the update is handled, the stored state is cut down to what entering the conversation afresh with
 * that journal as its argument would have stored (see `compactRun`): answered questions return their
 * journal value at once on the next replay (nothing is sent or waited for), and the log holds only the
 * question now open. Side effects between questions (a message, a value from the database or the clock)
 * go through `steps.once(name, …)`, so they happen once.
 *
 * Use: `createStepwiseConversation(id, (conversation, ctx, steps, input) => …, options)` instead of
 * `createConversation`, and `ctx.conversation.enter(id, input)` as before. The code must take the same path
 * for the same journal (as with the replay engine: no Date.now() or random outside `steps.once`).
 */
import { createConversation, type ConversationData, type ConversationState, type VersionedState } from '@grammyjs/conversations'
import type { Middleware } from 'grammy'
import type { Update } from 'grammy/types'
import type { BotContext, ConvContext } from '../context.js'
import type { BotConversation } from './prompts.js'

/** What was answered or done so far, in order: `[step name, value]`. JSON only. */
export type Journal = [string, unknown][]

/**
 * The journal argument of a conversation saved before stepwise conversations (storage version 2): its
 * replay log is replayed as it was, step after step, so a person half-way through loses nothing.
 */
export const REPLAY_LOG = 'replay-log'

/** A position in the replay log, `[send ops, receive ops]` (the engine's checkpoint): where the journal ends. */
export type Cut = [number, number]

/** The runs of the update in progress (outside context → conversation id → its last run), to compact once handled. */
const runs = new WeakMap<object, Map<string, Steps>>()

/** Journal names of sent questions (`prompt:<question>`): the question is open, its message already sent. */
const PROMPT = 'prompt:'

/** Sends a question's message; `steps.prompt(name)` sends it once, `sendNow` every time (plain conversations). */
export type Prompt = (send: () => Promise<unknown>) => Promise<void>
export const sendNow: Prompt = async (send) => void (await send())

/** A journal the code no longer fits; the conversation ends and the person is told it starts again. */
export class JournalMismatch extends Error {}

/** How a journal value reads back after storage: JSON, `undefined` as null. */
const asStored = (value: unknown): unknown => (value === undefined || value === null ? null : JSON.parse(JSON.stringify(value)))

export class Steps {
  private position = 0
  private readonly journal: Journal
  /** Where the last journal entry was made in this run's replay log, if one was. */
  private cut: Cut | undefined

  constructor(
    private readonly conversation: BotConversation,
    private readonly input: unknown,
    journal: Journal | typeof REPLAY_LOG | undefined | null,
    id?: string,
  ) {
    this.legacy = journal === REPLAY_LOG
    this.journal = Array.isArray(journal) ? [...journal] : []
    // The middleware below compacts the state of the last run of each conversation in the update: this one.
    // Through the plugin's own escape to the outside context, which (unlike `external`) adds nothing to the log.
    if (id !== undefined && !this.legacy) {
      ;(conversation as unknown as { escape: (fn: (outside: object) => void) => void }).escape((outside) => {
        let byId = runs.get(outside)
        if (!byId) runs.set(outside, (byId = new Map()))
        byId.set(id, this)
      })
    }
  }

  /** A conversation saved with a replay log goes on as one: no journal, no compaction. */
  readonly legacy: boolean

  /** Asks a question (which may wait for several updates) once; its answer is then read from the journal. */
  async ask<T>(name: string, question: () => Promise<T>): Promise<T> {
    if (this.legacy) return question()
    const known = this.recorded<T>(name)
    if (known) return known.value
    const value = asStored(await question()) as T
    this.record(name, value)
    return value
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

  /**
   * Sends the message of question `name` once (inside its `ask`): it goes into the journal, so the stored
   * state keeps neither the message nor its API result, and later updates do not replay the call.
   */
  prompt(name: string): Prompt {
    return async (send) => void (await this.once(PROMPT + name, async () => void (await send())))
  }

  /** The state to store instead of `run` (this run's, handled in `update`), or undefined to keep it as it is. */
  compact(run: ConversationState, update: Update): ConversationState | undefined {
    return this.cut && compactRun(run, update, this.input ?? null, this.journal, this.cut)
  }

  private record(name: string, value: unknown): void {
    this.journal.push([name, value ?? null])
    this.position = this.journal.length
    this.cut = this.conversation.checkpoint()
  }

  private recorded<T>(name: string): { value: T } | undefined {
    const entry = this.journal[this.position]
    if (!entry) return undefined
    // The question's message was sent (its prompt): answered if its answer follows, else still open and
    // the prompt entry is read by the question itself.
    if (entry[0] === PROMPT + name) {
      const answer = this.journal[this.position + 1]
      if (!answer) return undefined
      if (answer[0] !== name) throw new JournalMismatch(`stepwise conversation: journal has '${answer[0]}' where the code asks '${name}'`)
      this.position += 2
      return { value: answer[1] as T }
    }
    // The code took another path than when the journal was written (a deploy changed the questions).
    if (entry[0] !== name) throw new JournalMismatch(`stepwise conversation: journal has '${entry[0]}' where the code asks '${name}'`)
    this.position++
    return { value: entry[1] as T }
  }
}

/**
 * The state entering the conversation afresh with `journal` in `update` would have stored: the
 * `update` as its first wait, then the log from `cut` on (the open question), renumbered. Undefined
 * when the log does not split cleanly at `cut` (an operation begun before it and finished after):
 * the state is then kept whole, which replays the same way, only longer.
 */
export function compactRun(run: ConversationState, update: Update, input: unknown, journal: Journal, [send, receive]: Cut): ConversationState | undefined {
  const log = run.replay
  if (send < 1 || receive < 1 || send > log.send.length || receive > log.receive.length) return undefined
  for (let i = 0; i < log.receive.length; i++) if (log.receive[i]!.send < send !== i < receive) return undefined
  if (run.interrupts.some((op) => op < send)) return undefined
  const shift = send - 1
  return {
    args: JSON.stringify([input, journal]),
    interrupts: run.interrupts.map((op) => op - shift),
    replay: {
      send: [{ payload: 'wait' }, ...log.send.slice(send)],
      receive: [{ send: 0, returnValue: update }, ...log.receive.slice(receive).map((r) => ({ send: r.send - shift, returnValue: r.returnValue }))],
    },
  }
}

export type StepwiseBuilder<I> = (conversation: BotConversation, ctx: ConvContext, steps: Steps, input: I | undefined) => Promise<unknown>

/** The conversations plugin's data for this update (the plugin keeps it under a private symbol; conversations 2.1.1). */
let pluginState: symbol | undefined
function conversationData(ctx: object): ConversationData | undefined {
  pluginState ??= Object.getOwnPropertySymbols(ctx).find((s) => s.description === 'conversations.state')
  const internal = pluginState && (ctx as Record<symbol, { getMutableData?: () => ConversationData } | undefined>)[pluginState]
  return internal?.getMutableData?.()
}

/** Registers a stepwise conversation: `createConversation`, and its stored state cut down to the journal after each update. */
export function createStepwiseConversation<I>(
  id: string,
  builder: StepwiseBuilder<I>,
  options: { maxMillisecondsToWait?: number } = {},
): Middleware<BotContext> {
  const inner = createConversation<BotContext, ConvContext>(
    (conversation, ctx, input?: I | null, journal?: Journal | typeof REPLAY_LOG) =>
      builder(conversation, ctx, new Steps(conversation, input, journal, id), input ?? undefined),
    { id, ...options },
  )
  return async (ctx, next) => {
    try {
      await inner(ctx, next)
      compactStored(ctx, id)
    } catch (error) {
      // The plugin has dropped the conversation by now; the person must not be left with a bare apology.
      if (!(error instanceof JournalMismatch)) throw error
      ctx.logger.warn({ handler: 'conv:journal-mismatch', conversation: id })
      await ctx.reply(ctx.t('conv.startAgain', { what: ctx.t(`conv.names.${id}`, { defaultValue: ctx.t('conv.names.other') }) }))
    }
  }
}

/** Replaces the stored state of conversation `id` by its compacted form, if a run in this update answered a question. */
function compactStored(ctx: BotContext, id: string): void {
  const steps = runs.get(ctx)?.get(id)
  if (!steps) return
  runs.get(ctx)!.delete(id)
  // One state: stepwise conversations are not parallel.
  const states = conversationData(ctx)?.[id]
  if (states?.length !== 1) return
  const compacted = steps.compact(states[0]!, ctx.update)
  if (compacted) states[0] = compacted
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
