import { InlineKeyboard } from 'grammy'
import { LANGUAGES, type Language } from '../../config.js'

/** Each language named in itself; the order is fixed so transcripts can press by number. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ky: 'Кыргызча',
  ru: 'Русский',
  uz: 'Oʻzbekcha',
  tg: 'Тоҷикӣ',
  en: 'English',
}

export function languageKeyboard(selected: Language | undefined): InlineKeyboard {
  const kb = new InlineKeyboard()
  for (const lang of LANGUAGES) kb.text(`${lang === selected ? '✅ ' : ''}${LANGUAGE_NAMES[lang]}`, `lang:${lang}`).row()
  return kb
}
