import { sql } from 'drizzle-orm'
import { customType, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { openText, sealText } from '../privacy/crypto.js'

/**
 * Personal text: sealed with AES-256-GCM when DATA_KEY is set (src/privacy/crypto.ts), plain
 * otherwise. Queries stay unchanged; no SQL compares these columns (phone conflicts are found in code).
 */
const sealed = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => sealText(value),
  fromDriver: (value) => openText(value),
})

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
  value: sealed('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * 👍/👎 per article, language and day (Moscow time); no user ids, as the lawyers need only the counts.
 * Votes from before the day was recorded keep `voted_on` NULL and count only in all-time figures.
 */
export const articleFeedback = sqliteTable(
  'article_feedback',
  {
    articleId: text('article_id').notNull(),
    language: text('language').notNull(),
    helpful: integer('helpful').notNull().default(0),
    notHelpful: integer('not_helpful').notNull().default(0),
    createdAt: createdAt(),
    /** `YYYY-MM-DD`; NULL for the undated votes kept from before. */
    votedOn: text('voted_on'),
  },
  (t) => [uniqueIndex('article_feedback_day_idx').on(t.articleId, t.language, t.votedOn)],
)

/** A migrant's (or their relative's) request for a lawyer. The reference is what people quote. */
export const legalRequests = sqliteTable(
  'legal_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull().unique(),
    userId: integer('user_id').notNull(),
    chatId: integer('chat_id').notNull(),
    language: text('language').notNull(),
    forWhom: text('for_whom', { enum: ['self', 'family'] }).notNull(),
    /** Only when asking for a family member: their name as the asker wants it written. */
    subjectName: sealed('subject_name'),
    topic: text('topic').notNull(),
    articleId: text('article_id'),
    urgency: text('urgency', { enum: ['detained', 'deadline', 'normal'] }).notNull(),
    /** Lawyers may raise or lower it after triage (Urgent/Normal). */
    urgent: integer('urgent', { mode: 'boolean' }).notNull(),
    city: text('city').notNull(),
    description: sealed('description').notNull(),
    contactPhone: sealed('contact_phone'),
    /** False when someone else may read the phone: lawyers then write carefully. */
    safeToContact: integer('safe_to_contact', { mode: 'boolean' }).notNull(),
    status: text('status').notNull(),
    assignedLawyerId: integer('assigned_lawyer_id'),
    /** The Telegram update that sent it, so a re-delivered update cannot create a second request. */
    sourceUpdateId: text('source_update_id').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastActivityAt: integer('last_activity_at', { mode: 'timestamp_ms' }).notNull(),
    firstAnsweredAt: integer('first_answered_at', { mode: 'timestamp_ms' }),
    /** The request's forum topic in the lawyers' group (when the group is a forum) and its card. */
    groupThreadId: integer('group_thread_id'),
    cardMessageId: integer('card_message_id'),
    /** How a closed case ended: resolved, referred (to `referredTo`) or declined (for `declineReason`). */
    disposition: text('disposition', { enum: ['resolved', 'referred', 'declined'] }),
    referredTo: text('referred_to'),
    declineReason: sealed('decline_reason'),
    /** When the "untouched" reminder was posted, so it is posted once. */
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    /** When the person deleted their data (or retention erased it): only anonymous figures remain. */
    erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('legal_requests_user_idx').on(t.userId), index('legal_requests_status_idx').on(t.status)],
)

export const requestAttachments = sqliteTable('request_attachments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  requestId: integer('request_id')
    .notNull()
    .references(() => legalRequests.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['photo', 'document'] }).notNull(),
  fileId: text('file_id').notNull(),
  fileName: sealed('file_name'),
  /** The bot's copy of the file in the lawyers' group, deleted there when the person deletes their data. */
  groupMessageId: integer('group_message_id'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

/** Messages between the person and the lawyer, and lawyers' internal notes. */
export const requestMessages = sqliteTable(
  'request_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => legalRequests.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['from_client', 'to_client', 'note'] }).notNull(),
    authorId: integer('author_id').notNull(),
    /** The latest text: an edit in Telegram replaces it, and the earlier texts are kept below. */
    text: sealed('text').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** The Telegram message it came from (the person's private chat or the lawyers' group), for edits. */
    sourceChatId: integer('source_chat_id'),
    sourceMessageId: integer('source_message_id'),
    /** JSON `[{ text, editedAt }]`, oldest first: what the message said before each edit. */
    earlierTexts: sealed('earlier_texts'),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('request_messages_request_idx').on(t.requestId), index('request_messages_source_idx').on(t.sourceChatId, t.sourceMessageId)],
)

