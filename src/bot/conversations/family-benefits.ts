import { InlineKeyboard } from 'grammy'
import { noteUsefulAnswer } from '../features/alerts-useful-answer.js'
import { assessFamily } from '../../benefits/assess-family.js'
import type { BenefitAssessment, FamilyAnswers, YesNo } from '../../benefits/assessment.js'
import { renderShortAnswer } from '../../benefits/render-assessment.js'
import type { ConvContext } from '../context.js'
import { askAges, askChoice, askNumber, benefitsT, type NumberQuestion } from './benefits-questions.js'
import type { BotConversation, Choice } from './prompts.js'
import type { Steps } from './stepwise.js'

export const FAMILY_BENEFITS = 'family-benefits'

const ORDERS = ['2', '3', '4', '5', '6', '7', '8', '9', '10'] as const

/**
 * The family benefits questions. Each is asked only where a rule depends on it (the birth order only in
 * high-mountain areas with a young child, income only with children under 16, …), every one has "I don't know".
 * The answers are kept in the chat's session (SQLite), so the detail buttons work after a restart.
 * Stepwise (./stepwise.ts): each question is one `steps.ask`, so the stored state stays small.
 */
export async function familyBenefitsConversation(conversation: BotConversation, ctx: ConvContext, steps: Steps) {
  const t = benefitsT(ctx)
  const dontKnow: Choice<'unknown'> = { value: 'unknown', label: t('button.dontKnow') }
  const pick = <T extends string>(step: string, options: [T, string][], columns = 2) =>
    steps.ask(step, () => askChoice<T | 'unknown'>(conversation, ctx, step, [...options.map(([value, label]) => ({ value, label: t(`button.${label}`) })), dontKnow], columns, steps.prompt(step)))
  const yesNo = (step: string) => pick<Exclude<YesNo, 'unknown'>>(step, [['yes', 'yes'], ['no', 'no']])
  const number = async (q: NumberQuestion): Promise<number | 'unknown'> => {
    const v = await steps.ask(q.step, () => askNumber(conversation, ctx, q, steps.prompt(q.step)))
    return typeof v === 'number' ? v : 'unknown'
  }
  const today = new Date(await steps.once('today', () => conversation.external((outside) => outside.clock().toISOString())))

  await steps.once('intro', async () => void (await ctx.reply(t('question.intro'))))
  let childrenUnder16 = await yesNo('childrenUnder16')
  const ages = childrenUnder16 === 'yes' ? await steps.ask('childAges', () => askAges(conversation, ctx, steps.prompt('childAges'))) : 'unknown'
  const known = ages === 'unknown' ? undefined : ages
  if (known && known.kept.length === 0) childrenUnder16 = 'no'
  let baby = await pick('baby', [['born', 'babyBorn'], ['expected', 'babyExpected'], ['no', 'babyNo']])
  let babyAgeMonths: number | 'unknown' | undefined
  if (baby === 'born') {
    const months = await steps.ask('babyAgeMonths', async () => {
      const m = await askNumber(conversation, ctx, {
        step: 'babyAgeMonths', min: 0, max: 12, example: '3', extra: [{ value: 'older', label: t('button.olderThanYear') }],
      }, steps.prompt('babyAgeMonths'))
      if (m === 'older') await ctx.reply(t('number.olderThanYear'))
      return m
    })
    if (months === 'older') baby = 'no'
    else babyAgeMonths = typeof months === 'number' ? months : 'unknown'
  }
  const atOnce = baby === 'born' || baby === 'expected' ? await pick('babiesAtOnce', [['1', 'oneBaby'], ['2', 'twins'], ['3', 'triplets']], 3) : undefined
  const babiesAtOnce = atOnce === undefined ? undefined : atOnce === 'unknown' ? 'unknown' : Number(atOnce)
  const babyBornAbroad = baby === 'born' ? await yesNo('babyBornAbroad') : undefined
  const hasChildren = childrenUnder16 !== 'no' || baby === 'born' || (known?.leftOut.length ?? 0) > 0
  const caregiver = hasChildren ? await pick('caregiver', [['parent', 'caregiverParent'], ['relative', 'caregiverRelative']]) : undefined
  const orphan = hasChildren ? await pick('orphan', [['both-parents', 'orphanBoth'], ['one-parent', 'orphanOne'], ['no', 'orphanNo']]) : undefined
  const highMountain = await yesNo('highMountain')
  const youngChild = baby !== 'no' || childrenUnder16 === 'unknown' || ages === 'unknown' || known?.kept.some((a) => a < 3)
  const order =
    highMountain !== 'no' && youngChild
      ? await steps.ask('youngestBirthOrder', () =>
          askChoice(conversation, ctx, 'youngestBirthOrder', [...ORDERS.map((o) => ({ value: o, label: o === '2' ? '1–2' : o === '10' ? '10+' : o })), dontKnow], 3, steps.prompt('youngestBirthOrder')),
        )
      : undefined
  const disabledChild = await yesNo('disabledChild')
  const disabledAdult = await yesNo('disabledAdult')
  const disabledAdultGroup = disabledAdult === 'yes' ? await pick('disabledAdultGroup', [['I', 'groupI'], ['II', 'groupII'], ['III', 'groupIII']], 3) : undefined
  const disabledAdultSinceChildhood = disabledAdult === 'yes' ? await yesNo('disabledAdultSinceChildhood') : undefined
  const pregnantWoman = await pick('pregnantWoman', [
    ['employed', 'pregnantEmployed'], ['entrepreneur', 'pregnantEntrepreneur'], ['registered-unemployed', 'pregnantUnemployed'], ['not-working', 'pregnantNotWorking'], ['no', 'pregnantNo'],
  ], 1)
  const elderWithoutPension = await yesNo('elderWithoutPension')
  const elderSex = elderWithoutPension === 'yes' ? await pick('elderSex', [['male', 'male'], ['female', 'female']]) : undefined
  const elderAge = elderWithoutPension === 'yes' ? await number({ step: 'elderAge', min: 40, max: 120, example: '65' }) : undefined
  const elderInsuranceYears = elderWithoutPension === 'yes' ? await number({ step: 'elderInsuranceYears', min: 0, max: 60, example: '10' }) : undefined
  const motherHeroine = await yesNo('motherHeroine')

  const answers: FamilyAnswers = {
    childrenUnder16,
    childAges: known ? known.kept : 'unknown',
    baby,
    ...(babyAgeMonths !== undefined ? { babyAgeMonths } : {}),
    ...(babiesAtOnce !== undefined ? { babiesAtOnce } : {}),
    ...(babyBornAbroad !== undefined ? { babyBornAbroad } : {}),
    ...(order !== undefined ? { youngestBirthOrder: order === 'unknown' ? 'unknown' : Number(order) } : {}),
    ...(caregiver !== undefined ? { caregiver } : {}),
    ...(orphan !== undefined ? { orphan } : {}),
    disabledChild,
    disabledAdult,
    ...(disabledAdultGroup !== undefined ? { disabledAdultGroup } : {}),
    ...(disabledAdultSinceChildhood !== undefined ? { disabledAdultSinceChildhood } : {}),
    pregnantWoman,
    elderWithoutPension,
    ...(elderSex !== undefined ? { elderSex } : {}),
    ...(elderAge !== undefined ? { elderAge } : {}),
    ...(elderInsuranceYears !== undefined ? { elderInsuranceYears } : {}),
    motherHeroine,
    householdSize: 'unknown',
    monthlyIncome: 'unknown',
    highMountain,
  }

  // Income matters only for «Үй-бүлөгө көмөк», which needs children under 16.
  if (childrenUnder16 !== 'no') {
    const atOnceCount = typeof babiesAtOnce === 'number' ? babiesAtOnce : 1
    const zeros = known?.kept.filter((a) => a === 0).length ?? 0
    const children = (known ? known.kept.length + known.leftOut.length : 0) + (baby === 'born' ? Math.max(0, atOnceCount - zeros) : 0)
    answers.householdSize = await number({
      step: 'householdSize', min: 1, max: 30, example: '5',
      check: (n) => (n < children + 1 ? t('number.householdTooSmall', { children, min: children + 1 }) : undefined),
    })
    await steps.once('incomeHelp', async () => void (await ctx.reply(`${t('income.help')}\n\n${t('income.example')}`)))
    answers.monthlyIncome = await number({ step: 'monthlyIncome', min: 0, max: 10_000_000, money: true, example: '5000' })
    answers.monthlyRemittances = await number({ step: 'monthlyRemittances', min: 0, max: 10_000_000, money: true, example: '4000' })
    if (support(answers, today).verdict !== 'unlikely') answers.socialContractSigned = await yesNo('socialContractSigned')
  }
  // The social contract is open to social-passport holders when «Үй-бүлөгө көмөк» is not likely.
  const s = support(answers, today)
  if (s.verdict !== 'likely' || s.insteadOf) answers.socialPassport = await yesNo('socialPassport')

  await conversation.external((outside) => {
    outside.session.familyAnswers = answers
    noteUsefulAnswer(outside)
  })
  await sendAssessment(ctx, answers, today)
}

