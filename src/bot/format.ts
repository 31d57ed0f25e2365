/** Dates as people in Russia read them on a request: day.month.year hours:minutes, Moscow time. */
export function formatDateTime(date: Date, timeZone = 'Europe/Moscow'): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`
}

/** Shortens long user text for lists and cards, on a character boundary. */
export function clip(text: string, max: number): string {
  if (max < 1) return clipBySpreading(text, max)
  // A text is never more characters than UTF-16 units, and a long one (an article body) is walked
  // only as far as the cut, not spread into an array of every character.
  if (text.length <= max) return text
  let cut = 0
  for (let i = 0, n = 0; i < text.length; n++) {
    if (n === max - 1) cut = i
    if (n === max) return `${text.slice(0, cut)}…`
    i += text.codePointAt(i)! > 0xffff ? 2 : 1
  }
  return text
}

function clipBySpreading(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
