import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A body's reference group (tasks 2.1–2.5): who they are, why they matter to
 * the body, how the body works with them and through which channels.
 */
export const referenceGroups = pgTable(
  'reference_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    who: text('who').notNull(),
    why: text('why').notNull(),
    how: text('how').notNull(),
    channels: text('channels').notNull(),
    /** joining waits for a staff check when true */
    needsApproval: boolean('needs_approval').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reference_groups_org_idx').on(t.orgId)],
);

/** A person in a group, for themselves or on behalf of an organisation; one row per person and group. */
export const referenceGroupMembers = pgTable(
  'reference_group_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** the organisation the person represents, when they join for one */
    organisation: text('organisation'),
    /** pending | approved | rejected */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
  },
  (t) => [
    uniqueIndex('reference_group_members_key').on(t.groupId, t.userId),
    index('reference_group_members_user_idx').on(t.userId),
  ],
);

/**
 * A member's rating for a period (a quarter, `2026-Q4`): the body's feedback
 * channels and services (task 2.3) and its work (task 2.4), 1–5 each.
 */
export const referenceGroupRatings = pgTable(
  'reference_group_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
    period: text('period').notNull(),
    channels: integer('channels').notNull(),
    work: integer('work').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reference_group_ratings_key').on(t.groupId, t.userId, t.period),
    check('reference_group_ratings_channels', sql`${t.channels} between 1 and 5`),
    check('reference_group_ratings_work', sql`${t.work} between 1 and 5`),
  ],
);

/** A group's summary offered to the public council's agenda (task 2.2): a staff record with its date. */
export const referenceGroupReferrals = pgTable(
  'reference_group_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').notNull(),
    period: text('period').notNull(),
    note: text('note'),
    referredAt: timestamp('referred_at', { withTimezone: true }).notNull().defaultNow(),
    referredBy: uuid('referred_by'),
  },
  (t) => [index('reference_group_referrals_idx').on(t.groupId, t.referredAt)],
);
