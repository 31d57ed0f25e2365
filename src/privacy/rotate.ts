import type { Db } from '../db/client.js'
import { currentKeyId, openText, sealText, sealedWith } from './crypto.js'
import { scrubFile } from './erase.js'

/** Every sealed column (schema.ts `sealed(...)`), as table and column names. */
export const SEALED_COLUMNS = [
  ['key_value', 'value'],
  ['legal_requests', 'subject_name'],
  ['legal_requests', 'description'],
  ['legal_requests', 'contact_phone'],
  ['legal_requests', 'decline_reason'],
  ['request_attachments', 'file_name'],
  ['request_messages', 'text'],
  ['request_status_history', 'note'],
  ['outbox', 'payload'],
] as const

/**
 * Re-seals every personal value under the current DATA_KEY (opening it with whichever configured
 * key sealed it, or none for values stored before a key was set), in small transactions. A value
 * already under the current key is skipped, so an interrupted run simply continues. Returns how
 * many values were re-sealed; `maxBatches` stops early (tests, or a careful first run).
 */
export function rotateDataKey(db: Db, options: { batchSize?: number; maxBatches?: number; onProgress?: (table: string, column: string, done: number) => void } = {}): number {
  const keyId = currentKeyId()
  if (!keyId) throw new Error('DATA_KEY is not set: nothing to seal with')
  const batchSize = options.batchSize ?? 500
  let batches = 0
  let total = 0
  for (const [table, column] of SEALED_COLUMNS) {
    let lastRowid = 0
    for (;;) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) return total
      const rows = db.$client
        .prepare(`SELECT rowid AS id, "${column}" AS v FROM "${table}" WHERE rowid > ? AND "${column}" IS NOT NULL ORDER BY rowid LIMIT ?`)
        .all(lastRowid, batchSize) as { id: number; v: string }[]
      if (rows.length === 0) break
      const update = db.$client.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE rowid = ?`)
      const changed = db.$client.transaction(() => {
        let n = 0
        for (const row of rows) {
          if (sealedWith(row.v, keyId)) continue
          update.run(sealText(openText(row.v)), row.id)
          n++
        }
        return n
      })()
      total += changed
      batches++
      lastRowid = rows[rows.length - 1]!.id
      options.onProgress?.(table, column, total)
    }
  }
  // The old ciphertexts (or plain texts) are zeroed by secure_delete; the checkpoint clears the WAL.
  scrubFile(db)
  return total
}