export const requestStatusHistory = sqliteTable(
  'request_status_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => legalRequests.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: integer('actor_id').notNull(),
    note: sealed('note'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('request_status_history_request_idx').on(t.requestId)],
)

/**
 * Events for the lawyers' desk, written in the same transaction as the change they report, so
 * nothing is lost if Telegram is down or the process restarts before delivery.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    requestId: integer('request_id').references(() => legalRequests.id, { onDelete: 'cascade' }),
    payload: sealed('payload').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_pending_idx').on(t.deliveredAt, t.nextAttemptAt)],
)

/**
 * The support-centre directory as served to users. Seeded from src/content/centres.json at start
 * (when the file changes) and edited by the NGO with `npm run centres -- import`.
 */
export const supportCentres = sqliteTable('support_centres', {
  id: text('id').primaryKey(),
  city: text('city').notNull(),
  kind: text('kind').notNull(),
  /** { ru, ky?, uz?, tg?, en? } */
  name: text('name', { mode: 'json' }).notNull().$type<Record<string, string>>(),
  address: text('address'),
  lat: real('lat'),
  lon: real('lon'),
  phones: text('phones', { mode: 'json' }).notNull().$type<string[]>(),
  /** Machine-readable weekly hours, where the source gives them. */
  hours: text('hours', { mode: 'json' }).$type<Record<string, [string, string][]> | null>(),
  hoursText: text('hours_text'),
  timeZone: text('time_zone'),
  services: text('services', { mode: 'json' }).notNull().$type<string[]>(),
  servicesText: text('services_text', { mode: 'json' }).notNull().$type<string[]>(),
  languages: text('languages', { mode: 'json' }).notNull().$type<string[]>(),
  website: text('website'),
  sourceTitle: text('source_title'),
  sourceUrl: text('source_url'),
  verifiedAt: text('verified_at'),
  confidence: text('confidence').notNull(),
  outdated: integer('outdated', { mode: 'boolean' }).notNull().default(false),
  notes: text('notes').notNull().default(''),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/** "Report wrong information" on a centre card: kept for the NGO and posted to the lawyers' group. */
export const centreReports = sqliteTable('centre_reports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  centreId: text('centre_id').notNull(),
  problem: text('problem', { enum: ['phone', 'address', 'hours', 'closed', 'other'] }).notNull(),
  language: text('language').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
})

/** The NGO's volunteer lawyers. Admins (ADMIN_IDS) add and remove them. */
export const lawyers = sqliteTable('lawyers', {
  userId: integer('user_id').primaryKey(),
  /** Shown to migrants only when set; otherwise they see "the NGO's lawyer". */
  displayName: text('display_name'),
  addedBy: integer('added_by').notNull(),
  addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull(),
})

/** Which lawyers' group message is which migrant's chat message, both ways, for replies and edits. */
export const relayedMessages = sqliteTable(
  'relayed_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => legalRequests.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['to_client', 'from_client'] }).notNull(),
    groupChatId: integer('group_chat_id').notNull(),
    groupMessageId: integer('group_message_id').notNull(),
    clientChatId: integer('client_chat_id').notNull(),
    clientMessageId: integer('client_message_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('relayed_messages_group_idx').on(t.groupChatId, t.groupMessageId),
    uniqueIndex('relayed_messages_client_idx').on(t.clientChatId, t.clientMessageId),
  ],
)

/** A question the bot asked a lawyer (a one-line note, a reason), answered by replying to it. */
export const deskPrompts = sqliteTable(
  'desk_prompts',
  {
    chatId: integer('chat_id').notNull(),
    messageId: integer('message_id').notNull(),
    requestId: integer('request_id')
      .notNull()
      .references(() => legalRequests.id, { onDelete: 'cascade' }),
    lawyerId: integer('lawyer_id').notNull(),
    /** e.g. `status:resolved`, `status:referred:<org id>`, `status:declined` */
    action: text('action').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chatId, t.messageId] })],
)

/** Organisations a request can be referred to; the admins keep the list. */
export const referralOrganisations = sqliteTable('referral_organisations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  addedBy: integer('added_by').notNull(),
  addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull(),
})

