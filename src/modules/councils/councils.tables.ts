import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/*
 * Councils (concept 1.1–1.5, section V): the public council of each body, the
 * expert council at the governor, the government commission, the project
 * office and working groups; their members, selection calls, the expert pool,
 * meetings, decisions, conclusions and assessments. Organisations and people
 * are referred to by id only (other modules own them).
 */

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the body it is attached to; the government for region-wide bodies */
    orgId: uuid('org_id').notNull(),
    /** public_council | expert_council | government_commission | project_office | working_group */
    kind: text('kind').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en'),
    descriptionRu: text('description_ru'),
    /** the regulation (положение): title and where it is published */
    regulationTitle: text('regulation_title'),
    regulationUrl: text('regulation_url'),
    /** how citizens and media can take part, plain text */
    participationRu: text('participation_ru'),
    createdAt: created(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('councils_org_idx').on(t.orgId)],
);

export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    /** the member's account, when they have one (experts of the expert council score with it) */
    userId: uuid('user_id'),
    fullName: text('full_name').notNull(),
    /** chair | deputy | secretary | member */
    position: text('position').notNull(),
    /** organisation, profession or reference group the member represents */
    affiliation: text('affiliation'),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }),
    /** set when membership ended before the term did (rotation keeps termEnd) */
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    createdAt: created(),
  },
  (t) => [
    index('council_members_council_idx').on(t.councilId),
    index('council_members_user_idx').on(t.userId),
  ],
);

/** A competitive selection of members (task 1.1). */
export const councilCalls = pgTable(
  'council_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    titleRu: text('title_ru').notNull(),
    descriptionRu: text('description_ru'),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    /** the last day applications are taken (inclusive, region time) */
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    places: integer('places').notNull(),
    /** the reference groups the council must represent */
    referenceGroups: text('reference_groups').array().notNull().default([]),
    /** the documents a candidate supplies */
    documentsRequired: text('documents_required').array().notNull().default([]),
    /** the top of the scoring scale (0…scaleMax) */
    scaleMax: integer('scale_max').notNull().default(10),
    /** open | published */
    status: text('status').notNull().default('open'),
    decisionRu: text('decision_ru'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [index('council_calls_council_idx').on(t.councilId)],
);

export const councilCallCriteria = pgTable(
  'council_call_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id').notNull(),
    nameRu: text('name_ru').notNull(),
    /** weight in the total, a positive integer */
    weight: integer('weight').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('council_call_criteria_call_idx').on(t.callId)],
);

export const councilApplications = pgTable(
  'council_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id').notNull(),
    userId: uuid('user_id').notNull(),
    fullName: text('full_name').notNull(),
    referenceGroup: text('reference_group'),
    /** field of expertise, shown in the pool */
    expertise: text('expertise').notNull(),
    motivation: text('motivation').notNull(),
    /** the documents the candidate says they supply, by the call's list */
    documents: text('documents').array().notNull().default([]),
    /** the statement of no conflict of interest */
    noConflict: boolean('no_conflict').notNull(),
    /** agrees to join the public expert pool if not selected */
    poolConsent: boolean('pool_consent').notNull(),
    /** submitted | complete | incomplete | selected | not_selected */
    status: text('status').notNull().default('submitted'),
    checkNote: text('check_note'),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('council_applications_call_user_key').on(t.callId, t.userId),
    index('council_applications_user_idx').on(t.userId),
  ],
);

/** One expert's score of one candidate on one criterion. */
export const councilScores = pgTable(
  'council_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    expertUserId: uuid('expert_user_id').notNull(),
    score: integer('score').notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex('council_scores_key').on(t.applicationId, t.criterionId, t.expertUserId)],
);

