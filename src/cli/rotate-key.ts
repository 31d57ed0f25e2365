/**
 * Seals every personal value under a new data key, or for the first time:
 *
 *   DATA_KEY=<new key> DATA_KEYS_OLD=<old key> npm run rotate-key
 *
 * Values sealed with any key in DATA_KEYS_OLD (or stored plain) are re-sealed with DATA_KEY, in
 * small transactions; values already under DATA_KEY are skipped, so an interrupted run is simply
 * started again. The bot may keep running: it reads old and new values while both keys are set.
 */
import { existsSync } from 'node:fs'
import { ConfigError, loadConfig } from '../config.js'
import { openDatabase } from '../db/client.js'
import { rotateDataKey } from '../privacy/rotate.js'

try {
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = loadConfig()
  if (!config.dataKeyId) throw new ConfigError('rotate-key: DATA_KEY is required (the new key); put the old one in DATA_KEYS_OLD')
  const db = openDatabase(config.databasePath)
  try {
    const count = rotateDataKey(db)
    process.stdout.write(`Sealed ${count} values with data key ${config.dataKeyId}. Keep the old key until every backup made with it is gone.\n`)
  } finally {
    db.$client.close()
  }
} catch (error) {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `rotate-key failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
