/**
 * Russia's non-working days per year, as sourced data. A working day is Monday–Friday, less the weekdays off
 * below, plus the weekend days made working. Holidays are set by the Labour Code (ТК РФ ст. 112: 1–8 January,
 * 23 February, 8 March, 1 and 9 May, 12 June, 4 November; a holiday on a weekend moves the day off to the next
 * working day, except the January ones) and each year's Government decree «О переносе выходных дней».
 * Only the days the sources list are here: no holiday is inferred.
 *
 * status 'decree': the decree's content was read in official announcements quoted by news agencies.
 * status 'secondary': the decree's content was seen only in third-party data, not in the text or an announcement:
 *   counts over that year use the earlier of this calendar and weekends-only, and carry 'unverified'.
 * A year absent here: weekends only, and 'unverified' (see working-days.ts).
 */
import type { IsoDate } from './types.js'

export interface NonWorkingYear {
  year: number
  status: 'decree' | 'secondary'
  decree: string
  /** Where the days were read, and the date each source shows. */
  sources: readonly { title: string; url: string; seen: IsoDate }[]
  /** Monday–Friday days that are not working days (holidays and days off moved onto weekdays). */
  weekdaysOff: readonly IsoDate[]
  /** Saturdays or Sundays made working days by the decree. */
  weekendsWorked: readonly IsoDate[]
}

export const NON_WORKING_YEARS: readonly NonWorkingYear[] = [
  {
    year: 2025,
    status: 'decree',
    decree: 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
    sources: [
      {
        title: 'Техэксперт (cntd.ru): «Регламентирован перенос выходных дней в 2025 году» (ПП РФ от 04.10.2024 № 1335)',
        url: 'https://teko.cntd.ru/news/read/reglamentirovan-perenos-vyhodnyh-dney-v-2025-godu/novosti-po-okhrane-truda',
        seen: '2024-10-04',
      },
      {
        title: 'Press release of the Government «Постановление от 4 октября 2024 года №1335» (MIL-OSI reprint)',
        url: 'https://nkeu.foreignaffairs.co.nz/2024/10/04/%D0%BC%D0%B8%D1%85%D0%B0%D0%B8%D0%BB-%D0%BC%D0%B8%D1%88%D1%83%D1%81%D1%82%D0%B8%D0%BD-%D0%BF%D0%BE%D0%B4%D0%BF%D0%B8%D1%81%D0%B0%D0%BB-%D0%BF%D0%BE%D1%81%D1%82%D0%B0%D0%BD%D0%BE%D0%B2%D0%BB%D0%B5/',
        seen: '2024-10-04',
      },
      {
        title: 'Ведомости: Saturday 1 November 2025 is a working day (6-day week 27 Oct – 1 Nov)',
        url: 'https://www.vedomosti.ru/society/news/2025/10/01/1143297-kontse-oktyabrya-rossiyane',
        seen: '2025-10-01',
      },
    ],
    // 29 Dec 2024 – 8 Jan 2025; 22–23 Feb and 8–9 Mar are weekends only (23 Feb → 8 May, 8 Mar → 13 Jun);
    // 1–4 May, 8–11 May, 12–15 Jun, 2–4 Nov (1 Nov → 3 Nov); 4 Jan → 2 May, 5 Jan → 31 Dec.
    weekdaysOff: [
      '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08',
      '2025-05-01', '2025-05-02', '2025-05-08', '2025-05-09',
      '2025-06-12', '2025-06-13',
      '2025-11-03', '2025-11-04',
      '2025-12-31',
    ],
    weekendsWorked: ['2025-11-01'],
  },
  {
    year: 2026,
    status: 'decree',
    decree: 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»',
    sources: [
      {
        title: 'ТАСС: «Мишустин подписал постановление о переносе выходных дней в 2026 году» (the Government press service)',
        url: 'https://tass.ru/obschestvo/25149527',
        seen: '2025-09-24',
      },
      {
        title: 'Пензаинформ: the full list of days off in 2026',
        url: 'https://www.penzainform.ru/news/social/2025/09/24/stalo_izvestno_v_kakie_dni_rossiyane_budut_otdihat_v_2026_godu.html',
        seen: '2025-09-24',
      },
      {
        title: 'Decree number 1466 of 24.09.2025: seen in third-party calendar data only (docs.rs, crate holidays-ru, src/data/y2026.rs)',
        url: 'https://docs.rs/crate/holidays-ru/latest/source/src/data/y2026.rs',
        seen: '2025-09-24',
      },
    ],
    // 31 Dec 2025 – 11 Jan 2026 (3 Jan → 9 Jan, 4 Jan → 31 Dec); 21–23 Feb; 7–9 Mar; 1–3 May; 9–11 May;
    // 12–14 Jun; 4 Nov; 31 Dec. No working Saturday.
    weekdaysOff: [
      '2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09',
      '2026-02-23',
      '2026-03-09',
      '2026-05-01', '2026-05-11',
      '2026-06-12',
      '2026-11-04',
      '2026-12-31',
    ],
    weekendsWorked: [],
  },
  {
    year: 2027,
    status: 'secondary',
    decree: 'Постановление Правительства РФ от 17.09.2026 № 1187 «О переносе выходных дней в 2027 году» (text not read)',
    sources: [
      {
        title:
          'Third-party calendar data only (hexqnt/holidays-ru, src/data/federal/y2027.rs, citing ПП № 1187 of ' +
          '17.09.2026): 2 Jan → 5 Nov, 3 Jan → 31 Dec, Saturday 20 Feb worked → Monday 22 Feb off. Two other public ' +
          'calendars agree; no government page or news report on the decree was found',
        url: 'https://github.com/hexqnt/holidays-ru/blob/aeecb9a79cad7b56e9523a5094dc36778674b08d/src/data/federal/y2027.rs',
        seen: '2026-09-17',
      },
    ],
    // 1–10 Jan; 21–23 Feb; 6–8 Mar; 1–3 May (1 May Sat → 3 May); 8–10 May (9 May Sun → 10 May);
    // 12–14 Jun (12 Jun Sat → 14 Jun); 4–7 Nov; 31 Dec.
    weekdaysOff: [
      '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08',
      '2027-02-22', '2027-02-23',
      '2027-03-08',
      '2027-05-03', '2027-05-10',
      '2027-06-14',
      '2027-11-04', '2027-11-05',
      '2027-12-31',
    ],
    weekendsWorked: ['2027-02-20'],
  },
]
