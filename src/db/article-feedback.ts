import { sql } from 'drizzle-orm'
import { deskDay } from '../desk/stats.js'
import type { Db } from './client.js'
import { articleFeedback } from './schema.js'

/** Adds one 👍 or 👎 to the article's count in that language on that day (Moscow time). */
export function recordArticleFeedback(db: Db, articleId: string, language: string, helpful: boolean, at: Date = new Date()): void {
  db.insert(articleFeedback)
    .values({ articleId, language, votedOn: deskDay(at), helpful: helpful ? 1 : 0, notHelpful: helpful ? 0 : 1 })
    .onConflictDoUpdate({
      target: [articleFeedback.articleId, articleFeedback.language, articleFeedback.votedOn],
      set: helpful ? { helpful: sql`${articleFeedback.helpful} + 1` } : { notHelpful: sql`${articleFeedback.notHelpful} + 1` },
    })
    .run()
}

export function articleFeedbackTotals(db: Db) {
  return db.select().from(articleFeedback).all()
}