function support(answers: FamilyAnswers, today: Date): BenefitAssessment {
  return assessFamily(answers, today).find((r) => r.benefitId === 'family-support')!
}

/** Buttons under the short answer: one per benefit that may apply, why not the others, summary, lawyer, menu. */
export function answerKeyboard(results: readonly BenefitAssessment[], t: (key: string) => string): InlineKeyboard {
  const kb = new InlineKeyboard()
  for (const r of results.filter((x) => x.verdict !== 'unlikely')) kb.text(`ℹ️ ${t(`benefits:benefit.${r.benefitId}.name`)}`, `b:d:${r.benefitId}`).row()
  if (results.some((r) => r.verdict === 'unlikely')) kb.text(t('benefits:button.whyNot'), 'b:d:not').row()
  return kb.text(t('benefits:button.summary'), 'b:summary').row().text(t('rights:askLawyerShort'), 'b:lawyer').row().text(t('buttons.mainMenu'), 'menu:main')
}

/** The answer: one screen with what is likely, how much and where; the details behind the buttons. */
export async function sendAssessment(ctx: ConvContext, answers: FamilyAnswers, today: Date): Promise<void> {
  const results = assessFamily(answers, today)
  const text = renderShortAnswer(results, ctx.i18n.getFixedT(ctx.locale, 'benefits'), { html: true })
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: answerKeyboard(results, ctx.t) })
}
