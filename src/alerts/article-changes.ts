/**
 * Which articles changed since the last start and carry a `changed` note: those get a draft alert
 * for their topic's subscribers. Pure: the caller keeps the fingerprints between starts.
 */
import { createHash } from 'node:crypto'
import type { Article } from '../content/articles.js'

/** One fingerprint per article id, over every language's title, body and note. */
export function articleFingerprints(articles: readonly Article[]): Record<string, string> {
  const byId = new Map<string, Article[]>()
  for (const a of articles) byId.set(a.id, [...(byId.get(a.id) ?? []), a])
  const out: Record<string, string> = {}
  for (const [id, versions] of byId) {
    const hash = createHash('sha256')
    for (const a of [...versions].sort((x, y) => x.lang.localeCompare(y.lang))) hash.update(`${a.lang}\0${a.title}\0${a.body}\0${a.changedNote ?? ''}\0`)
    out[id] = hash.digest('hex')
  }
  return out
}

/**
 * The ids to draft an alert for: the text changed since `before` and the edit says what changed.
 * With nothing stored yet (the first start) nothing is drafted: every article would look new.
 */
export function articlesToAnnounce(articles: readonly Article[], before: Record<string, string> | undefined, now: Record<string, string>): string[] {
  if (!before) return []
  const noted = new Set(articles.filter((a) => a.changedNote).map((a) => a.id))
  return Object.keys(now).filter((id) => before[id] !== undefined && before[id] !== now[id] && noted.has(id))
}
