import type { Context, MiddlewareFn } from 'grammy'

/**
 * As @grammyjs/runner's `sequentialize`: an update waits until every earlier update sharing one of
 * its keys (its chat, its sender) has finished, whether that one succeeded or not; updates with no key
 * in common run side by side. Cheaper per update: an update with nothing to wait for starts at once,
 * and only the last update of each key is remembered (while it runs).
 */
export function inOrder<C extends Context>(keysOf: (ctx: C) => readonly string[]): MiddlewareFn<C> {
  const last = new Map<string, Promise<void>>()
  return (ctx, next) => {
    const keys = keysOf(ctx)
    let waitFor: Promise<unknown> | undefined
    for (const key of keys) {
      const earlier = last.get(key)
      if (earlier && earlier !== waitFor) waitFor = waitFor ? Promise.all([waitFor, earlier]) : earlier
    }
    const task = waitFor ? waitFor.then(() => next()) : next()
    const settled = task.then(ignore, ignore)
    for (const key of keys) last.set(key, settled)
    void settled.then(() => {
      for (const key of keys) if (last.get(key) === settled) last.delete(key)
    })
    return task
  }
}

const ignore = (): void => undefined
