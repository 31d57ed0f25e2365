import { InlineKeyboard } from 'grammy'
import type { Conflict } from '../../desk/conflicts.js'
import type { LegalRequest } from '../../db/legal-requests.js'
import { escapeHtml, type TFunction } from '../../i18n.js'
import { LANGUAGE_NAMES } from '../keyboards/language.js'
import { clip, formatDateTime } from '../format.js'

export interface CardExtras {
  attachments: number
  conflicts: Conflict[]
  lawyerName?: string
}

/** `JO-2026-00042 · Work and wages · Kazan`: never the person's name, every group member sees it. */
export function topicTitle(request: LegalRequest, t: TFunction): string {
  return clip(`${request.reference} · ${t(`lawyer:topics.${request.topic}`)} · ${t(`lawyer:cities.${request.city}`)}`, 128)
}

/** The request card in the lawyers' group: what a lawyer needs to triage, and no name. */
export function cardText(request: LegalRequest, extras: CardExtras, t: TFunction): string {
  if (request.erasedAt) return erasedCardText(request, t)
  const contact = [
    t('desk:card.inChat'),
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
    ...extras.conflicts.map((c) => `⚠️ ${t('desk:card.conflict', { reference: c.reference, reason: t(`desk:card.conflictReason.${c.reason}`) })}`),
    '',
    `<blockquote>${escapeHtml(clip(request.description, 2500))}</blockquote>`,
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

export function cardKeyboard(request: LegalRequest, t: TFunction): InlineKeyboard {
  if (request.erasedAt) return new InlineKeyboard()
  return new InlineKeyboard()
    .text(t('desk:buttons.take'), `d:take:${request.id}`)
    .text(t('desk:buttons.status'), `d:st:${request.id}`)
    .row()
    .text(t(request.urgent ? 'desk:buttons.makeNormal' : 'desk:buttons.makeUrgent'), `d:urg:${request.id}`)
    .text(t('desk:buttons.notes'), `d:notes:${request.id}`)
    .row()
    .text(t('privacy:contact.button'), `d:contact:${request.id}`)
}
