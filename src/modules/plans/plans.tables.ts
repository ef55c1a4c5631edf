import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A link shown beside a plan item: a strategic document, decree, programme or evidence on the portal. */
export type PlanLink = {
  /** strategy | decree | programme | evidence | news | document | dataset | practice; media campaign: news | event | interview | video */
  kind: string;
  title: string;
  url: string;
  /** media campaign entries (task 5.5): the day of the news or event */
  date?: string;
};

/**
 * Every plan of the portal in one model (tasks 5.1–5.5, 6.1, sections V and VI):
 * the public plan of activity, departmental and municipal openness plans, the
 * comprehensive plan of the project office and anti-corruption plans. A plan
 * belongs to an organisation (the region's plans to the government). An
 * approved plan is never edited: a change is a new version (`previousVersionId`),
 * and the approved one stays on its page until the new one is approved.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    /** public_activity | departmental_openness | comprehensive | municipal_openness | anti_corruption */
    kind: text('kind').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en'),
    summaryRu: text('summary_ru'),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    /** draft | discussion | agreement | approved | completed */
    status: text('status').notNull().default('draft'),
    /** the project office's model plan other plans are created from (never public) */
    isTemplate: boolean('is_template').notNull().default(false),
    templateId: uuid('template_id'),
    version: integer('version').notNull().default(1),
    previousVersionId: uuid('previous_version_id'),
    /** a later version replaced this one (its page says so and links the new one) */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** the commission's agreement (departmental openness plans), before the head approves */
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** the result of the public discussion, published with the plan (task 5.2) */
    discussionResult: text('discussion_result'),
    /** the participation engine's discussion opened on the plan, when there is one */
    discussionId: uuid('discussion_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_org_idx').on(t.orgId, t.periodStart),
    index('plans_previous_idx').on(t.previousVersionId),
  ],
);

/**
 * The tree of a plan: goals → tasks → indicators and activities. One table, the
 * kind saying which fields apply. `weight` is the item's share in its parent's
 * progress (weighted average, the rule is shown to readers).
 */
export const planItems = pgTable(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    parentId: uuid('parent_id'),
    /** goal | task | indicator | activity */
    kind: text('kind').notNull(),
    position: integer('position').notNull().default(0),
    /** the item's number shown to readers, e.g. 1.2 */
    code: text('code'),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en'),
    descriptionRu: text('description_ru'),
    weight: doublePrecision('weight').notNull().default(1),
    // indicators
    unit: text('unit'),
    /** up (higher is better) | down (lower is better) */
    direction: text('direction'),
    baseline: doublePrecision('baseline'),
    baselineYear: integer('baseline_year'),
    /** the head's share in the effective contract (task 5.3); null when not in the contract */
    contractWeight: doublePrecision('contract_weight'),
    // activities
    deadline: date('deadline', { mode: 'string' }),
    /** planned | in_progress | done | cancelled */
    activityStatus: text('activity_status'),
    responsibleOrgId: uuid('responsible_org_id'),
    /** indicators and activities: the official answerable for it */
    responsibleName: text('responsible_name'),
    responsiblePosition: text('responsible_position'),
    links: jsonb('links').$type<PlanLink[]>().notNull().default([]),
    /** the comprehensive plan's item this measure implements */
    implementsItemId: uuid('implements_item_id'),
    /** the item it was copied from (the template, or the previous version) */
    sourceItemId: uuid('source_item_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_items_plan_idx').on(t.planId, t.position),
    index('plan_items_implements_idx').on(t.implementsItemId),
  ],
);

/** The target of an indicator for one period of its plan: a year (2026) or a quarter (2026-Q1). */
export const planTargets = pgTable(
  'plan_targets',
  {
    itemId: uuid('item_id').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [uniqueIndex('plan_targets_key').on(t.itemId, t.period)],
);

/** An actual value as it was reported, with its date, source and comment; the latest per period counts. */
export const planActuals = pgTable(
  'plan_actuals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    comment: text('comment'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_actuals_item_idx').on(t.itemId, t.period, t.createdAt)],
);

/** The plan's approval history: each change of status with who, when and the remarks. */
export const planEvents = pgTable(
  'plan_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    /** created | start_discussion | submit | agree | return | approve | complete | new_version */
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: uuid('actor_user_id'),
    /** the acting person's role as shown in the history: «Комиссия», «Руководитель органа» */
    actorRole: text('actor_role'),
    remarks: text('remarks'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_events_plan_idx').on(t.planId, t.at)],
);

/**
 * The annual report of a body (task 6.4): figures and charts are generated from
 * its plans' results at read time; the text is the staff's; the public
 * council's co-report sits beside it.
 */
export const planReports = pgTable(
  'plan_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    textRu: text('text_ru').notNull(),
    coReportRu: text('co_report_ru'),
    /** media campaign of the reporting period (task 5.5): news and events about the results */
    campaignLinks: jsonb('campaign_links').$type<PlanLink[]>().notNull().default([]),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_reports_key').on(t.orgId, t.year)],
);
