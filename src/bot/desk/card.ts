import { InlineKeyboard } from 'grammy'
import type { Conflict } from '../../desk/conflicts.js'
import type { LegalRequest } from '../../db/legal-requests.js'
import { escapeHtml, type TFunction } from '../../i18n.js'
import { LANGUAGE_NAMES } from '../keyboards/language.js'
import { clip, formatDateTime } from '../format.js'
import { TEXT_LIMIT, visibleLength } from '../../transport/telegram-rules.js'

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
  const head = cardHead(request, extras, t)
  const room = TEXT_LIMIT - visibleLength(head, 'HTML') - 2
  return `${head}\n\n<blockquote>${escapeHtml(clipUtf16(clip(request.description, 2500), room))}</blockquote>`
}

function clipUtf16(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1
  return `${text.slice(0, cut)}…`
}

function cardHead(request: LegalRequest, extras: CardExtras, t: TFunction): string {
  const contact = [
    t('desk:card.inChat'),
    request.contactPhone ? `${t('desk:card.phone')} ${escapeHtml(request.contactPhone)}` : '',
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

export function cardKeyboard(request: LegalRequest, t: TFunction): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('desk:buttons.take'), `d:take:${request.id}`)
    .text(t('desk:buttons.status'), `d:st:${request.id}`)
    .row()
    .text(t(request.urgent ? 'desk:buttons.makeNormal' : 'desk:buttons.makeUrgent'), `d:urg:${request.id}`)
    .text(t('desk:buttons.notes'), `d:notes:${request.id}`)
}