/** An expert's declared conflict of interest with a candidate: they do not score them. */
export const councilRecusals = pgTable(
  'council_recusals',
  {
    applicationId: uuid('application_id').notNull(),
    expertUserId: uuid('expert_user_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex('council_recusals_key').on(t.applicationId, t.expertUserId)],
);

/** The open expert pool (section V): people who agreed to be listed, by field of expertise. */
export const councilPoolMembers = pgTable(
  'council_pool_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the expert's account; none for experts listed from an earlier (paper) selection, who answer through staff */
    userId: uuid('user_id'),
    fullName: text('full_name').notNull(),
    expertise: text('expertise').notNull(),
    /** the selection it came from, when it did */
    callId: uuid('call_id'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex('council_pool_members_user_key').on(t.userId)],
);

/** A council or the project office asks a pool expert for an opinion; the answer is recorded. */
export const councilOpinionRequests = pgTable(
  'council_opinion_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    poolMemberId: uuid('pool_member_id').notNull(),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [index('council_opinion_requests_member_idx').on(t.poolMemberId)],
);

export const councilMeetings = pgTable(
  'council_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    /** places for citizens and media; 0 = no attendance in person */
    capacity: integer('capacity').notNull(),
    videoUrl: text('video_url'),
    recordingUrl: text('recording_url'),
    protocolRu: text('protocol_ru'),
    protocolPublishedAt: timestamp('protocol_published_at', { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [index('council_meetings_council_idx').on(t.councilId, t.startsAt)],
);

/** An agenda item; it may link a draft, plan, report or a reference group's results by URL. */
export const councilAgendaItems = pgTable(
  'council_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** none | draft | plan | report | reference_group | document */
    linkKind: text('link_kind').notNull().default('none'),
    linkUrl: text('link_url'),
    linkTitle: text('link_title'),
  },
  (t) => [index('council_agenda_items_meeting_idx').on(t.meetingId)],
);

export const councilRegistrations = pgTable(
  'council_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** citizen | media */
    kind: text('kind').notNull(),
    /** registered | waiting | cancelled */
    status: text('status').notNull(),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('council_registrations_key').on(t.meetingId, t.userId),
    index('council_registrations_user_idx').on(t.userId),
  ],
);

/** A decision or recommendation from a protocol, tracked until the body reports on it (task 1.3). */
export const councilDecisions = pgTable(
  'council_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    textRu: text('text_ru').notNull(),
    /** [{ name, vote: for | against | abstained | absent }] for bodies that vote by name */
    votes: jsonb('votes').$type<{ name: string; vote: string }[]>().notNull().default([]),
    /** open | reported */
    status: text('status').notNull().default('open'),
    reportRu: text('report_ru'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
  },
  (t) => [index('council_decisions_council_idx').on(t.councilId)],
);

/** A conclusion on a draft, plan, programme or report, or the yearly co-report (tasks 1.2, 1.4, 6.4). */
export const councilConclusions = pgTable(
  'council_conclusions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    /** conclusion | co_report */
    kind: text('kind').notNull(),
    /** draft | plan | programme | report (what the conclusion is on) */
    subjectKind: text('subject_kind').notNull(),
    subjectTitle: text('subject_title').notNull(),
    subjectUrl: text('subject_url'),
    year: integer('year').notNull(),
    textRu: text('text_ru').notNull(),
    /** the participation engine's discussion, once attached */
    discussionId: text('discussion_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('council_conclusions_council_idx').on(t.councilId, t.publishedAt),
    index('council_conclusions_subject_idx').on(t.subjectUrl),
  ],
);

/** The yearly independent assessment (task 1.5): pool experts' questionnaires and the council's self-assessment. */
export const councilAssessments = pgTable(
  'council_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull(),
    year: integer('year').notNull(),
    /** expert | self */
    kind: text('kind').notNull(),
    respondentUserId: uuid('respondent_user_id').notNull(),
    /** question key → score 1…5 */
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    comment: text('comment'),
    createdAt: created(),
  },
  (t) => [uniqueIndex('council_assessments_key').on(t.councilId, t.year, t.kind, t.respondentUserId)],
);
