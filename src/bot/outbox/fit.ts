import type { MessageEntity } from 'grammy/types'
import { entitiesToHtml, relayBody, sliceEntities, visibleLength } from '../desk/relay-html.js'
import { CAPTION_LIMIT, TEXT_LIMIT } from '../../transport/telegram-rules.js'

export { CAPTION_LIMIT, TEXT_LIMIT }

type Entities = readonly MessageEntity[] | undefined

/**
 * Where to cut text into pieces of at most `size` UTF-16 units: at a line break or space when one is
 * near, never inside a surrogate pair. Ranges, so that the sender's formatting can follow each piece.
 */
export function splitRanges(text: string, size: number): [number, number][] {
  const ranges: [number, number][] = []
  let start = 0
  while (text.length - start > size) {
    let cut = start + size
    const soft = Math.max(text.lastIndexOf('\n', cut), text.lastIndexOf(' ', cut))
    if (soft > start + size * 0.7) cut = soft
    else if (/[\uD800-\uDBFF]/.test(text[cut - 1]!)) cut -= 1
    ranges.push([start, cut])
    start = /[ \n]/.test(text[cut] ?? '') ? cut + 1 : cut
  }
  ranges.push([start, text.length])
  return ranges
}

/**
 * A header (our HTML) and a person's text (with its formatting) as messages within `limit`: one
 * message when it fits, else the text split over several, each with the header and "(2/3)" so
 * lawyers can follow.
 */
export function fitMessages(headerHtml: string, body: string, entities?: Entities, limit = TEXT_LIMIT): string[] {
  if (visibleLength(headerHtml) + 1 + body.length <= limit) return [`${headerHtml}\n${entitiesToHtml(body, sliceEntities(entities, 0, body.length))}`]
  const room = limit - visibleLength(headerHtml) - ' (99/99)'.length - 1
  const ranges = splitRanges(body, room)
  return ranges.map(([from, to], i) => `${headerHtml} (${i + 1}/${ranges.length})\n${entitiesToHtml(body.slice(from, to), sliceEntities(entities, from, to))}`)
}

/** For an edit, which cannot be split: the text clipped with "…" to fit. */
export function clipToFit(headerHtml: string, body: string, entities: Entities, limit: number): string {
  return relayBody(headerHtml, body, entities, limit)
}

/** A caption with the header when the whole fits; else the header alone and the text in messages after it. */
export function fitCaption(headerHtml: string, body: string, entities?: Entities): { caption: string; followUps: string[] } {
  if (visibleLength(headerHtml) + 1 + body.length <= CAPTION_LIMIT) return { caption: fitMessages(headerHtml, body, entities)[0]!, followUps: [] }
  return { caption: headerHtml, followUps: fitMessages(headerHtml, body, entities) }
}
