import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Bot } from 'grammy'
import { buttonsOf, ChatDriver } from './chat-driver.js'
import type { ApiCall, FakeTelegram } from './fake-telegram.js'

export interface LocalChatOptions {
  bot: Bot<any>
  telegram: FakeTelegram
  lawyersChatId: number
  input?: NodeJS.ReadableStream
  output?: NodeJS.WritableStream
  interactive?: boolean
  /** Runs after each line, e.g. to deliver the outbox before the next line is read. */
  afterEachLine?: () => Promise<unknown>
  /**
   * Update ids continue across runs on the same database (a bot keys things by them); the chat
   * starts at `updateIds.first` and reports the next free id after each line.
   */
  updateIds?: { first: number; save(next: number): void }
}

export const LOCAL_HELP = `Local chat with Joldosh. Type a message, or:
  #N / #text       press button N (or the first whose label contains text) of the latest message with buttons
  /location LAT LON, /contact PHONE    share a location or a phone number
  /as ID [group]   become user ID (in the lawyers' group with "group")
  /reply TEXT      reply to the latest bot message
  /sticker, /voice, /photo [caption], /document NAME    send something that is not text
  // comment       ignored`

/** Runs the bot in the terminal: each input line becomes an update; each Bot API call is printed. */
export async function runLocalChat(options: LocalChatOptions): Promise<void> {
  const { bot, telegram } = options
  const out = options.output ?? process.stdout
  const interactive = options.interactive ?? Boolean(process.stdin.isTTY)
  const driver = new ChatDriver(bot, telegram, { lawyersChatId: options.lawyersChatId, ...(options.updateIds ? { firstUpdateId: options.updateIds.first } : {}) })
  telegram.onCall((call) => out.write(formatCall(call)))
  if (interactive) out.write(`${LOCAL_HELP}\n\n`)

  const rl = createInterface({ input: options.input ?? process.stdin, terminal: false })
  const prompt = () => interactive && out.write(`[${driver.userId}${driver.inGroup ? ' @lawyers' : ''}] > `)
  prompt()
  for await (const raw of rl) {
    const line = raw.trim()
    if (!interactive && line) out.write(`\n👤 ${driver.userId}${driver.inGroup ? ' @lawyers' : ''}: ${line}\n`)
    const refusedBefore = telegram.rejected.length
    try {
      await handleLine(driver, line, out)
      options.updateIds?.save(driver.nextUpdate)
      await options.afterEachLine?.()
    } catch (error) {
      out.write(`⚠️  ${error instanceof Error ? error.message : String(error)}\n`)
    }
    // What Telegram would have refused is a defect worth seeing, not a silent gap in the chat.
    for (const r of telegram.rejected.slice(refusedBefore)) out.write(`⛔ Telegram would refuse ${r.method} → chat ${r.payload.chat_id ?? '?'}: ${r.error_code} ${r.description}\n`)
    prompt()
  }
}

async function handleLine(driver: ChatDriver, line: string, out: NodeJS.WritableStream): Promise<void> {
  if (!line || line.startsWith('//')) return
  const [word = '', ...rest] = line.split(/\s+/)
  const args = rest.join(' ')
  if (line.startsWith('#')) {
    const selector = /^#\d+$/.test(line) ? Number(line.slice(1)) : line.slice(1).trim()
    const button = await driver.press(selector)
    if (button.requestLocation) out.write('   (this button shares a location: type /location LAT LON)\n')
    if (button.requestContact) out.write('   (this button shares your phone: type /contact PHONE)\n')
    if (button.url) out.write(`   (opens ${button.url})\n`)
    return
  }
  switch (word) {
    case '/location': {
      const [lat, lon] = rest.map(Number)
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error('usage: /location LAT LON')
      return driver.shareLocation(lat!, lon!)
    }
    case '/contact':
      if (!args) throw new Error('usage: /contact PHONE')
      return driver.shareContact(args)
    case '/as': {
      const id = Number(rest[0])
      if (!Number.isSafeInteger(id) || id <= 0) throw new Error('usage: /as ID [group]')
      driver.as(id, rest[1] === 'group' ? 'group' : 'private', rest[2] ? Number(rest[2]) : undefined)
      out.write(`   (you are now user ${id}${driver.inGroup ? " in the lawyers' group" : ''})\n`)
      return
    }
    case '/reply':
      return driver.reply(args)
    case '/sticker':
      return driver.sendSticker()
    case '/voice':
      return driver.sendVoice()
    case '/photo':
      return driver.sendPhoto(`photo-${Date.now()}`, args || undefined)
    case '/document':
      return driver.sendDocument(`doc-${Date.now()}`, args || 'document.pdf')
    default:
      return driver.send(line)
  }
}

