import { InlineKeyboard } from 'grammy'
import { findDeadlineDates, stopReminders, type DeadlineReminderPayload } from '../../db/deadlines.js'
import { findUser } from '../../db/users.js'
import { LANGUAGES, type Language } from '../../config.js'
import { todayInRussia } from '../../deadlines/compute.js'
import type { DeadlineKind } from '../../deadlines/types.js'
import { reminderText } from '../conversations/deadlines-answer.js'
import { classifyFailure } from './failures.js'
import type { DeliveryContext } from './types.js'

/**
 * A /deadlines reminder, in the person's language as it is now. Nothing goes out when the person deleted their
 * dates or turned reminders off after it was queued. When the person blocked the bot, their reminders stop
 * (nothing is retried, no one else is told): they come back with /deadlines.
 */
export async function deliverDeadlineReminder(c: DeliveryContext, payload: DeadlineReminderPayload): Promise<void> {
  const saved = findDeadlineDates(c.db, payload.userId)
  if (!saved?.remindersOn) return
  const stored = findUser(c.db, payload.userId)?.language
  const language: Language = stored && (LANGUAGES as readonly string[]).includes(stored) ? (stored as Language) : c.config.defaultLanguage
  const t = c.i18n.getFixedT(language)
  const text = reminderText(t, payload.kind as DeadlineKind, payload.deadlineDate, todayInRussia(c.clock()))
  const kb = new InlineKeyboard().text(t('deadlines:button.open'), 'dl:open').text(t('deadlines:button.stop'), 'dl:off')
  try {
    c.recordSend(payload.chatId)
    await c.api.sendMessage(payload.chatId, `⏰ ${text}`, { parse_mode: 'HTML', reply_markup: kb })
  } catch (error) {
    if (classifyFailure(error, c.config.lawyersChatId) !== 'person') throw error
    stopReminders(c.db, payload.userId)
  }
}
