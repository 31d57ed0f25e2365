import { Composer } from '../composer.js'
import type { BotContext } from '../context.js'
import { alertsAdminFeature } from './alerts-admin.js'
import { alertDraftsFeature } from './alerts-drafts.js'
import { newsFeature } from './news.js'

/** /news for people and /alert for admins, installed as one feature. */
const composer = new Composer<BotContext>()
composer.use(newsFeature)
composer.use(alertsAdminFeature)
composer.use(alertDraftsFeature)

export { composer as alertsFeature }
