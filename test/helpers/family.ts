import type { FamilyAnswers } from '../../src/benefits/assessment.js'

/** A family that qualifies for nothing: every test changes only what it is about. */
export const BASE_FAMILY: FamilyAnswers = {
  childrenUnder16: 'no',
  childAges: [],
  baby: 'no',
  disabledChild: 'no',
  disabledAdult: 'no',
  pregnantWoman: 'no',
  elderWithoutPension: 'no',
  householdSize: 4,
  monthlyIncome: 20000,
  monthlyRemittances: 0,
  highMountain: 'no',
}

/** A family that answered "I don't know" to every question the chat asks. */
export const ALL_UNKNOWN_FAMILY: FamilyAnswers = {
  ...BASE_FAMILY,
  childrenUnder16: 'unknown',
  childAges: 'unknown',
  baby: 'unknown',
  disabledChild: 'unknown',
  disabledAdult: 'unknown',
  pregnantWoman: 'unknown',
  elderWithoutPension: 'unknown',
  motherHeroine: 'unknown',
  orphan: 'unknown',
  householdSize: 'unknown',
  monthlyIncome: 'unknown',
  monthlyRemittances: 'unknown',
  highMountain: 'unknown',
}

export const ASSESSMENT_DAY = new Date('2026-11-23T12:00:00Z')
