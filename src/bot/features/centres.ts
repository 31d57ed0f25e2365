import { Composer, Keyboard } from '../composer.js'
import { CENTRE_PROBLEMS, findSupportCentre, importCentresFromFile, loadDirectory, recordCentreReport, type CentreProblem, type LiveDirectory } from '../../db/support-centres.js'
import type { City } from '../../centres/vocabulary.js'
import { matchCityQuery } from '../../centres/city-query.js'
import { hasCoordinates, isRealLocation } from '../../centres/geography.js'
import { describeError } from '../../logger.js'
import type { BotContext } from '../context.js'
import { cardView, dialableNumbers, PROBLEM_CODES, reportChoiceView, reportThanksView, topicFor } from '../views/centre-card.js'
import { decodeRef, listView, menuView, REF_PATTERN } from '../views/centre-list.js'
import { nameOf, placeName, type View } from '../views/centre-view.js'
import { clip } from '../format.js'
import { requireAdmin } from '../desk/roles.js'
import { showView } from '../show.js'
import { noteUsefulAnswer } from './alerts-useful-answer.js'
import { startLegalRequest } from './legal-request.js'

/**
 * Find a support centre: city buttons or a shared location → one list message → cards edited in place,
 * with Call / Route / Ask a lawyer instead / Report wrong information. The directory is kept in memory and
 * checked against the database on each update, so a CSV import or /centres_reload shows at once. Views:
 * ../views/centre-list.ts and ../views/centre-card.ts.
 */
const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

const ID = '([a-z0-9-]{1,40})'
const REF = `(${REF_PATTERN})`
const PROBLEM_BY_CODE = Object.fromEntries(Object.entries(PROBLEM_CODES).map(([problem, code]) => [code, problem])) as Record<string, CentreProblem>


async function sendVenues(ctx: BotContext, view: View): Promise<void> {
  for (const venue of view.venues) await ctx.replyWithVenue(venue.lat, venue.lon, venue.title, venue.address)
}

async function stale(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t('errors.staleButton') })
}

/** The entry and the list it was opened from, or nothing when the button is forged or out of date. */
function lookup(ctx: BotContext, id: string, refText: string) {
  const ref = decodeRef(refText)
  const centre = ref && findSupportCentre(ctx.db, id)
  return ref && centre ? { ref, centre, dir: loadDirectory(ctx.db) } : undefined
}

/**
 * The Russian cities that have a list, for typed city names. Kept per directory copy (loadDirectory returns
 * the same frozen object until an import): the same array lets matchCityQuery reuse its folded names.
 */
const typedCitiesOf = new WeakMap<LiveDirectory, readonly City[]>()
function typedCities(dir: LiveDirectory): readonly City[] {
  let cities = typedCitiesOf.get(dir)
  if (!cities) {
    const listed = new Set(dir.centres.map((c) => c.city))
    typedCitiesOf.set(dir, (cities = dir.cities.filter((c) => c.country === 'ru' && listed.has(c.id))))
  }
  return cities
}

async function showMenu(ctx: BotContext): Promise<void> {
  ctx.logger.info({ handler: 'centres:menu' })
  await showView(ctx, menuView(ctx, loadDirectory(ctx.db)))
}

privateChat.command('centres', showMenu)

/**
 * A typed city ("Казань", "kazan", "борбор Казань", "где центр поддержки мигрантов в Казани") opens that city's
 * list; anything else that is not only a city and centre words ("I lost my passport in Moscow") goes on to
 * article search, which is why this feature is installed before rights (src/bot/index.ts).
 */
privateChat.on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/') || Object.keys(ctx.conversation.active()).length > 0) return next()
  const dir = loadDirectory(ctx.db)
  const query = matchCityQuery(ctx.message.text, typedCities(dir))
  if (!query) return next()
  ctx.logger.info({ handler: 'centres:typed', list: query.kind === 'city' ? query.cityId : 'menu' })
  if (query.kind === 'centres') return showView(ctx, menuView(ctx, dir))
  const view = listView(ctx, dir, { kind: 'city', cityId: query.cityId, filter: 'a' })
  if (!view) return next()
  await showView(ctx, view)
  noteUsefulAnswer(ctx)
})
privateChat.callbackQuery(['menu:centres', 'ce:home'], async (ctx) => {
  await ctx.answerCallbackQuery()
  await showMenu(ctx)
})

/** The list and card buttons (ce:…); any other update passes with one check instead of one per button. */
const buttons = privateChat.filter((ctx) => ctx.callbackQuery?.data?.startsWith('ce:') === true)

// A reply keyboard is the only way to ask for a location; it hides itself once used.
buttons.callbackQuery('ce:loc', async (ctx) => {
  await ctx.answerCallbackQuery()
  const keyboard = new Keyboard().requestLocation(ctx.t('centres:location.button')).resized().oneTime()
  await ctx.reply(ctx.t('centres:location.prompt'), { reply_markup: keyboard })
})

// ce:l = the list; ce:g came from older menus (the list, then its pins): now the same list, no pins unasked.
buttons.callbackQuery(new RegExp(`^ce:([lg]):${REF}$`), async (ctx) => {
  const ref = decodeRef(ctx.match[2]!)
  const view = ref && listView(ctx, loadDirectory(ctx.db), ref)
  if (!ref || !view) return stale(ctx)
  await ctx.answerCallbackQuery()
  ctx.logger.info({ handler: 'centres:list', list: ref.kind === 'city' ? ref.cityId : ref.kind, filter: ref.filter })
  await showView(ctx, view)
  noteUsefulAnswer(ctx)
})

