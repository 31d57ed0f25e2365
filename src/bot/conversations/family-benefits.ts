import { InlineKeyboard } from 'grammy'
import { assessFamily } from '../../benefits/assess-family.js'
import type { FamilyAnswers, YesNo } from '../../benefits/assessment.js'
import { renderAssessmentMessages } from '../../benefits/render-assessment.js'
import type { ConvContext } from '../context.js'
import { askNumber, choose, dontKnowKeyboard, waitForTextOrUnknown, type BotConversation, type Choice } from './prompts.js'

export const FAMILY_BENEFITS = 'family-benefits'

/**
 * The family benefits questions: buttons with "I don't know" everywhere, numbers typed. The
 * answers are kept in the chat's session so the summary for relatives can be made afterwards.
 */
export async function familyBenefitsConversation(conversation: BotConversation, ctx: ConvContext) {
  const t = (key: string) => ctx.t(`benefits:${key}`)
  const dontKnow = t('button.dontKnow')
  const number = (step: string, max: number) =>
    askNumber(conversation, ctx, step, t(`question.${step}`), { min: 0, max, dontKnow, notANumber: t('question.notANumber') })
  const pick = <T extends string>(step: string, options: [T, string][]) =>
    choose<T | 'unknown'>(conversation, ctx, step, t(`question.${step}`), [...options.map(([value, label]): Choice<T> => ({ value, label: t(`button.${label}`) })), { value: 'unknown', label: dontKnow }], 2)
  const yesNo = (step: string) => pick<Exclude<YesNo, 'unknown'>>(step, [['yes', 'yes'], ['no', 'no']])

  await ctx.reply(t('question.intro'))
  const childrenUnder16 = await yesNo('childrenUnder16')
  const childAges = childrenUnder16 === 'yes' ? await askAges(conversation, ctx) : []
  const baby = await pick('baby', [['born', 'babyBorn'], ['expected', 'babyExpected'], ['no', 'babyNo']])
  const babyAgeMonths = baby === 'born' ? await number('babyAgeMonths', 12) : undefined
  const babiesAtOnce = baby === 'born' || baby === 'expected' ? await pick('babiesAtOnce', [['1', 'oneBaby'], ['2', 'twins'], ['3', 'triplets']]) : undefined
  const disabledChild = await yesNo('disabledChild')
  const disabledAdult = await yesNo('disabledAdult')
  const disabledAdultGroup = disabledAdult === 'yes' ? await pick('disabledAdultGroup', [['I', 'groupI'], ['II', 'groupII'], ['III', 'groupIII']]) : undefined
  const disabledAdultSinceChildhood = disabledAdult === 'yes' ? await yesNo('disabledAdultSinceChildhood') : undefined
  const pregnantWoman = await pick('pregnantWoman', [
    ['employed', 'pregnantEmployed'], ['entrepreneur', 'pregnantEntrepreneur'], ['registered-unemployed', 'pregnantUnemployed'], ['not-working', 'pregnantNotWorking'], ['no', 'pregnantNo'],
  ])
  const elderWithoutPension = await yesNo('elderWithoutPension')
  const elderSex = elderWithoutPension === 'yes' ? await pick('elderSex', [['male', 'male'], ['female', 'female']]) : undefined
  const elderAge = elderWithoutPension === 'yes' ? await number('elderAge', 120) : undefined
  const elderInsuranceYears = elderWithoutPension === 'yes' ? await number('elderInsuranceYears', 60) : undefined
  const householdSize = await number('householdSize', 40)
  await ctx.reply(`${t('income.help')}\n\n${t('income.example')}`)
  const monthlyIncome = await number('monthlyIncome', 10_000_000)
  const monthlyRemittances = monthlyIncome !== 'unknown' ? await number('monthlyRemittances', 10_000_000) : undefined
  const highMountain = await yesNo('highMountain')

  const answers: FamilyAnswers = {
    childrenUnder16,
    childAges,
    baby,
    ...(babyAgeMonths !== undefined ? { babyAgeMonths } : {}),
    ...(babiesAtOnce !== undefined ? { babiesAtOnce: babiesAtOnce === 'unknown' ? 'unknown' : Number(babiesAtOnce) } : {}),
    disabledChild,
    disabledAdult,
    ...(disabledAdultGroup !== undefined ? { disabledAdultGroup } : {}),
    ...(disabledAdultSinceChildhood !== undefined ? { disabledAdultSinceChildhood } : {}),
    pregnantWoman,
    elderWithoutPension,
    ...(elderSex !== undefined ? { elderSex } : {}),
    ...(elderAge !== undefined ? { elderAge } : {}),
    ...(elderInsuranceYears !== undefined ? { elderInsuranceYears } : {}),
    householdSize,
    monthlyIncome,
    ...(monthlyRemittances !== undefined ? { monthlyRemittances } : {}),
    highMountain,
  }
  // The answers stay in this chat's session for the summary button; the date comes from outside
  // so that the replayed conversation computes the same result.
  const today = await conversation.external((outside) => {
    outside.session.familyAnswers = answers
    return outside.clock().toISOString()
  })
  await sendAssessment(ctx, answers, new Date(today))
}

/** The answer, split under Telegram's limit, with the articles, the summary and a lawyer on the last. */
export async function sendAssessment(ctx: ConvContext, answers: FamilyAnswers, today: Date): Promise<void> {
  const results = assessFamily(answers, today)
  const t = ctx.i18n.getFixedT(ctx.locale, 'benefits')
  const messages = renderAssessmentMessages(results, t, { html: true })
  const keyboard = new InlineKeyboard()
  const articles = [...new Set(results.filter((r) => r.verdict !== 'unlikely').map((r) => r.articleId))]
  for (const id of articles) keyboard.text(`📖 ${t(`benefit.${results.find((r) => r.articleId === id)!.benefitId}.name`)}`, `r:a:${id}`).row()
  keyboard.text(t('button.summary'), 'b:summary').row().text(ctx.t('rights:askLawyerShort'), 'b:lawyer').row().text(ctx.t('buttons.mainMenu'), 'menu:main')
  for (const [i, text] of messages.entries()) {
    await ctx.reply(text, { parse_mode: 'HTML', ...(i === messages.length - 1 ? { reply_markup: keyboard } : {}) })
  }
}

/** Ages as numbers separated by spaces or commas ("2 7 12"); 0 for a baby under one. */
async function askAges(conversation: BotConversation, ctx: ConvContext): Promise<number[] | 'unknown'> {
  const t = (key: string) => ctx.t(`benefits:${key}`)
  const dontKnow = t('button.dontKnow')
  await ctx.reply(t('question.childAges'), { reply_markup: dontKnowKeyboard('ages', dontKnow) })
  for (;;) {
    const answer = await waitForTextOrUnknown(conversation, 'ages', dontKnow)
    if (answer === 'unknown') return answer
    const ages = answer.split(/[\s,;]+/).filter(Boolean).map(Number)
    if (ages.length > 0 && ages.length <= 20 && ages.every((a) => Number.isInteger(a) && a >= 0 && a < 16)) return ages
    await ctx.reply(t('question.notANumber'), { reply_markup: dontKnowKeyboard('ages', dontKnow) })
  }
}