/** Who viewed or changed what, and when. Ids and actions only: no texts, names or phones. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id').notNull(),
    action: text('action').notNull(),
    requestId: integer('request_id'),
    detail: text('detail'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('audit_log_request_idx').on(t.requestId)],
)

/**
 * /deadlines (issue 17): the dates a person gave (sealed JSON of MigrantDates) and how they want reminders.
 * One row per person; erased by /deletemydata, shown by /mydata.
 */
export const deadlineDates = sqliteTable('deadline_dates', {
  userId: integer('user_id').primaryKey(),
  chatId: integer('chat_id').notNull(),
  answers: sealed('answers').notNull(),
  /** Days before each date on which to remind, e.g. "7,3,1"; empty = none chosen. */
  reminderOffsets: text('reminder_offsets').notNull().default('7,3,1'),
  remindersOn: integer('reminders_on', { mode: 'boolean' }).notNull().default(true),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * One reminder per deadline and offset, planned when the dates or settings are saved; the outbox worker queues the
 * due ones and sets `queued_at` in the same transaction, so each goes out once and a restart loses none.
 */
export const deadlineReminders = sqliteTable(
  'deadline_reminders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => deadlineDates.userId, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    deadlineDate: text('deadline_date').notNull(),
    daysBefore: integer('days_before').notNull(),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    queuedAt: integer('queued_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('deadline_reminders_once_idx').on(t.userId, t.kind, t.deadlineDate, t.daysBefore),
    index('deadline_reminders_due_idx').on(t.queuedAt, t.dueAt),
  ],
)

/**
 * Who follows the NGO's news (/news): the topics (article categories) and, only if the person gave
 * them, citizenship and city. `offeredAt` makes the one-time offer once per person ever; `blockedAt`
 * is set when Telegram says the person blocked the bot, so later alerts skip them.
 */
export const newsSubscriptions = sqliteTable('news_subscriptions', {
  userId: integer('user_id').primaryKey(),
  language: text('language'),
  /** JSON list of article category ids; empty = not following. */
  topics: text('topics', { mode: 'json' }).notNull().$type<string[]>().default(sql`'[]'`),
  citizenship: text('citizenship'),
  city: text('city'),
  offeredAt: integer('offered_at', { mode: 'timestamp_ms' }),
  subscribedAt: integer('subscribed_at', { mode: 'timestamp_ms' }),
  blockedAt: integer('blocked_at', { mode: 'timestamp_ms' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * An alert the admins compose (/alert) or the bot drafts when an article changes: its text per
 * language (Telegram HTML, made from the admin's own message), an optional article, the audience,
 * and where its progress message is. No personal data.
 */
export const alerts = sqliteTable(
  'alerts',
  {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** composing → ready (preview shown) → scheduled | sending → sent; or cancelled. */
  status: text('status').notNull(),
  /** While composing: what the bot asked for last (`text:ky`, `schedule`, …). */
  step: text('step'),
  createdBy: integer('created_by').notNull(),
  chatId: integer('chat_id').notNull(),
  /** `{ ky: html | null, … }`: null = skipped, falls back to Russian with a note. */
  texts: text('texts', { mode: 'json' }).notNull().$type<Record<string, string | null>>(),
  articleId: text('article_id'),
  /** `{ languages, citizenships, cities, topics }`: an empty list means "any". */
  audience: text('audience', { mode: 'json' }).notNull().$type<Partial<Record<'languages' | 'citizenships' | 'cities' | 'topics', string[]>>>(),
  /** Drafted by the bot from an article's `changed` note (then `articleId` is that article). */
  origin: text('origin').notNull().default('admin'),
  scheduledAt: integer('scheduled_at', { mode: 'timestamp_ms' }),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  progressMessageId: integer('progress_message_id'),
  /** What the progress message says now, so it is edited only when the figures changed. */
  progressShown: text('progress_shown'),
  progressAt: integer('progress_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // Every private message asks whether its sender is composing an alert in this chat: a look-up, not a scan.
  (t) => [index('alerts_composer_idx').on(t.createdBy, t.chatId, t.status)],
)

/** One row per person an alert goes to: made in the same transaction as their outbox rows, so each person once. */
export const alertDeliveries = sqliteTable(
  'alert_deliveries',
  {
    alertId: integer('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull(),
    language: text('language').notNull(),
    /** sent | failed | skipped (stopped news or deleted their data before it went) */
    outcome: text('outcome'),
    at: integer('at', { mode: 'timestamp_ms' }),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
    unsubscribedAt: integer('unsubscribed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.userId] }), index('alert_deliveries_user_idx').on(t.userId)],
)
