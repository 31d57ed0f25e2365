import { findCentreReport, findSupportCentre } from '../../db/support-centres.js'
import type { DeliveryContext } from './types.js'

/** "Report wrong information" on a centre card, posted to the lawyers' group so the NGO fixes it. */
export async function deliverCentreReport(c: DeliveryContext, payload: Record<string, any>): Promise<void> {
  const chatId = c.config.lawyersChatId
  if (chatId === undefined) return
  const t = c.i18n.getFixedT(c.config.lawyersLanguage)
  const report = findCentreReport(c.db, payload.reportId)
  if (!report) return
  const centre = findSupportCentre(c.db, report.centreId)
  c.recordSend(chatId)
  await c.api.sendMessage(chatId, t('desk:centreReport', { centre: centre?.name.ru ?? report.centreId, id: report.centreId, problem: t(`desk:centreProblem.${report.problem}`) }), { parse_mode: 'HTML' })
}
