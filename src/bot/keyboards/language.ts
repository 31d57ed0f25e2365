import { InlineKeyboard } from 'grammy'
import { LANGUAGES, type Language } from '../../config.js'
import { frozen } from './main-menu.js'

/** Each language named in itself; the order is fixed so transcripts can press by number. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ky: 'Кыргызча',
  ru: 'Русский',
  uz: 'Oʻzbekcha',
  tg: 'Тоҷикӣ',
  en: 'English',
}

const keyboards = new Map<Language | undefined, InlineKeyboard>()

/** Six keyboards in all (each language selected, or none): built once each, frozen (main-menu.ts). */
export function languageKeyboard(selected: Language | undefined): InlineKeyboard {
  let kb = keyboards.get(selected)
  if (kb) return kb
  kb = new InlineKeyboard()
  for (const lang of LANGUAGES) kb.text(`${lang === selected ? '✅ ' : ''}${LANGUAGE_NAMES[lang]}`, `lang:${lang}`).row()
  keyboards.set(selected, frozen(kb))
  return kb
}
