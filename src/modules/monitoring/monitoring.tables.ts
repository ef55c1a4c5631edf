import {
  date,
  doublePrecision,
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

/** A number criterion's thresholds: points 1, 2 and 3 (of 3) at each step reached. */
export type Thresholds = {
  /** up: more is better (value ≥ step); down: less is better (value ≤ step) */
  direction: 'up' | 'down';
  steps: [number, number, number];
};

/**
 * The methodology of monitoring and assessing openness (section V), versioned:
 * a draft is edited freely, activated once its weights add up, and an active
 * version is never edited (a change makes a new draft), so a cycle keeps the
 * version it started with.
 */
export const monitoringMethodologies = pgTable(
  'monitoring_methodologies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull(),
    titleRu: text('title_ru').notNull(),
    /** draft | active | superseded */
    status: text('status').notNull().default('draft'),
    previousVersionId: uuid('previous_version_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('monitoring_methodologies_version_uq').on(t.version)],
);

/**
 * One criterion of a methodology: the concept's task it measures, the question,
 * the scale, the weight (the criteria applying to one kind of organisation add
 * up to 100), the evidence expected, whom it applies to and where its value comes from.
 */
export const monitoringCriteria = pgTable(
  'monitoring_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    methodologyId: uuid('methodology_id').notNull(),
    /** stable across versions, e.g. 4.2-a */
    code: text('code').notNull(),
    /** the concept's task: 1.1 … 10.5, or V.1…, VI.1… for the management items */
    task: text('task').notNull(),
    /** 1 … 10, V or VI */
    mechanism: text('mechanism').notNull(),
    questionRu: text('question_ru').notNull(),
    questionEn: text('question_en'),
    /** yes_no | score_0_3 | percent | number */
    scale: text('scale').notNull(),
    thresholds: jsonb('thresholds').$type<Thresholds | null>(),
    weight: doublePrecision('weight').notNull(),
    evidenceRu: text('evidence_ru'),
    /** executive | municipal | both */
    appliesTo: text('applies_to').notNull(),
    /** automatic | self | expert | outside | survey */
    source: text('source').notNull(),
    /** automatic criteria: which of the portal's figures (monitoring.model.ts AUTO_KEYS) */
    autoKey: text('auto_key'),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('monitoring_criteria_code_uq').on(t.methodologyId, t.code)],
);

/** The yearly monitoring cycle (one per year) over a set of organisations. */
export const monitoringCycles = pgTable(
  'monitoring_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    methodologyId: uuid('methodology_id').notNull(),
    /** open | frozen (automatic figures fixed) | published (index and rating public) */
    status: text('status').notNull().default('open'),
    /** the automatic figures are computed as of this day */
    cutoffOn: date('cutoff_on', { mode: 'string' }).notNull(),
    /** experts' scores further apart than this (points of a 0–3 scale) are reconciled */
    reconcileThreshold: doublePrecision('reconcile_threshold').notNull().default(1),
    openedBy: uuid('opened_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('monitoring_cycles_year_uq').on(t.year)],
);

/** An organisation taking part in a cycle, with its self-assessment's state. */
export const monitoringCycleOrgs = pgTable(
  'monitoring_cycle_orgs',
  {
    cycleId: uuid('cycle_id').notNull(),
    orgId: uuid('org_id').notNull(),
    /** executive | municipal: which criteria apply and which table it is ranked in */
    level: text('level').notNull(),
    /** draft | submitted | returned */
    selfStatus: text('self_status').notNull().default('draft'),
    selfRemarks: text('self_remarks'),
    selfSubmittedAt: timestamp('self_submitted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.orgId] })],
);

/** An automatic criterion's value frozen at the cut-off, with the figures behind it. */
export const monitoringAutoValues = pgTable(
  'monitoring_auto_values',
  {
    cycleId: uuid('cycle_id').notNull(),
    orgId: uuid('org_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    /** on the criterion's scale; null when the portal has too little data */
    value: doublePrecision('value'),
    data: jsonb('data').$type<Record<string, number | string | null>>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.orgId, t.criterionId] })],
);

/** A body's self-assessment answer to one criterion, with its evidence. */
export const monitoringSelfAnswers = pgTable(
  'monitoring_self_answers',
  {
    cycleId: uuid('cycle_id').notNull(),
    orgId: uuid('org_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    value: doublePrecision('value'),
    evidenceUrl: text('evidence_url'),
    comment: text('comment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.orgId, t.criterionId] })],
);

/** An expert assigned by the project office to score one organisation in a cycle. */
export const monitoringExpertAssignments = pgTable(
  'monitoring_expert_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id').notNull(),
    orgId: uuid('org_id').notNull(),
    expertUserId: uuid('expert_user_id').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('monitoring_assignments_uq').on(t.cycleId, t.orgId, t.expertUserId),
    index('monitoring_assignments_expert_idx').on(t.expertUserId),
  ],
);

/** An expert's score of one criterion (expert and outside-view criteria). */
export const monitoringExpertScores = pgTable(
  'monitoring_expert_scores',
  {
    assignmentId: uuid('assignment_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    value: doublePrecision('value').notNull(),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.criterionId] })],
);

/** The project office's reconciled value where experts' scores differ above the threshold. */
export const monitoringReconciliations = pgTable(
  'monitoring_reconciliations',
  {
    cycleId: uuid('cycle_id').notNull(),
    orgId: uuid('org_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.orgId, t.criterionId] })],
);

/** One line of an organisation's result: a criterion, its value and the points it brought. */
export type ResultLine = {
  code: string;
  task: string;
  mechanism: string;
  question: string;
  source: string;
  scale: string;
  weight: number;
  /** the value on the criterion's scale; null: no data (left out of the index) */
  value: number | null;
  /** 0–1 share of the weight earned */
  share: number | null;
  /** points of the 0–100 index this criterion gave */
  points: number;
  /** the most it could give */
  maxPoints: number;
  evidence: string | null;
  comments: string[];
  /** how the value was found (automatic: the formula with the figures) */
  basis: string;
};

/** The published index of an organisation in a cycle (a snapshot: the rating reads only this). */
export const monitoringResults = pgTable(
  'monitoring_results',
  {
    cycleId: uuid('cycle_id').notNull(),
    orgId: uuid('org_id').notNull(),
    level: text('level').notNull(),
    /** 0–100 */
    index: doublePrecision('index').notNull(),
    rank: integer('rank').notNull(),
    byMechanism: jsonb('by_mechanism').$type<Record<string, number | null>>().notNull(),
    lines: jsonb('lines').$type<ResultLine[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.orgId] })],
);
