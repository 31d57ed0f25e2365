import { z } from 'zod'
import { parseDataKey, useDataKeys, type DataKey } from './privacy/crypto.js'

export const LANGUAGES = ['ky', 'ru', 'uz', 'tg', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const telegramId = z.coerce.number().int().refine((n) => n !== 0, 'must be a Telegram id')

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(emptyToUndefined, schema.optional())

const configSchema = z
  .object({
    BOT_TOKEN: optional(z.string().regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC-…')),
    BOT_API_ROOT: optional(z.url().refine((u) => !u.endsWith('/'), 'must not end with /')),
    DATABASE_PATH: z.preprocess(emptyToUndefined, z.string().default('./data/joldosh.db')),
    LAWYERS_CHAT_ID: optional(telegramId),
    ADMIN_IDS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('')
        .transform((s, ctx) => {
          const ids = s.split(',').map((x) => x.trim()).filter(Boolean).map(Number)
          if (ids.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
            ctx.addIssue({ code: 'custom', message: 'must be comma-separated Telegram user ids' })
          }
          return ids
        }),
    ),
    WEBHOOK_URL: optional(z.url().refine((u) => u.startsWith('https://') || u.startsWith('http://127.') || u.startsWith('http://localhost'), 'must be https')),
    WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z a-z 0-9 _ -')),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(8080)),
    WEB_PORT: optional(z.coerce.number().int().min(1).max(65535)),
    DEFAULT_LANGUAGE: z.preprocess(emptyToUndefined, z.enum(LANGUAGES).default('ky')),
    LAWYERS_LANGUAGE: z.preprocess(emptyToUndefined, z.enum(LANGUAGES).default('ru')),
    ORG_NAME: z.preprocess(emptyToUndefined, z.string().max(100).default('Joldosh volunteer lawyers')),
    STARTUP_TIMEOUT_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3600).default(60)),
    DATA_KEY: optional(z.string().transform((v, ctx) => dataKeyOrIssue(v, ctx))),
    DATA_KEYS_OLD: z.preprocess(emptyToUndefined, z.string().default('').transform((v, ctx) => v.split(',').map((x) => x.trim()).filter(Boolean).map((k) => dataKeyOrIssue(k, ctx)))),
    RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3650).default(365)),
    LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  })
  .superRefine((c, ctx) => {
    if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when WEBHOOK_URL is set' })
    }
    if (c.WEBHOOK_URL && c.WEB_PORT !== undefined && c.WEB_PORT !== c.PORT) {
      ctx.addIssue({ code: 'custom', path: ['WEB_PORT'], message: 'must equal PORT in webhook mode: the web chat is served by the webhook server' })
    }
    if (c.WEBHOOK_URL && !c.BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TOKEN'], message: 'is required when WEBHOOK_URL is set' })
    }
  })

function dataKeyOrIssue(value: string, ctx: z.RefinementCtx): DataKey {
  try {
    return parseDataKey(value)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message })
    return { id: '', key: Buffer.alloc(0) }
  }
}

export type BotMode = 'local' | 'polling' | 'webhook'

export interface Config {
  botToken: string | undefined
  botApiRoot: string | undefined
  databasePath: string
  lawyersChatId: number | undefined
  adminIds: number[]
  webhookUrl: string | undefined
  webhookSecret: string | undefined
  port: number
  /** The web chat's port; in webhook mode equal to PORT (one server). Undefined → no web chat. */
  webPort: number | undefined
  defaultLanguage: Language
  /** Language of cards and notices in the lawyers' group. */
  lawyersLanguage: Language
  orgName: string
  /** The id of DATA_KEY (never the key): personal texts are sealed with it; undefined → stored plain. */
  dataKeyId: string | undefined
  /** Personal fields of finished requests are erased this many days after their last activity. */
  retentionDays: number
  logLevel: string
  /** How long start-up waits for the Bot API before giving up with one line. */
  startupTimeoutSeconds: number
  mode: BotMode
}

/** Parses the environment once; the message names each bad variable so the operator can fix it in one go. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'} ${i.message}`)
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`)
  }
  const c = parsed.data
  // The keys live only in the sealing module, never in the config object (which may be logged).
  useDataKeys(c.DATA_KEY, c.DATA_KEYS_OLD)
  const mode: BotMode = !c.BOT_TOKEN ? 'local' : c.WEBHOOK_URL ? 'webhook' : 'polling'
  return {
    botToken: c.BOT_TOKEN,
    botApiRoot: c.BOT_API_ROOT,
    databasePath: c.DATABASE_PATH,
    lawyersChatId: c.LAWYERS_CHAT_ID,
    adminIds: c.ADMIN_IDS,
    webhookUrl: c.WEBHOOK_URL,
    webhookSecret: c.WEBHOOK_SECRET,
    port: c.PORT,
    webPort: c.WEB_PORT,
    defaultLanguage: c.DEFAULT_LANGUAGE,
    lawyersLanguage: c.LAWYERS_LANGUAGE,
    orgName: c.ORG_NAME,
    retentionDays: c.RETENTION_DAYS,
    dataKeyId: c.DATA_KEY?.id,
    // The terminal is the chat in local mode, so logs stay quiet there unless asked for.
    logLevel: c.LOG_LEVEL ?? (mode === 'local' ? 'warn' : 'info'),
    startupTimeoutSeconds: c.STARTUP_TIMEOUT_SECONDS,
    mode,
  }
}

export class ConfigError extends Error {}
