import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The domain folders know nothing of Telegram or storage, so a web chat page can reuse them. */
const DOMAIN = ['desk', 'requests', 'centres', 'benefits', 'search']

describe('domain modules', () => {
  it.each(DOMAIN)('src/%s imports neither grammY nor src/db', (folder) => {
    const dir = join('src', folder)
    const offenders = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '(grammy|@grammyjs\/[^']+|(\.\.\/)+db\/[^']+)'/.test(readFileSync(join(dir, f), 'utf8')))
    expect(offenders).toEqual([])
  })
})
