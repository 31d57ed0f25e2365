/**
 * The numbers an article states, block by block (a paragraph, or one `• ` / `1. ` line), in the order they are
 * written, so a translation can be compared with the Russian text number for number.
 */

/** One paragraph or one list line of a body, with its numbers. */
export interface NumberBlock {
  /** The block's text without tags, for messages. */
  text: string
  /** Numbers other than years, in the order written (thousands separators folded; a list number is left out). */
  numbers: string[]
  /** Years (1900–2099): word order around a year differs between languages, so these are compared unordered. */
  years: string[]
}

const LIST_LINE = /^(?:•|\d{1,2}\.)\s/

/** Splits a body into paragraphs and list lines. */
export function blocksOf(body: string): string[] {
  const blocks: string[] = []
  let paragraph: string[] = []
  const flush = () => {
    if (paragraph.length) blocks.push(paragraph.join('\n'))
    paragraph = []
  }
  for (const line of body.split('\n')) {
    const text = line.replace(/<[^>]+>/g, '').trim()
    if (!text) flush()
    else if (LIST_LINE.test(text)) {
      flush()
      blocks.push(text)
    } else paragraph.push(text)
  }
  flush()
  return blocks
}

export function numbersOf(block: string): NumberBlock {
  const years: string[] = []
  const text = block
    .replace(/^\d{1,2}\.\s/, '')
    // 29.10.2024: the day stays in place (another language writes "29 October 2024"), the year joins the years
    .replace(/\b(\d{1,2})\.\d{2}\.(\d{4})\b/g, ' $1 $2 ')
    .replace(/(\d)[\s\u00a0\u202f,.](?=\d{3}(?!\d))/g, '$1')
  const numbers: string[] = []
  for (const n of text.match(/\d+/g) ?? []) {
    const v = String(Number(n))
    if (/^(19|20)\d\d$/.test(n)) years.push(v)
    else numbers.push(v)
  }
  return { text: block, numbers, years: years.sort() }
}

export function articleNumbers(body: string): NumberBlock[] {
  return blocksOf(body).map(numbersOf)
}
