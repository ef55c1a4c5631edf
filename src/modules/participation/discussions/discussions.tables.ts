import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/*
 * The discussion engine (issue 12): one discussion per owner object of any
 * module (a draft regulation, a plan, a council conclusion, a topic staff open
 * on their own), its participants, comments, their edits, readers' reports and
 * bans. Enumerations are text with the allowed values in discussions.model.ts.
 */

/** A part of the owner object a comment may point at (a clause of a draft, an item of a plan). */
export type DiscussionAnchor = { id: string; label: string };

/** One discussion, attached to an owner object given as (object_type, object_id). */
export const discussions = pgTable(
  'discussions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the owner's kind, e.g. `topic` (a standalone topic), `draft`, `plan`, `council_conclusion` */
    objectType: text('object_type').notNull(),
    /** the owner's id in its module */
    objectId: text('object_id').notNull(),
    /** the body that runs the discussion: its staff moderate and answer officially */
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    /** the owner's page (a local path); a standalone topic's is its own /discussions/<id> */
    ownerUrl: text('owner_url'),
    /** what is discussed, plain text (standalone topics; owners show their own object) */
    description: text('description').notNull().default(''),
    /** the rules shown on top, plain text; the portal's general rules are at /discussions/rules */
    rules: text('rules').notNull().default(''),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** does a comment need a position (за / против / нейтрально)? */
    positionRequired: boolean('position_required').notNull().default(false),
    /** only people identified through ЕСИА may comment */
    identificationRequired: boolean('identification_required').notNull().default(false),
    /** pre | post: comments wait for a moderator before they show, or show at once */
    moderation: text('moderation').notNull().default('post'),
    /** how long an author may edit a comment after posting it */
    editWindowMinutes: integer('edit_window_minutes').notNull().default(15),
    anchors: jsonb('anchors').$type<DiscussionAnchor[]>().notNull().default([]),
    /**
     * a top-level comment may carry a proposed new wording, apart from its text (which is then the
     * justification): the public discussion of a draft regulation asks for both
     */
    wordingField: boolean('wording_field').notNull().default(false),
    /** participants so far: the last «участник №N» handed out */
    participantCount: integer('participant_count').notNull().default(0),
    /** the body's summary of what it took and why */
    outcome: text('outcome'),
    /** the comments the summary refers to */
    outcomeCommentIds: jsonb('outcome_comment_ids').$type<string[]>().notNull().default([]),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('discussions_object_uq').on(t.objectType, t.objectId),
    index('discussions_org_idx').on(t.orgId, t.closesAt),
  ],
);

/**
 * A person taking part in a discussion: their stable number (the «участник №N»
 * shown instead of a name) and their separate, recorded consent to show the name.
 */
export const discussionParticipants = pgTable(
  'discussion_participants',
  {
    discussionId: uuid('discussion_id')
      .notNull()
      .references(() => discussions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    number: integer('number').notNull(),
    /** when the person agreed to show their name in this discussion; null: shown as «участник №N» */
    nameConsentAt: timestamp('name_consent_at', { withTimezone: true }),
    /** the name as it was when they consented */
    shownName: text('shown_name'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.discussionId, t.userId] }),
    uniqueIndex('discussion_participants_number_uq').on(t.discussionId, t.number),
  ],
);

/** A comment or a reply (one level deep: a reply's parent is always a top-level comment). */
export const discussionComments = pgTable(
  'discussion_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    discussionId: uuid('discussion_id')
      .notNull()
      .references(() => discussions.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    authorUserId: uuid('author_user_id').notNull(),
    /** the author's participant number in this discussion */
    authorNumber: integer('author_number').notNull(),
    /** for | against | neutral, where the discussion asks for it */
    position: text('position'),
    /** an anchor id of the discussion */
    anchorId: text('anchor_id'),
    text: text('text').notNull(),
    /** the proposed new wording of the anchored part, where the discussion takes one (`wording_field`) */
    wording: text('wording'),
    /** published | pending (pre-moderation or held as likely spam) | hidden (with a stated reason) */
    status: text('status').notNull(),
    /** a reply by the body's staff, shown as the body's official answer */
    official: boolean('official').notNull().default(false),
    spamScore: integer('spam_score').notNull().default(0),
    spamSignals: jsonb('spam_signals').$type<string[]>().notNull().default([]),
    hiddenReason: text('hidden_reason'),
    moderatedBy: uuid('moderated_by'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [
    index('discussion_comments_discussion_idx').on(t.discussionId, t.createdAt),
    index('discussion_comments_author_idx').on(t.authorUserId, t.createdAt),
    index('discussion_comments_pending_idx').on(t.createdAt).where(sql`status = 'pending'`),
  ],
);

/** The text a comment had before each edit (the visible history). */
export const discussionCommentEdits = pgTable(
  'discussion_comment_edits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => discussionComments.id, { onDelete: 'cascade' }),
    previousText: text('previous_text').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('discussion_comment_edits_comment_idx').on(t.commentId, t.editedAt)],
);

/** A reader's report of a comment, with the reason; resolved by a moderator's decision. */
export const discussionReports = pgTable(
  'discussion_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => discussionComments.id, { onDelete: 'cascade' }),
    reporterUserId: uuid('reporter_user_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [
    uniqueIndex('discussion_reports_once_uq').on(t.commentId, t.reporterUserId),
    index('discussion_reports_open_idx').on(t.createdAt).where(sql`resolved_at is null`),
  ],
);

/** A person barred from commenting anywhere on the portal until a moment. */
export const discussionBans = pgTable(
  'discussion_bans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('discussion_bans_user_idx').on(t.userId, t.until)],
);
