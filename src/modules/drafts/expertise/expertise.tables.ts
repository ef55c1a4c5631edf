import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/*
 * Independent anti-corruption expertise of draft regulations (concept 7.5;
 * 172-ФЗ art. 5, decree No 96 of 26.02.2010): the register of experts
 * accredited by the Ministry of Justice, their conclusions on drafts with one
 * row per finding, and the body's reasoned answer due within 30 days.
 */

/** An expert accredited by the Ministry of Justice (a person or an organisation). */
export const antiCorruptionExperts = pgTable(
  'anti_corruption_experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the account the expert signs in with (role `expert`); null until linked */
    userId: uuid('user_id'),
    /** person | organisation */
    kind: text('kind').notNull().default('person'),
    name: text('name').notNull(),
    /** number and date of the Ministry of Justice's accreditation order (распоряжение) */
    orderNumber: text('order_number').notNull(),
    orderDate: date('order_date').notNull(),
    /** false once the accreditation is withdrawn */
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('anti_corruption_experts_user_idx').on(t.userId)],
);

/** One expert's conclusion on one draft. */
export const expertiseConclusions = pgTable(
  'expertise_conclusions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id').notNull(),
    /** the body that develops the draft and must answer */
    orgId: uuid('org_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    /** the version of the text the conclusion is on */
    textVersion: integer('text_version').notNull(),
    /** «коррупциогенные факторы не выявлены» */
    noFactors: boolean('no_factors').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** the last day of the body's answer (30 days, 172-ФЗ art. 5 ч.3; configurable) */
    answerDueOn: date('answer_due_on').notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
  },
  (t) => [
    index('expertise_conclusions_draft_idx').on(t.draftId, t.submittedAt),
    index('expertise_conclusions_org_idx').on(t.orgId, t.answerDueOn),
  ],
);

/** A finding of a conclusion: the unit, the factor, what is wrong and the proposed fix. */
export const expertiseFindings = pgTable(
  'expertise_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conclusionId: uuid('conclusion_id')
      .notNull()
      .references(() => expertiseConclusions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** the structural unit (draft_units.key of the conclusion's version) and its label as shown */
    unitKey: text('unit_key').notNull(),
    unitLabel: text('unit_label').notNull(),
    /** a code of the twelve factors (data/corruption-factors.json) */
    factorCode: text('factor_code').notNull(),
    description: text('description').notNull(),
    proposal: text('proposal').notNull(),
  },
  (t) => [index('expertise_findings_conclusion_idx').on(t.conclusionId, t.position)],
);
