import { sql } from 'drizzle-orm';
import {
  boolean,
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
 * Polls of a body (task 8.5; task 10.3 uses the topic `opendata_priorities`):
 * one question, its options, a period in local dates (Europe/Kaliningrad),
 * a rule for who votes and when the results show. A draft until published.
 */
export const polls = pgTable(
  'polls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    question: text('question').notNull(),
    description: text('description').notNull().default(''),
    /** the options, in order; a vote keeps their indexes */
    options: jsonb('options').$type<string[]>().notNull(),
    /** several choices allowed */
    multiple: boolean('multiple').notNull().default(false),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** signed_in | esia | residents */
    eligibility: text('eligibility').notNull().default('signed_in'),
    /** for `residents`: the municipality whose residents vote */
    residentsOrgId: uuid('residents_org_id'),
    /** for `residents`: where residence comes from: esia (the ЕСИА address claim) | declared */
    residenceSource: text('residence_source').notNull().default('declared'),
    /** a voter may change the vote until the close */
    changeable: boolean('changeable').notNull().default(false),
    /** live | after_close */
    results: text('results').notNull().default('after_close'),
    /** general | opendata_priorities (task 10.3) */
    topic: text('topic').notNull().default('general'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('polls_org_idx').on(t.orgId, t.closesOn), index('polls_open_idx').on(t.closesOn)],
);

/**
 * One vote per person and poll, kept by the unique key (never a read-then-write):
 * a second insert, also a concurrent one, fails on it. `choices` are option indexes.
 */
export const pollVotes = pgTable(
  'poll_votes',
  {
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    choices: integer('choices').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.userId] })],
);

/**
 * Where a participant lives, for polls of a municipality's residents: from the
 * ЕСИА address claim (source `esia`, written at sign-in) or declared by the
 * person on the poll's page (source `declared`). One row per person and source.
 */
export const participantResidences = pgTable(
  'participant_residences',
  {
    userId: uuid('user_id').notNull(),
    source: text('source').notNull(),
    municipalityOrgId: uuid('municipality_org_id').notNull(),
    address: text('address').notNull().default(''),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.source] })],
);

/** A question of a survey, as the form builder keeps it. */
export type SurveyQuestion = {
  /** stable within the survey: the answer's field is `q_<key>` */
  key: string;
  type: 'short_text' | 'long_text' | 'single' | 'multiple' | 'scale' | 'matrix' | 'date' | 'number';
  text: string;
  required: boolean;
  /** single, multiple: the choices; matrix: the columns (the scale of each row) */
  options: string[];
  /** matrix: the rows */
  rows: string[];
  /** scale: 5 or 10 */
  scaleMax: number;
  /** shown (and validated) only when an earlier question has this answer */
  showIf: { key: string; equals: string } | null;
};

/** Surveys of a body (task 8.5; the monitoring's citizens' satisfaction uses `purpose`). */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull().default(sql`'[]'::jsonb`),
    /** answers kept without the person (who answered is kept apart, only to allow one answer each) */
    anonymous: boolean('anonymous').notNull().default(true),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** a machine name for other modules: e.g. monitoring.satisfaction */
    purpose: text('purpose'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('surveys_org_idx').on(t.orgId, t.closesOn)],
);

/** Who has answered a survey: one answer per person, by the primary key. */
export const surveyParticipants = pgTable(
  'survey_participants',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.userId] })],
);

/** The answers: `userId` only for a signed (not anonymous) survey. Values by question key. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    answers: jsonb('answers').$type<Record<string, string | string[] | Record<string, string>>>().notNull(),
    /** the day only, for an anonymous survey: an exact time would tie it to the participants row */
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    index('survey_responses_survey_idx').on(t.surveyId),
    uniqueIndex('survey_responses_signed_key').on(t.surveyId, t.userId).where(sql`${t.userId} is not null`),
  ],
);
