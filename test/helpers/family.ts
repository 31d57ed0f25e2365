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

export const ASSESSMENT_DAY = new Date('2026-11-23T12:00:00Z')
