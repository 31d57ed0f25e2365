/**
 * One term for one thing, per language: the words the articles use for legal ideas that are easy to mix up
 * (выдворение vs. its forced and controlled forms vs. высылка vs. депортация; the register of controlled persons;
 * the police). `test/content/glossary.test.ts` fails when an article's title or body uses a variant listed in
 * `avoid`. Sources (front matter) keep the original titles and are not checked. Pure data: no imports.
 */
import type { Language } from '../config.js'

export interface GlossaryTerm {
  /** What it is, in English, with the Russian legal term and the fact ids that define it. */
  meaning: string
  /** The one term to write, per language (a word or the stem the test looks for). */
  use: Partial<Record<Language, string>>
  /** Variants that must not appear in an article of that language (regular expressions, case-insensitive). */
  avoid?: Partial<Record<Language, string[]>>
  /** Articles that must use the term (where the idea is explained). */
  explainedIn?: string[]
}

export const GLOSSARY: Record<string, GlossaryTerm> = {
  expulsion: {
    meaning: 'административное выдворение: a punishment, ordered by a judge, border officials or (since 5 Feb 2025) MVD heads (EX-1, EX-2)',
    use: { ru: 'выдворени', ky: 'чыгарып жиберүү', uz: 'chiqarib yuborish', tg: 'ихроҷ', en: 'expulsion' },
    // "majburiy" (forced) is one of the two ways an expulsion is carried out, not its name (EX-3)
    avoid: { uz: ['majburiy chiqarib yubor'], tg: ['маҷбуран берун'] },
    explainedIn: ['expulsion'],
  },
  forcedExpulsion: {
    meaning: 'принудительное выдворение: removal across the border under guard, with a stay in a special facility (EX-3)',
    use: { ru: 'принудительно', ky: 'күч менен', uz: 'majburan', tg: 'маҷбуран', en: 'by force' },
    explainedIn: ['expulsion'],
  },
  controlledDeparture: {
    meaning: 'контролируемый самостоятельный выезд: you leave yourself, under control (EX-1, EX-3)',
    use: { ru: 'под контролем', ky: 'көзөмөл астында', uz: 'nazorat ostida', tg: 'таҳти назорат', en: 'under control' },
    explainedIn: ['expulsion'],
  },
  expulsionRegime: {
    meaning: 'режим высылки: the status of those without legal grounds to stay, with the register (SP-7, SP-8) — not an expulsion',
    use: { ru: 'режим высылки', ky: 'высылка режими', uz: 'vysylka rejimi', tg: 'низоми высылка', en: 'expulsion regime' },
    avoid: { ky: ['чыгарып жиберүү режим'], uz: ['chiqarib yuborish rejim'], tg: ['низоми ихроҷ'] },
    explainedIn: ['controlled-persons'],
  },
  deportation: {
    meaning: 'депортация: removal when legal grounds are lost; not a punishment (EX-4)',
    use: { ru: 'депортаци', ky: 'депортаци', uz: 'deportatsiya', tg: 'депортатсия', en: 'deportation' },
    explainedIn: ['expulsion'],
  },
  controlledPersonsRegister: {
    meaning: 'реестр контролируемых лиц, РКЛ (SP-8)',
    use: {
      ru: 'реестр контролируемых лиц',
      ky: 'көзөмөлдөгү адамдардын реестр',
      uz: 'nazoratdagi shaxslar reyestr',
      tg: 'феҳристи шахсони таҳти назорат',
      en: 'register of controlled persons',
    },
    avoid: { ky: ['контролдонуучу адамдар'], tg: ['шахсони назоратшаванда'], uz: ['nazorat qilinadigan shaxslar'] },
    explainedIn: ['controlled-persons'],
  },
  police: {
    meaning: 'полиция (the Russian police)',
    use: { ru: 'полици', ky: 'полиция', uz: 'politsiya', tg: 'пулис', en: 'police' },
    avoid: { tg: ['полиция', 'милиция', 'милитсия'], ky: ['милиция'], uz: ['militsiya'] },
    explainedIn: ['police-check'],
  },
}
