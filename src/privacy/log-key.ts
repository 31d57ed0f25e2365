import { randomBytes } from 'node:crypto'
import type { Db } from '../db/client.js'
import { keyValueStorage } from '../db/key-value-storage.js'

/**
 * The key for pseudonymous ids in logs: random, made once and kept in the database, so logs shipped
 * elsewhere cannot be tied back to people without the database itself.
 */
export function logPseudonymKey(db: Db, now: Date): Buffer {
  const store = keyValueStorage<string>(db, 'setting:', () => now)
  let key = store.read('log-pseudonym-key')
  if (!key) {
    key = randomBytes(32).toString('base64')
    store.write('log-pseudonym-key', key)
  }
  return Buffer.from(key, 'base64')
}