const QUIET_METHODS = new Set(['answerCallbackQuery', 'setMyCommands', 'getMe', 'deleteWebhook', 'sendChatAction'])

/** How a Bot API call looks to a person: the text, then the buttons numbered as `#N` expects. */
export function formatCall(call: ApiCall): string {
  const p = call.payload
  if (QUIET_METHODS.has(call.method)) {
    return call.method === 'answerCallbackQuery' && p.text ? `💬 ${p.text}\n` : ''
  }
  const where = `chat ${p.chat_id ?? '?'}${p.message_thread_id ? ` topic ${p.message_thread_id}` : ''}`
  const head =
    call.method === 'editMessageText' || call.method === 'editMessageReplyMarkup' || call.method === 'editMessageMedia'
      ? `✏️  ${call.method} → ${where}, message ${p.message_id}`
      : `🤖 ${call.method} → ${where}`
  const body = p.text ?? p.caption ?? p.media?.caption ?? (call.method === 'sendVenue' ? `📍 ${p.title}\n${p.address} (${p.latitude}, ${p.longitude})` : '')
  const extra =
    call.method === 'sendDocument' ? `📎 ${Object.values(call.files)[0]?.filename ?? 'file'}` :
    call.method === 'sendPhoto' || call.method === 'editMessageMedia' ? photoLine(call) :
    call.method === 'createForumTopic' ? `🗂  new topic: ${p.name}` :
    call.method === 'copyMessage' ? `📋 copy of message ${p.message_id} from chat ${p.from_chat_id}` :
    call.method === 'answerInlineQuery' ? `🔎 ${(p.results ?? []).length} inline results` : ''
  const buttons = buttonsOf({ replyMarkup: p.reply_markup })
    .map((b, i) => `[#${i + 1} ${b.label}]`)
    .join(' ')
  return [head, indent(htmlToText(String(body))), extra && indent(extra), buttons && indent(buttons)].filter(Boolean).join('\n') + '\n'
}

let photosSaved = 0

/** An uploaded photo is written to a file a person can open; the line says its size and where it is. */
function photoLine(call: ApiCall): string {
  const file = Object.values(call.files)[0]
  if (!file) return `🖼 photo ${String(call.payload.photo ?? call.payload.media?.media ?? '')}`
  const dir = join(tmpdir(), 'joldosh-chat')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `photo-${process.pid}-${++photosSaved}.png`)
  writeFileSync(path, file.bytes)
  const png = file.bytes.subarray(1, 4).toString('latin1') === 'PNG'
  const size = png ? ` ${file.bytes.readUInt32BE(16)}×${file.bytes.readUInt32BE(20)} px,` : ''
  return `🖼 photo${size} ${Math.round(file.bytes.length / 1024)} KB → ${path}`
}

export function htmlToText(html: string): string {
  return html
    .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, (_, url: string, text: string) => (url === text ? text : `${text} (${url})`))
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x2F;/g, '/')
    .replace(/&amp;/g, '&')
}

const indent = (text: string) => text.split('\n').map((l) => `   ${l}`).join('\n')
