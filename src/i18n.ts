import { readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import i18next, { type i18n, type Resource, type ResourceLanguage, type TFunction } from 'i18next'
import { LANGUAGES, type Language } from './config.js'

export type { TFunction }

export const LOCALES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../locales')

/** Escapes what users type (and any interpolated value) for Telegram's HTML parse mode. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Reads every `locales/<lang>/<namespace>.json`; the file name is the i18next namespace. */
export function readLocaleResources(dir = LOCALES_DIR): Record<Language, ResourceLanguage> & Resource {
  const resources = {} as Record<Language, ResourceLanguage>
  for (const lang of LANGUAGES) {
    resources[lang] = {}
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      resources[lang][basename(file, '.json')] = JSON.parse(readFileSync(join(dir, lang, file), 'utf8'))
    }
  }
  return resources
}

/**
 * One i18next instance for the whole process. Interpolated values are HTML-escaped because every
 * message goes out with parse_mode HTML. Tajik has no plural rules in Node's ICU: the scripts pin
 * LANG=C.UTF-8 so `tg` falls back to one/other rules, and the tg files use `_one`/`_other` only.
 */
export async function createI18n(dir = LOCALES_DIR): Promise<i18n> {
  const resources = readLocaleResources(dir)
  const instance = i18next.createInstance()
  await instance.init({
    resources,
    lng: 'ru',
    fallbackLng: 'ru',
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(resources.ru),
    defaultNS: 'common',
    interpolation: { escapeValue: true, escape: escapeHtml },
    returnNull: false,
    initAsync: false,
  })
  return instance
}

/** Picks one of our languages from Telegram's `language_code` ("ru-RU", "uz", …). */
export function languageFromTelegram(code: string | undefined): Language | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0]
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : undefined
}
