/**
 * A consistent copy of the bot's database while the bot runs (SQLite's online backup API):
 *
 *   npm run backup -- /safe/place/joldosh-2026-12-03.db
 *
 * The database is the one the bot uses (DATABASE_PATH, .env). The copy is owner-only and checked
 * with integrity_check. It holds everything the bot keeps, encrypted fields stay encrypted: keep it
 * as safe as the database. How to restore: README, "Privacy and data".
 */
import { existsSync } from 'node:fs'
import { ConfigError, loadConfig } from '../config.js'
import { backupDatabase } from '../privacy/backup.js'

const USAGE = 'usage: npm run backup -- FILE'

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--')
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    process.stderr.write(`backup: ${args.length === 0 ? 'FILE is required' : 'one FILE only'}\n${USAGE}\n`)
    process.exitCode = 1
    return
  }
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = loadConfig()
  const result = await backupDatabase(config.databasePath, args[0]!)
  if (result.integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${result.integrity}`)
  process.stdout.write(`Backed up ${config.databasePath} (${result.pages} pages) to ${args[0]}; integrity ok. It holds personal data: keep it safe.\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `backup: ${error.message}\n` : `backup failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
