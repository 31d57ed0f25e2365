/**
 * Marks the updates in which a person got a useful answer (an article, a centres list, a benefits
 * answer), so the news feature can offer news once, after everything else was answered. A tiny
 * module of its own so that rights, centres and benefits need not import the news feature.
 */
const usefulAnswers = new WeakSet<object>()

/** `ctx` is the update's outer context (inside a conversation: the one `external` hands over). */
export function noteUsefulAnswer(ctx: object): void {
  usefulAnswers.add(ctx)
}

export function hadUsefulAnswer(ctx: object): boolean {
  return usefulAnswers.has(ctx)
}
