import {
  date,
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

/**
 * The legislative plan (tasks 9.1, 9.2): one row per planned act of a body,
 * for a year (`horizon` annual) or the medium term (`horizon` medium_term,
 * `year` the first year and `year_to` the last). The problem and who it
 * affects are written in plain language; `draft_id` links the draft once
 * there is one.
 */
export const legislativePlanItems = pgTable(
  'legislative_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    /** annual | medium_term */
    horizon: text('horizon').notNull().default('annual'),
    /** the last year of a medium-term item (null for an annual one) */
    yearTo: integer('year_to'),
    title: text('title').notNull(),
    /** the problem the act must solve, in plain language */
    problem: text('problem').notNull(),
    /** who it affects */
    affects: text('affects').notNull(),
    /** the planned type of act: закон, постановление, приказ, … */
    actType: text('act_type'),
    plannedFrom: date('planned_from'),
    plannedTo: date('planned_to'),
    responsibleName: text('responsible_name').notNull(),
    responsiblePosition: text('responsible_position'),
    /** planned | in_progress | discussion | adopted | postponed | cancelled */
    state: text('state').notNull().default('planned'),
    draftId: uuid('draft_id'),
    /** the public council's opinion on the item (task 9.2) */
    councilOpinion: text('council_opinion'),
    councilOpinionAt: timestamp('council_opinion_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('legislative_plan_items_org_year_idx').on(t.orgId, t.year)],
);

/** A link to a discussion of a draft elsewhere (social networks, other portals: task 9.5). */
export type DraftLink = { title: string; url: string };

/**
 * A draft regulation and its public discussion (tasks 9.5, 7.5, 1.4). The
 * stages run notice → discussion → expertise → summary → decision; each has
 * its dates here. `outcome` is set with the decision; an adopted draft points
 * at the document of the publications module it became.
 */
export const draftRegulations = pgTable(
  'draft_regulations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    /** what the draft changes, in plain language */
    summary: text('summary').notNull(),
    /** закон | постановление | приказ | … (the publications module's document types) */
    actType: text('act_type').notNull(),
    /** high | medium | low: sets the minimum discussion period */
    impactDegree: text('impact_degree').notNull(),
    /** notice | discussion | expertise | summary | decision */
    stage: text('stage').notNull().default('notice'),
    noticeStartsOn: date('notice_starts_on'),
    noticeEndsOn: date('notice_ends_on'),
    discussionStartsOn: date('discussion_starts_on'),
    discussionEndsOn: date('discussion_ends_on'),
    expertiseStartsOn: date('expertise_starts_on'),
    expertiseEndsOn: date('expertise_ends_on'),
    summaryPublishedAt: timestamp('summary_published_at', { withTimezone: true }),
    /** adopted | returned | withdrawn */
    outcome: text('outcome'),
    decidedOn: date('decided_on'),
    decisionNote: text('decision_note'),
    /** the document of the publications module an adopted draft became */
    publicationId: uuid('publication_id'),
    /** the latest version of the text (0 before any text) */
    textVersion: integer('text_version').notNull().default(0),
    /** the public council's conclusion on the draft (task 1.4) */
    councilConclusion: text('council_conclusion'),
    councilConclusionAt: timestamp('council_conclusion_at', { withTimezone: true }),
    links: jsonb('links').$type<DraftLink[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('draft_regulations_org_idx').on(t.orgId, t.createdAt),
    index('draft_regulations_stage_idx').on(t.stage, t.createdAt),
  ],
);

/** Every version of a draft's text: the sanitised HTML and the file it came from. */
export const draftVersions = pgTable(
  'draft_versions',
  {
    draftId: uuid('draft_id').notNull(),
    version: integer('version').notNull(),
    html: text('html').notNull(),
    /** the uploaded DOCX (platform/files), null when the text was entered */
    fileId: uuid('file_id'),
    fileName: text('file_name'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.version] })],
);

/**
 * The structural units of a version (статья, часть, пункт, подпункт, абзац),
 * each with a key stable across versions when its numbering stays (st-2-ch-1-p-3),
 * the anchor of /drafts/<id>/text#unit-<key> and of proposals.
 */
export const draftUnits = pgTable(
  'draft_units',
  {
    draftId: uuid('draft_id').notNull(),
    version: integer('version').notNull(),
    key: text('key').notNull(),
    /** article | part | point | subpoint | paragraph */
    kind: text('kind').notNull(),
    /** «Статья 2», «часть 1 статьи 2», «пункт 3» */
    label: text('label').notNull(),
    parentKey: text('parent_key'),
    position: integer('position').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.version, t.key] })],
);

/**
 * The developer's position on one proposal (a comment of the discussion
 * engine): the summary of proposals is built from the comments joined with
 * these rows, never typed separately.
 */
export const draftProposalPositions = pgTable(
  'draft_proposal_positions',
  {
    draftId: uuid('draft_id').notNull(),
    commentId: uuid('comment_id').notNull(),
    /** accepted | partly | rejected (учтено, учтено частично, не учтено) */
    position: text('position').notNull(),
    justification: text('justification'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.draftId, t.commentId] }),
    uniqueIndex('draft_proposal_positions_comment_key').on(t.commentId),
  ],
);
