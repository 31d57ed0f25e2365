import { htmlToText } from '../../src/transport/local-chat.js'

/** Tags Telegram's HTML parse mode accepts (the bot uses a subset of them). */
const TELEGRAM_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler', 'span'])

/** Why Telegram would refuse this HTML, or undefined when it is valid. */
export function telegramHtmlProblem(html: string): string | undefined {
  const stack: string[] = []
  for (const match of html.matchAll(/<(\/?)([a-zA-Z-]*)([^<>]*)>|<|>|&[^;\s]{0,10};?/g)) {
    const [token, closing, name] = match
    if (token === '<') return 'bare <'
    if (token === '>') continue // Telegram tolerates a bare >
    if (token.startsWith('&')) {
      if (!/^&(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);$/i.test(token)) return `bad entity ${token}`
      continue
    }
    if (!TELEGRAM_TAGS.has(name!)) return `tag <${name}>`
    if (closing) {
      if (stack.pop() !== name) return `unbalanced </${name}>`
    } else stack.push(name!)
  }
  return stack.length ? `unclosed <${stack.join('>, <')}>` : undefined
}

/** Every limit Telegram enforces on what the bot sends, checked on one Bot API call; [] when all is well. */
export function callProblems(method: string, payload: Record<string, any>): string[] {
  const problems: string[] = []
  const html = payload.parse_mode === 'HTML'
  for (const [field, max] of [['text', 4096], ['caption', 1024]] as const) {
    const value = payload[field]
    if (typeof value !== 'string') continue
    if (html) {
      const problem = telegramHtmlProblem(value)
      if (problem) problems.push(`${method}.${field}: ${problem}`)
    }
    const length = (html ? htmlToText(value) : value).length
    if (length > max) problems.push(`${method}.${field}: ${length} > ${max} characters`)
    if (field === 'text' && value.trim() === '' && method !== 'answerCallbackQuery') problems.push(`${method}.text is empty`)
  }
  if (method === 'answerCallbackQuery' && typeof payload.text === 'string' && payload.text.length > 200) problems.push(`answerCallbackQuery.text: ${payload.text.length} > 200`)
  for (const button of (payload.reply_markup?.inline_keyboard ?? []).flat()) {
    if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data, 'utf8') > 64) problems.push(`callback_data over 64 bytes: ${button.callback_data}`)
    if (typeof button.text !== 'string' || button.text === '') problems.push('a button without a label')
  }
  return problems
}
