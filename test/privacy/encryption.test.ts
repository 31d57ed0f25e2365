import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { findRequest } from '../../src/db/legal-requests.js'
import { parseDataKey, useDataKeys } from '../../src/privacy/crypto.js'
import { rotateDataKey, SEALED_COLUMNS } from '../../src/privacy/rotate.js'
import { ADMIN_ID, createTestBot, LAWYERS_CHAT_ID, startAs, type TestBot } from '../helpers/bot-harness.js'
import { fileRequest } from '../helpers/legal-request.js'

const KEY_A = parseDataKey('a'.repeat(64))
const KEY_B = parseDataKey('b'.repeat(64))
const SECRETS = { name: 'Нурлан Абдыкеримов', phone: '+7 926 777 88 99', description: 'Мастер Сидоренко удерживает паспорт', lawyer: 'Принесите копию паспорта Нурлана', note: 'заметка: Сидоренко уже судился' }
afterEach(() => useDataKeys(undefined))

const inFile = (h: TestBot, needle: string) => [h.dbPath, `${h.dbPath}-wal`].some((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(needle)))

/** A request with a relative's name and phone, a lawyer's message and a note, all while a key is set. */
async function seed() {
  const h = await createTestBot()
  useDataKeys(KEY_A)
  await startAs(h, 7900, 'ru')
  await fileRequest(h, { forWhom: 'family', subjectName: SECRETS.name, phone: SECRETS.phone, description: SECRETS.description }, { send: false })
  await h.driver.pressData('c:summary:send')
  await h.flush()
  const card = findRequest(h.db, 1)!.cardMessageId!
  h.driver.as(ADMIN_ID, 'group')
  await h.driver.send(SECRETS.lawyer, h.driver.replyTo(card))
  await h.driver.send(`/note ${SECRETS.note}`, h.driver.replyTo(card))
  await h.flush()
  return h
}

const keyIdsIn = (h: TestBot) => {
  const ids = new Map<string, number>()
  for (const [table, column] of SEALED_COLUMNS) {
    for (const v of h.db.$client.prepare(`SELECT "${column}" FROM "${table}" WHERE "${column}" IS NOT NULL`).pluck().all() as string[]) {
      const id = /^enc1:([0-9a-f]{8}):/.exec(v)?.[1] ?? 'plain'
      ids.set(id, (ids.get(id) ?? 0) + 1)
    }
  }
  return Object.fromEntries(ids)
}

describe('encryption at rest (DATA_KEY)', () => {
  it('keeps names, phones, texts and conversation state out of the file, while the bot works as before', async () => {
    const h = await seed()
    // The lawyers saw the text (the card) and the person got the lawyer's message: sealing is invisible to them.
    expect(h.telegram.calls.some((c) => Number(c.payload.chat_id) === LAWYERS_CHAT_ID && String(c.payload.text).includes(SECRETS.description))).toBe(true)
    expect(h.lastText(7900)).toContain(SECRETS.lawyer)
    h.db.$client.pragma('wal_checkpoint(PASSIVE)')
    expect(Object.entries(SECRETS).filter(([, v]) => inFile(h, v)).map(([k]) => k)).toEqual([])
    expect(inFile(h, 'User 7900')).toBe(false)
    expect(findRequest(h.db, 1)).toMatchObject({ subjectName: SECRETS.name, contactPhone: SECRETS.phone, description: SECRETS.description })
  })

  it('npm run rotate-key re-seals everything under the new key, resumably; the old key alone then reads nothing', async () => {
    const h = await seed()
    expect(keyIdsIn(h)[KEY_A.id]).toBeGreaterThan(5)
    useDataKeys(KEY_B, [KEY_A])
    const first = rotateDataKey(h.db, { batchSize: 1, maxBatches: 3 })
    expect(first).toBeGreaterThan(0)
    const midway = keyIdsIn(h)
    expect(midway[KEY_B.id]).toBeGreaterThan(0)
    expect(midway[KEY_A.id]).toBeGreaterThan(0)
    // Interrupted, started again: it continues, and values stored plain before any key are sealed too.
    rotateDataKey(h.db)
    expect(Object.keys(keyIdsIn(h))).toEqual([KEY_B.id])
    useDataKeys(KEY_B)
    expect(findRequest(h.db, 1)).toMatchObject({ description: SECRETS.description, contactPhone: SECRETS.phone })
    useDataKeys(KEY_A)
    expect(() => findRequest(h.db, 1)).toThrow(/data key .* not configured/)
  })

  it('reads DATA_KEY and DATA_KEYS_OLD, refuses a key of the wrong size, never puts the key in the config', () => {
    const config = loadConfig({ DATA_KEY: 'b'.repeat(64), DATA_KEYS_OLD: 'a'.repeat(64) })
    expect(config.dataKeyId).toBe(KEY_B.id)
    expect(JSON.stringify(config)).not.toContain('b'.repeat(64))
    expect(() => loadConfig({ DATA_KEY: 'short' })).toThrow(/DATA_KEY must be 32 bytes/)
    expect(loadConfig({}).dataKeyId).toBeUndefined()
  })
})
