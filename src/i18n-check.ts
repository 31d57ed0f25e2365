import type { ResourceLanguage } from 'i18next'
import type { Language } from './config.js'

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/** Flattens nested keys to `a.b.c`, folding plural forms into one key (languages need different ones). */
function flatten(node: unknown, prefix: string, out: Map<string, string[]>): void {
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix.endsWith(':') ? prefix + k : `${prefix}.${k}`, out)
    return
  }
  const key = prefix.replace(PLURAL_SUFFIX, '')
  out.set(key, [...(out.get(key) ?? []), String(node)])
}

const variables = (value: string) => [...value.matchAll(/\{\{\s*-?\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort()

/**
 * Lists what differs between locales: keys one language lacks, empty values, and interpolation
 * variables another language does not use. Empty list = complete.
 */
export function findLocaleProblems(resources: Record<Language, ResourceLanguage>): string[] {
  const problems: string[] = []
  const flat = new Map<Language, Map<string, string[]>>()
  for (const [lang, namespaces] of Object.entries(resources) as [Language, ResourceLanguage][]) {
    const keys = new Map<string, string[]>()
    for (const [ns, tree] of Object.entries(namespaces)) flatten(tree, `${ns}:`, keys)
    flat.set(lang, keys)
  }
  const allKeys = new Set([...flat.values()].flatMap((m) => [...m.keys()]))
  for (const key of allKeys) {
    const varSets = new Map<string, Language[]>()
    for (const [lang, keys] of flat) {
      const values = keys.get(key)
      if (!values) {
        problems.push(`${lang}: missing ${key}`)
        continue
      }
      if (values.some((v) => v.trim() === '')) problems.push(`${lang}: empty ${key}`)
      const vars = [...new Set(values.flatMap(variables).filter((v) => v !== 'count'))].sort().join(',')
      varSets.set(vars, [...(varSets.get(vars) ?? []), lang])
    }
    if (varSets.size > 1) {
      problems.push(`${key}: interpolation differs: ${[...varSets].map(([v, ls]) => `${ls.join('/')}={${v}}`).join(' vs ')}`)
    }
  }
  return problems
}