/**
 * A shared location outside a conversation (those take their own updates first): the list of the nearest
 * city with entries, or the home lines and consulates outside Russia. The location is not stored or
 * logged; it travels rounded to ~100 m in the list's buttons, so Back can rebuild the list.
 */
privateChat.on('message:location', async (ctx, next) => {
  if (Object.keys(ctx.conversation.active()).length > 0) return next()
  const { latitude, longitude } = ctx.message.location
  if (!isRealLocation(latitude, longitude)) return ctx.reply(ctx.t('centres:location.invalid', { button: ctx.t('centres:menu.nearMe') }), { reply_markup: menuView(ctx, loadDirectory(ctx.db)).keyboard })
  const ref = decodeRef(`n${Number(latitude.toFixed(3))},${Number(longitude.toFixed(3))}.a`)
  const view = ref && listView(ctx, loadDirectory(ctx.db), ref)
  if (!view) return next()
  ctx.logger.info({ handler: 'centres:location', venues: view.venues.length })
  await showView(ctx, view)
  await sendVenues(ctx, view)
  noteUsefulAnswer(ctx)
})

/** The card's "show on the map": the entry's own sourced coordinates as a pin, only when asked. */
buttons.callbackQuery(new RegExp(`^ce:v:${ID}$`), async (ctx) => {
  const centre = findSupportCentre(ctx.db, ctx.match[1]!)
  if (!centre || !hasCoordinates(centre)) return stale(ctx)
  await ctx.answerCallbackQuery()
  const dir = loadDirectory(ctx.db)
  await ctx.replyWithVenue(centre.lat, centre.lon, clip(nameOf(ctx, centre), 100), centre.address ?? placeName(ctx, dir, centre.city))
})

buttons.callbackQuery(new RegExp(`^ce:o:${ID}:${REF}$`), async (ctx) => {
  const found = lookup(ctx, ctx.match[1]!, ctx.match[2]!)
  if (!found) return stale(ctx)
  const { centre, ref, dir } = found
  await ctx.answerCallbackQuery()
  ctx.logger.info({ handler: 'centres:card', centre: centre.id })
  await showView(ctx, cardView(ctx, dir, centre, ref))
})

/** Call: the numbers alone, one per line, for the phone app to dial with one tap. */
buttons.callbackQuery(new RegExp(`^ce:p:${ID}$`), async (ctx) => {
  const centre = findSupportCentre(ctx.db, ctx.match[1]!)
  const numbers = centre ? dialableNumbers(centre, loadDirectory(ctx.db)) : []
  if (numbers.length === 0) return stale(ctx)
  await ctx.answerCallbackQuery()
  await ctx.reply(numbers.map((n) => `📞 ${n}`).join('\n'))
})

buttons.callbackQuery(new RegExp(`^ce:w:${ID}:${REF}$`), async (ctx) => {
  const found = lookup(ctx, ctx.match[1]!, ctx.match[2]!)
  if (!found) return stale(ctx)
  await ctx.answerCallbackQuery()
  await showView(ctx, reportChoiceView(ctx, found.dir, found.centre, found.ref))
})

/** Stored with the lawyers' outbox event in one transaction; no user id is kept with a report. */
buttons.callbackQuery(new RegExp(`^ce:r:${ID}:([a-z]):${REF}$`), async (ctx) => {
  const problem = PROBLEM_BY_CODE[ctx.match[2]!]
  const found = problem && CENTRE_PROBLEMS.includes(problem) ? lookup(ctx, ctx.match[1]!, ctx.match[3]!) : undefined
  const report = found && recordCentreReport(ctx.db, { centreId: found.centre.id, problem: problem!, language: ctx.locale }, ctx.clock())
  if (!found || !report) return stale(ctx)
  ctx.logger.info({ handler: 'centres:report', centre: found.centre.id, report_id: report.id, problem })
  await ctx.answerCallbackQuery()
  await showView(ctx, reportThanksView(ctx, found.dir, found.centre, found.ref))
})

buttons.callbackQuery(new RegExp(`^ce:a:${ID}$`), async (ctx) => {
  const centre = findSupportCentre(ctx.db, ctx.match[1]!)
  if (!centre) return stale(ctx)
  await ctx.answerCallbackQuery()
  await startLegalRequest(ctx, { topic: topicFor(centre) })
})

/**
 * Admins re-read src/content/centres.json without a restart (only if it changed; `force` also drops CSV
 * edits and goes back to the file). Checked here, on the action itself, in any chat the bot serves.
 */
composer.command('centres_reload', async (ctx) => {
  if (!(await requireAdmin(ctx))) return
  const force = ctx.match.trim() === 'force'
  try {
    const result = importCentresFromFile(ctx.db, ctx.clock(), undefined, { force })
    ctx.logger.info({ handler: 'centres:reload', allowed: true, imported: result.imported })
    if (!result.imported) return ctx.reply(ctx.t('centres:reload.unchanged'), { parse_mode: 'HTML' })
    const { added, changed, removed } = result.diff
    const total = loadDirectory(ctx.db).centres.length
    await ctx.reply(ctx.t('centres:reload.done', { added: added.length, changed: changed.length, removed: removed.length, count: total }), { parse_mode: 'HTML' })
  } catch (error) {
    ctx.logger.warn({ err: describeError(error), handler: 'centres:reload' }, 'reload failed')
    await ctx.reply(ctx.t('centres:reload.failed', { errors: (error instanceof Error ? error.message : String(error)).slice(0, 1500) }), { parse_mode: 'HTML' })
  }
})

export { composer as centresFeature }
