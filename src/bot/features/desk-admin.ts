import { Composer } from '../composer.js'
import { intakeState, setIntakeState } from '../../db/desk.js'
import { addLawyer, findLawyer, addReferralOrganisation, audit, listLawyers, listReferralOrganisations, removeLawyer, removeReferralOrganisation } from '../../db/lawyers.js'
import { escapeHtml } from '../../i18n.js'
import type { BotContext } from '../context.js'
import { requireAdmin } from '../desk/roles.js'
import { clip, formatDateTime } from '../format.js'

/** Admins keep the list of lawyers and referral organisations, and can pause intake. */
const composer = new Composer<BotContext>()

composer.command('lawyers', async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const [action, id, ...name] = ctx.match.trim().split(/\s+/)
  const userId = Number(id)
  const now = ctx.clock()
  if ((action === 'add' || action === 'remove') && (!Number.isSafeInteger(userId) || userId <= 0)) return ctx.reply(ctx.t('desk:lawyersUsage'))
  if (action === 'add') {
    addLawyer(ctx.db, userId, name.length ? clip(name.join(' '), 64) : null, ctx.from!.id, now)
    audit(ctx.db, ctx.from!.id, 'lawyers:add', null, now, String(userId))
    return ctx.reply(ctx.t('desk:lawyerAdded', { id: userId }))
  }
  if (action === 'remove') {
    const removed = removeLawyer(ctx.db, userId)
    audit(ctx.db, ctx.from!.id, 'lawyers:remove', null, now, String(userId))
    return ctx.reply(ctx.t(removed ? 'desk:lawyerRemoved' : 'desk:lawyerNotFound', { id: userId }))
  }
  if (action) return ctx.reply(ctx.t('desk:lawyersUsage'))
  const lines = listLawyers(ctx.db).map((l) => `• ${l.userId}${l.displayName ? ` — ${escapeHtml(l.displayName)}` : ''}`)
  const admins = ctx.config.adminIds.map((a) => `• ${a} (${ctx.t('desk:admin')})`)
  await ctx.reply([`<b>${ctx.t('desk:lawyersTitle')}</b>`, ...admins, ...lines].join('\n'), { parse_mode: 'HTML' })
})

composer.command('intake', async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const [action, ...message] = ctx.match.trim().split(/\s+/)
  if (action === 'pause') {
    setIntakeState(ctx.db, { paused: true, since: ctx.clock().toISOString(), by: ctx.from!.id, ...(message.length ? { message: clip(message.join(' '), 500) } : {}) }, ctx.clock())
    audit(ctx.db, ctx.from!.id, 'intake:pause', null, ctx.clock())
    return ctx.reply(ctx.t('desk:intakePaused'))
  }
  if (action === 'resume') {
    setIntakeState(ctx.db, { paused: false }, ctx.clock())
    audit(ctx.db, ctx.from!.id, 'intake:resume', null, ctx.clock())
    return ctx.reply(ctx.t('desk:intakeResumed'))
  }
  if (action) return ctx.reply(ctx.t('desk:intakeUsage'))
  // /intake alone: whether requests are taken now, since when and by whom, and how to change it.
  const state = intakeState(ctx.db)
  const by = state.by ? (findLawyer(ctx.db, state.by)?.displayName ?? `#${state.by}`) : '—'
  const now = state.paused
    ? ctx.t('desk:intakeNowPaused', { since: state.since ? formatDateTime(new Date(state.since)) : '—', by }) + (state.message ? `\n${ctx.t('desk:intakeMessage')}: ${escapeHtml(state.message)}` : '')
    : ctx.t('desk:intakeNowOpen')
  await ctx.reply(`${now}\n\n${ctx.t('desk:intakeUsage')}`, { parse_mode: 'HTML' })
})

composer.command('orgs', async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const [action = '', ...rest] = ctx.match.trim().split(/\s+/)
  if (action === 'add' && rest.length) {
    addReferralOrganisation(ctx.db, clip(rest.join(' '), 100), ctx.from!.id, ctx.clock())
  } else if (action === 'remove' && Number.isSafeInteger(Number(rest[0]))) {
    removeReferralOrganisation(ctx.db, Number(rest[0]))
  } else if (action) {
    return ctx.reply(ctx.t('desk:orgsUsage'))
  }
  const lines = listReferralOrganisations(ctx.db).map((o) => `${o.id}. ${escapeHtml(o.name)}`)
  await ctx.reply([`<b>${ctx.t('desk:orgsTitle')}</b>`, ...(lines.length ? lines : ['—'])].join('\n'), { parse_mode: 'HTML' })
})

export { composer as deskAdminFeature }
