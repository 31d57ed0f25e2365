import { sql } from 'drizzle-orm'
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)

/** Everyone who has written to the bot: only the Telegram id and the chosen language, no names. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  language: text('language'),
  firstSeenAt: integer('first_seen_at', { mode: 'timestamp_ms' }).notNull(),
  lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * One key-value table for grammY sessions (`session:<chat>`) and conversation state (`conv:<chat>`),
 * so a conversation in progress survives a restart.
 */
export const keyValue = sqliteTable('key_value', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/** 👍/👎 per article and language; no user ids, as the lawyers need only the counts. */
export const articleFeedback = sqliteTable(
  'article_feedback',
  {
    articleId: text('article_id').notNull(),
    language: text('language').notNull(),
    helpful: integer('helpful').notNull().default(0),
    notHelpful: integer('not_helpful').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.language] })],
)
