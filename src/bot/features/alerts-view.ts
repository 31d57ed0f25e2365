import { InlineKeyboard } from 'grammy'
import type { i18n } from 'i18next'
import type { AlertFigures, Alert } from '../../db/alerts.js'
import type { Language } from '../../config.js'
import { escapeHtml } from '../../i18n.js'

/** The longest alert text an admin may write per language (visible characters), leaving room for the header and note. */
export const ALERT_TEXT_MAX = 3500

/**
 * The alert as a person reading `lang` gets it: the header, the text in their language (or the
 * Russian one with a one-line note in their language), and the buttons: the article (counted
 * when pressed) and "stop news".
 */
export function renderAlert(i18n: i18n, alert: Pick<Alert, 'id' | 'texts' | 'articleId'>, lang: Language): { text: string; keyboard: InlineKeyboard } {
  const t = i18n.getFixedT(lang)
  const own = alert.texts[lang]
  const body = own ?? alert.texts.ru ?? ''
  const note = own ? '' : `\n\n<i>${t('alerts:alert.fallbackNote')}</i>`
  const text = `📢 <b>${t('alerts:alert.header')}</b>\n\n${body}${note}`
  const keyboard = new InlineKeyboard()
  if (alert.articleId) keyboard.text(t('alerts:alert.readArticle'), `an:o:${alert.id}:${alert.articleId}`).row()
  keyboard.text(t('alerts:alert.stop'), `an:s:${alert.id}`)
  return { text, keyboard }
}

/** The figures of one alert, in the admins' language: for the progress message, the report and "last alerts". */
export function figuresText(t: (key: string, options?: Record<string, unknown>) => string, f: AlertFigures): string {
  return t('alerts:admin.figures', { recipients: f.recipients, sent: f.sent, failed: f.failed, skipped: f.skipped, left: f.left, opened: f.opened, unsubscribed: f.unsubscribed })
}

export function progressText(t: (key: string, options?: Record<string, unknown>) => string, alertId: number, f: AlertFigures): string {
  return t('alerts:admin.progress', { id: alertId, sent: f.sent, failed: f.failed + f.skipped, left: f.left })
}

/** A short, plain line naming the alert: its first words in Russian. */
export function alertTitle(alert: Pick<Alert, 'texts'>): string {
  const plain = (alert.texts.ru ?? '').replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim()
  const chars = [...plain]
  return escapeHtml(chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : plain)
}
