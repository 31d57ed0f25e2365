import type { Api } from 'grammy'
import type { i18n } from 'i18next'
import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import type { Logger } from '../../logger.js'

/** What the outbox needs from the process; shared by the worker and the deliveries (no import circle). */
export interface OutboxDependencies {
  db: Db
  api: Api
  config: Config
  i18n: i18n
  logger: Logger
  clock: () => Date
}

/** What one delivery may use: the dependencies, the send throttle and whether the group is a forum. */
export interface DeliveryContext extends OutboxDependencies {
  recordSend(chatId: number): void
  isForum(): Promise<boolean>
}

/** Alerts' outbox kinds (src/db/alerts.ts): the news offer, one message per person, the admin's report. */
export type { AlertOutboxKind } from '../../db/alerts.js'
