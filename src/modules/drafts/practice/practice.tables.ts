import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/*
 * Law-enforcement practice (concept 7.6): disputed cases citizens describe in a
 * body's area, the body's published comment, and the staff's referrals of a case
 * to the reference groups or the public council. The author and the attachments
 * stay private; the public sees the description staff cleared of personal data.
 */

/** One disputed case. */
export const practiceCases = pgTable(
  'practice_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the body in whose area the case arose */
    orgId: uuid('org_id').notNull(),
    /** the citizen's account: never shown to the public */
    authorUserId: uuid('author_user_id').notNull(),
    /** the act applied, as the citizen names it (title, number, date) */
    act: text('act').notNull(),
    /** a topic of practiceTopics (practice.input.ts) */
    topic: text('topic').notNull(),
    /** what happened, in the citizen's words (private until staff publish a cleared version) */
    description: text('description').notNull(),
    /** the decision or action disputed */
    decision: text('decision').notNull(),
    /** new | published */
    status: text('status').notNull().default('new'),
    /** the description the public sees, cleared of personal data by staff */
    publicDescription: text('public_description'),
    /** the body's comment */
    comment: text('comment'),
    commentedBy: uuid('commented_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('practice_cases_org_idx').on(t.orgId, t.status, t.createdAt),
    index('practice_cases_author_idx').on(t.authorUserId),
  ],
);

/** Files attached by the author (platform/files); shown to the author and the body's staff only. */
export const practiceCaseFiles = pgTable(
  'practice_case_files',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => practiceCases.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.fileId] })],
);

/** A staff decision to take a case to the reference groups or the public council (7.5, 7.6). */
export const practiceReferrals = pgTable(
  'practice_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => practiceCases.id, { onDelete: 'cascade' }),
    /** reference_groups | public_council */
    target: text('target').notNull(),
    note: text('note').notNull().default(''),
    referredBy: uuid('referred_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('practice_referrals_case_idx').on(t.caseId)],
);
