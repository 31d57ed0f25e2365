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
  rememberTranslators(instance)
  return instance
}

/** Counts changes of any instance's resources (after start only tests add any): what was built from translations is built anew. */
let translationsChanged = 0

/**
 * Every update gets a `t` for its language, and i18next's `getFixedT` makes a new function each
 * time, whose every call copies all of i18next's options. Here each language (and namespace) has one
 * translator, made once, and a text asked for without options is translated once and remembered
 * (the resources are fixed after start; adding any clears what was remembered).
 */
function rememberTranslators(instance: i18n): void {
  const plain = instance.getFixedT.bind(instance) as (lng: string, ns?: string, keyPrefix?: string) => TFunction
  const translators = new Map<string, TFunction>()
  const remembered = new Set<Map<string, unknown>>()
  const translator = (lng: string, ns?: string, keyPrefix?: string): TFunction => {
    const id = `${lng}\u0000${ns ?? ''}\u0000${keyPrefix ?? ''}`
    let t = translators.get(id)
    if (!t) {
      const fixed = plain(lng, ns, keyPrefix)
      const texts = new Map<string, unknown>()
      remembered.add(texts)
      const call = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
        if (typeof key === 'string' && rest.length === 0) {
          if (options === undefined) {
            if (!texts.has(key)) texts.set(key, (fixed as (k: string) => unknown)(key))
            return texts.get(key)
          }
          // `t(key, { lng })` alone is that language's text: the same as its own translator's.
          const only = options as { lng?: unknown } | null
          if (typeof only === 'object' && only !== null && typeof only.lng === 'string' && Object.keys(only).length === 1) {
            return (translator(only.lng, ns, keyPrefix) as unknown as (k: string) => unknown)(key)
          }
        }
        return (fixed as unknown as (...a: unknown[]) => unknown)(key, options, ...rest)
      }
      const { lng: ownLng, ns: ownNs, keyPrefix: ownPrefix } = fixed as unknown as Record<string, unknown>
      t = Object.assign(call, { lng: ownLng, ns: ownNs, keyPrefix: ownPrefix }) as unknown as TFunction
      translators.set(id, t)
    }
    return t
  }
  const forget = () => {
    for (const texts of remembered) texts.clear()
    translationsChanged++
  }
  instance.store.on('added', forget)
  instance.store.on('removed', forget)
  // Every update asks for its language's translator: that case is one lookup.
  const byLanguage = new Map<string, TFunction>()
  instance.getFixedT = ((lng: unknown, ns?: unknown, keyPrefix?: unknown, ...rest: unknown[]) => {
    if (typeof lng === 'string' && ns === undefined && keyPrefix === undefined && rest.length === 0) {
      let t = byLanguage.get(lng)
      if (!t) byLanguage.set(lng, (t = translator(lng)))
      return t
    }
    return typeof lng === 'string' && (ns === undefined || typeof ns === 'string') && (keyPrefix === undefined || typeof keyPrefix === 'string') && rest.length === 0
      ? translator(lng, ns as string | undefined, keyPrefix as string | undefined)
      : (plain as (...a: unknown[]) => TFunction)(lng, ns, keyPrefix, ...rest)
  }) as i18n['getFixedT']
}

/** Picks one of our languages from Telegram's `language_code` ("ru-RU", "uz", …). */
export function languageFromTelegram(code: string | undefined): Language | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0]
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : undefined
}

/**
 * Something built from translations only (a text whose interpolated values come from a small fixed set,
 * a keyboard, a command list), built once per translator (one per language) and `id`, and remembered
 * until translations change. `id` must name the values (never a user's input), so what is kept stays
 * bounded. What is returned is shared: freeze it, or never change it.
 */
const renderedTexts = new WeakMap<TFunction, { version: number; built: Map<string, unknown> }>()
export function renderedOnce<T = string>(t: TFunction, id: string, render: () => T): T {
  let held = renderedTexts.get(t)
  if (held?.version !== translationsChanged) renderedTexts.set(t, (held = { version: translationsChanged, built: new Map() }))
  if (held.built.has(id)) return held.built.get(id) as T
  const value = render()
  held.built.set(id, value)
  return value
}
