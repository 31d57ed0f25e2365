import { InlineKeyboard } from 'grammy'
import type { Conflict } from '../../desk/conflicts.js'
import type { LegalRequest } from '../../db/legal-requests.js'
import { escapeHtml, type TFunction } from '../../i18n.js'
import { isOpen, type RequestStatus } from '../../requests/lifecycle.js'
import { LANGUAGE_NAMES } from '../keyboards/language.js'
import { clip, formatDateTime } from '../format.js'
import { TEXT_LIMIT, visibleLength } from '../../transport/telegram-rules.js'
import { isWebChatId } from '../../transport/web-ids.js'
import { clipUtf16 } from './relay-html.js'

export interface CardExtras {
  attachments: number
  conflicts: Conflict[]
  lawyerName?: string
}

/** `JO-2026-00042 · Work and wages · Kazan`: never the person's name, every group member sees it. */
export function topicTitle(request: LegalRequest, t: TFunction): string {
  return clip(`${request.reference} · ${t(`lawyer:topics.${request.topic}`)} · ${t(`lawyer:cities.${request.city}`)}`, 128)
}

/** Conflict lines shown on a card; the rest is a count, so the card stays within Telegram's 4,096. */
export const MAX_CONFLICT_LINES = 5

/**
 * The request card in the lawyers' group: what a lawyer needs to triage, and no name. Always
 * within Telegram's 4,096 (UTF-16, after tags): conflicts are capped and the description is
 * clipped to the room left (the full text is in /case and the export).
 */
export function cardText(request: LegalRequest, extras: CardExtras, t: TFunction): string {
  if (request.erasedAt) return erasedCardText(request, t)
  const head = cardHead(request, extras, t)
  const room = TEXT_LIMIT - visibleLength(head, 'HTML') - 2
  return `${head}\n\n<blockquote>${escapeHtml(clipUtf16(clip(request.description, 2500), room))}</blockquote>`
}

function cardHead(request: LegalRequest, extras: CardExtras, t: TFunction): string {
  const contact = [
    // A web visitor has no Telegram account: the card says where their chat is instead.
    t(isWebChatId(request.chatId) ? 'web:card.inWebChat' : 'desk:card.inChat'),
    // Never the phone itself: the group may hold people who are not lawyers (📞 shows it in private).
    request.contactPhone ? t('privacy:contact.onCard') : '',
    request.safeToContact ? '' : `⚠️ ${t('desk:card.careful')}`,
  ].filter(Boolean)
  const lines = [
    `${request.urgent ? '🚨' : '📄'} <b>${request.reference}</b> · ${t(`lawyer:urgencies.${request.urgency}`)}${request.urgent ? ` · <b>${t('desk:card.urgent')}</b>` : ''}`,
    `${t('desk:card.topic')}: ${t(`lawyer:topics.${request.topic}`)} · ${t('desk:card.city')}: ${t(`lawyer:cities.${request.city}`)} · ${t('desk:card.language')}: ${LANGUAGE_NAMES[request.language as keyof typeof LANGUAGE_NAMES] ?? request.language}`,
    `${t('desk:card.forWhom')}: ${t(request.forWhom === 'family' ? 'lawyer:forFamily' : 'lawyer:forSelf')}`,
    `${t('desk:card.status')}: <b>${t(`figures:status.${request.status}`)}</b>${request.disposition ? ` (${t(`desk:disposition.${request.disposition}`)}${request.referredTo ? `: ${escapeHtml(request.referredTo)}` : ''})` : ''} · ${t('desk:card.lawyer')}: ${extras.lawyerName ? escapeHtml(extras.lawyerName) : '—'}`,
    `${t('desk:card.contact')}: ${contact.join(' · ')}`,
    `${t('desk:card.created')}: ${formatDateTime(request.createdAt)} · ${t('desk:card.files')}: ${extras.attachments}`,
    ...extras.conflicts.slice(0, MAX_CONFLICT_LINES).map((c) => `⚠️ ${t('desk:card.conflict', { reference: c.reference, reason: t(`desk:card.conflictReason.${c.reason}`) })}`),
    ...(extras.conflicts.length > MAX_CONFLICT_LINES ? [`⚠️ ${t('desk:card.conflictsMore', { count: extras.conflicts.length - MAX_CONFLICT_LINES })}`] : []),
  ]
  return lines.join('\n')
}

/** After the person deleted their data: what the figures keep, and why the rest is gone. */
function erasedCardText(request: LegalRequest, t: TFunction): string {
  return [
    `🗑 <b>${request.reference}</b>`,
    `${t('desk:card.topic')}: ${t(`lawyer:topics.${request.topic}`)} · ${t('desk:card.city')}: ${t(`lawyer:cities.${request.city}`)}`,
    `${t('desk:card.status')}: <b>${t(`figures:status.${request.status}`)}</b> · ${t('desk:card.created')}: ${formatDateTime(request.createdAt)}`,
    '',
    t('privacy:desk.cardErased', { date: formatDateTime(request.erasedAt!) }),
  ].join('\n')
}

/**
 * The buttons follow the state: a withdrawn card keeps Notes, a closed one Status (to reopen) and
 * Notes; after the person deleted their data, none. 📞 shows the contact in a lawyer's private chat.
 */
export function cardKeyboard(request: LegalRequest, t: TFunction): InlineKeyboard {
  const kb = new InlineKeyboard()
  if (request.erasedAt) return kb
  if (isOpen(request.status as RequestStatus)) {
    kb.text(t('desk:buttons.take'), `d:take:${request.id}`).text(t('desk:buttons.status'), `d:st:${request.id}`).row()
    kb.text(t(request.urgent ? 'desk:buttons.makeNormal' : 'desk:buttons.makeUrgent'), `d:urg:${request.id}`)
  } else if (request.status !== 'withdrawn') {
    kb.text(t('desk:buttons.status'), `d:st:${request.id}`)
  }
  kb.text(t('desk:buttons.notes'), `d:notes:${request.id}`)
  return request.status === 'withdrawn' ? kb : kb.row().text(t('privacy:contact.button'), `d:contact:${request.id}`)
}
