import type { TestBot } from './bot-harness.js'

/** Presses `c:…`/`dl:…` buttons and types everything else, in order. */
export async function steps(h: TestBot, list: string[]): Promise<void> {
  for (const s of list) {
    if (/^(c|dl):/.test(s)) await h.driver.pressData(s)
    else await h.driver.send(s)
  }
}

/**
 * An Uzbek worker in Moscow (today 03.12.2026): entered 05.11.2026, registered 06.11 until 04.02.2027, patent
 * issued 15.11 and paid up to 15.12.2026, medical exam and fingerprinting done 10.11.
 */
export const UZBEK_IN_MOSCOW = [
  '/deadlines', 'c:citizenship:UZ', '05.11.2026', 'c:moscow:yes', '06.11.2026', '04.02.2027', '15.11.2026', '15.12.2026', '10.11.2026', '10.11.2026',
]

/** "I don't know" at every question a Kyrgyz worker is asked. */
export const KYRGYZ_KNOWS_NOTHING = [
  '/deadlines', 'c:citizenship:KG', 'c:entry:unknown', 'c:moscow:unknown', 'c:registered:unknown', 'c:contractEnds:unknown', 'c:medicalExam:unknown', 'c:fingerprinting:unknown',
]

export const TODAY = new Date('2026-12-03T09:00:00Z')
