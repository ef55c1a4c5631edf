import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PublicFigures, Quarter } from './stats/figures.ts';

/*
 * The appeals module's data (issue 3): citizens' appeals (59-ФЗ), information
 * requests (8-ФЗ) and corruption reports (task 7.4) in one table, told apart
 * by `type`; their history, answers, ratings, numbering counters, the ТОТК
 * classifier, FAQ items, quarterly reviews and reminders.
 *
 * Enumerations are text with the allowed values in the comments and in
 * appeals.model.ts (the single TypeScript source of them).
 */

/** One appeal, information request or corruption report, as registered. */
export const appeals = pgTable(
  'appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `<org code>-<year>-<sequence>`, unique in the region */
    number: text('number').notNull(),
    /** the addressee organisation (the body that registered it) */
    orgId: uuid('org_id').notNull(),
    /** the registration year in Europe/Kaliningrad and the body's gapless sequence within it */
    year: smallint('year').notNull(),
    sequence: integer('sequence').notNull(),
    /** appeal (59-ФЗ) | info_request (8-ФЗ) | corruption_report (task 7.4) */
    type: text('type').notNull(),
    /** proposal | statement | complaint (59-ФЗ art. 4); null for information requests */
    kind: text('kind'),
    /** electronic | written | oral: how it was received */
    form: text('form').notNull().default('electronic'),
    /** primary | repeated | multiple */
    multiplicity: text('multiplicity').notNull().default('primary'),
    /** an addressed official from responsible_officials, optional */
    officialId: uuid('official_id'),
    /** the official's name or position as the citizen wrote it, optional */
    officialName: text('official_name'),
    /**
     * A complaint's subject (59-ФЗ art. 8 ч.6): the organisation whose decision or
     * action it complains about and, where given, its official (responsible_officials).
     * Forwarding to that body is refused for every appeal that carries a complaint.
     */
    complainedOrgId: uuid('complained_org_id'),
    complainedOfficialId: uuid('complained_official_id'),
    /**
     * Concept task 6.5: a complaint that an official of `complainedOrgId` obstructed
     * public control — what was done (information_refused | inspection_denied |
     * final_document_ignored | other); null when the appeal is not one. The
     * organisation of public control the author acts for (a public council, an NGO), if any.
     */
    obstructionKind: text('obstruction_kind'),
    publicControlSubject: text('public_control_subject'),
    /**
     * Recorded with the answer: confirmed | not_confirmed, and if confirmed the
     * measure towards the official (disciplinary | other | none) with staff's
     * words for «other». Only counts are published (plans' annual reports).
     */
    obstructionFinding: text('obstruction_finding'),
    obstructionMeasure: text('obstruction_measure'),
    obstructionMeasureNote: text('obstruction_measure_note'),
    /** the author's account (null for a paper appeal registered by staff) */
    authorUserId: uuid('author_user_id'),
    /** the author's details as given on the form (personal data: never public, never logged) */
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    patronymic: text('patronymic'),
    email: text('email'),
    postalAddress: text('postal_address'),
    phone: text('phone'),
    /** 8-ФЗ: a request may come from an organisation */
    organizationName: text('organization_name'),
    /** how the author's account was identified when submitting: email | esia, and the ЕСИА level */
    authorIdentification: text('author_identification').notNull().default('email'),
    authorIdentityLevel: text('author_identity_level'),
    /** a short subject the citizen gives (optional) */
    subject: text('subject'),
    text: text('text').notNull(),
    /** type-specific fields (corruption report: who, when, where; info request: preferred form of the answer) */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    collective: boolean('collective').notNull().default(false),
    /**
     * The author's consent to publishing the appeal and its answer with their
     * personal data (152-ФЗ art. 10.1), given as a separate tick on the form.
     * Without it a public text made from the appeal must have no personal data left.
     */
    publicationConsentAt: timestamp('publication_consent_at', { withTimezone: true }),
    /**
     * The author's consent to publishing the appeal and its answer anonymised
     * in the body's public archive (the WhatDoTheyKnow model within 59-ФЗ and
     * 152-ФЗ): asked at sending, default off, changeable in the cabinet. Null
     * when not given or withdrawn; a withdrawal takes the entry out of the archive.
     */
    archiveConsentAt: timestamp('archive_consent_at', { withTimezone: true }),
    /**
     * A complaint about an answer: the appeal whose answer it disputes (sent by
     * its author from that appeal's page to the higher body). Both staff pages show the link.
     */
    disputesAppealId: uuid('disputes_appeal_id'),
    /** registered | in_review | forwarded | extended | answer_signed | sent | closed | left_without_answer | returned | withdrawn */
    status: text('status').notNull().default('registered'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    /** the registration day in Europe/Kaliningrad (for statistics by day and month) */
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    /** the answer deadline (local date) and whether a year without decree data was involved */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    /**
     * the deadline to forward it to the competent body (7 days); null for a media
     * request, which is not forwarded: its 3-day notice date is `noticeDueDate` only
     */
    forwardDueDate: date('forward_due_date', { mode: 'string' }),
    /** the deadline before any extension */
    originalDueDate: date('original_due_date', { mode: 'string' }).notNull(),
    /** the 7-day notices: 59-ФЗ art. 11 ч.2, 4, 4.1, 5.1; for a request the notice of a delay (8-ФЗ art. 18 ч.6); for a media request the 3-day notice of delay or refusal */
    noticeDueDate: date('notice_due_date', { mode: 'string' }).notNull(),
    /** the calendar data the deadlines were computed with; deadlines are recomputed when it changes */
    calendarVersion: text('calendar_version'),
    /**
     * the deadline settings in force when it was registered: a later change of the
     * settings leaves its deadlines alone (an extension and a calendar change count
     * with these); null for appeals registered before they were kept (the settings in force)
     */
    deadlineTerms: jsonb('deadline_terms').$type<Record<string, unknown>>(),
    extensionCount: smallint('extension_count').notNull().default(0),
    /** the officer working on it */
    assignedUserId: uuid('assigned_user_id'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** ТОТК code of the main question (appeal_questions holds every question) */
    topicCode: text('topic_code'),
    /** when forwarded: to an organisation on the portal or an outside body by name */
    forwardedToOrgId: uuid('forwarded_to_org_id'),
    forwardedToName: text('forwarded_to_name'),
    /** the appeal this one was forwarded or copied from (the receiving body's registration) */
    sourceAppealId: uuid('source_appeal_id'),
    /** art. 11 reason (no_name_or_address | obscene_or_threats | unreadable | essence_unclear | repeated_no_new_args | answer_published_online | state_secret | court_decision), or 8-ФЗ art. 20 refusal */
    withoutAnswerReason: text('without_answer_reason'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** the author's key for a double submit (API Idempotency-Key or the form token) */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appeals_number_key').on(t.number),
    uniqueIndex('appeals_org_year_seq_key').on(t.orgId, t.year, t.sequence),
    uniqueIndex('appeals_author_idempotency_key')
      .on(t.authorUserId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('appeals_author_idx').on(t.authorUserId, t.registeredAt),
    // the queue's counts by status are read from this index alone (type is the visibility's filter)
    index('appeals_org_queue_idx').on(t.orgId, t.status, t.dueDate, t.type),
    /** the staff queue's open items of a body, in the order it shows them (earliest deadline first) */
    index('appeals_org_open_due_idx')
      .on(t.orgId, t.dueDate, t.number, t.type)
      .where(
        sql`${t.status} in ('registered', 'in_review', 'extended', 'awaiting_signature', 'answer_signed')`,
      ),
    index('appeals_org_registered_idx').on(t.orgId, t.registeredOn),
    index('appeals_assigned_idx').on(t.assignedUserId, t.status),
    index('appeals_due_idx').on(t.dueDate).where(sql`${t.closedAt} is null`),
    index('appeals_source_idx').on(t.sourceAppealId),
    index('appeals_disputes_idx').on(t.disputesAppealId),
    index('appeals_obstruction_idx')
      .on(t.complainedOrgId, t.registeredOn)
      .where(sql`${t.obstructionKind} is not null`),
  ],
);

/** The next registration number of a body in a year: one row per (org, year), locked by the registering transaction. */
export const appealCounters = pgTable(
  'appeal_counters',
  {
    orgId: uuid('org_id').notNull(),
    year: smallint('year').notNull(),
    lastSequence: integer('last_sequence').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

/** Co-signers of a collective appeal (59-ФЗ art. 2 ч.1), in the order given; the author is the first signer. */
export const appealCosigners = pgTable(
  'appeal_cosigners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    patronymic: text('patronymic'),
    email: text('email'),
    postalAddress: text('postal_address'),
    userId: uuid('user_id'),
  },
  (t) => [index('appeal_cosigners_appeal_idx').on(t.appealId, t.position)],
);

/**
 * What happened to an appeal, oldest first: the history the citizen sees
 * (when visible_to_author) and staff's internal steps.
 * kind: registered | assigned | forwarded | copy_sent | extended | answer_signed | answered |
 * left_without_answer | returned | notice | topic_set | status_changed | rated | staff_read | reminder.
 */
export const appealEvents = pgTable(
  'appeal_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    /** the role the actor acted in (appeals_officer, head, …) */
    actorRole: text('actor_role'),
    /** why (forward, extension, without-answer reason code and text) */
    reasonCode: text('reason_code'),
    reason: text('reason'),
    /** forward/copy target: an organisation on the portal or an outside body by name */
    targetOrgId: uuid('target_org_id'),
    targetName: text('target_name'),
    /** the appeal registered at the receiving body, when it is on the portal */
    targetAppealId: uuid('target_appeal_id'),
    /** an extension's new deadline */
    newDueDate: date('new_due_date', { mode: 'string' }),
    /** the notice to the citizen this event sent (outbox row: sent_at null means still pending) */
    outboxId: uuid('outbox_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    visibleToAuthor: boolean('visible_to_author').notNull().default(true),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('appeal_events_appeal_idx').on(t.appealId, t.at),
    index('appeal_events_kind_idx').on(t.kind, t.at),
  ],
);

/** Files attached to an appeal by its author, or to an answer by staff (stored_files ids). */
export const appealAttachments = pgTable(
  'appeal_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    /** set when the file belongs to an answer */
    answerId: uuid('answer_id'),
    fileId: uuid('file_id').notNull(),
    position: smallint('position').notNull().default(0),
    addedBy: uuid('added_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appeal_attachments_appeal_idx').on(t.appealId, t.answerId),
    uniqueIndex('appeal_attachments_file_key').on(t.appealId, t.fileId),
  ],
);

/** An answer: drafted by an officer, signed by the head or an authorised official (59-ФЗ art. 10 ч.3), sent to the citizen. */
export const appealAnswers = pgTable(
  'appeal_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** draft | signed | sent */
    status: text('status').notNull().default('draft'),
    draftedBy: uuid('drafted_by'),
    signedByUserId: uuid('signed_by_user_id'),
    /** the signer's role when signing: head | appeals_signer | … */
    signedRole: text('signed_role'),
    /** the signer's name and position as printed on the answer */
    signedName: text('signed_name'),
    signedPosition: text('signed_position'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    outboxId: uuid('outbox_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appeal_answers_appeal_idx').on(t.appealId)],
);

/**
 * The questions of an appeal by ТОТК code and the result of each in ССТУ
 * statuses: not_received | not_registered | in_review | explained | supported |
 * not_supported | forwarded | answered_to_author | left_without_answer | extended.
 */
export const appealQuestions = pgTable(
  'appeal_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull().default(0),
    topicCode: text('topic_code').notNull(),
    status: text('status').notNull().default('in_review'),
    /** «Поддержано, в т.ч. меры приняты» */
    measuresTaken: boolean('measures_taken').notNull().default(false),
    /** ССТУ extra flags: commission, on_site, with_author, signed_by_head, signed_by_deputy, late, on_control */
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appeal_questions_appeal_idx').on(t.appealId, t.position),
    index('appeal_questions_topic_idx').on(t.topicCode),
  ],
);

/** The citizen's rating of an answer (task 4.5): satisfied or not, and why. */
export const appealRatings = pgTable(
  'appeal_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    answerId: uuid('answer_id'),
    userId: uuid('user_id').notNull(),
    satisfied: boolean('satisfied').notNull(),
    /** a reason code (not_answered_on_merits | unclear | late | formal | other …) and free text */
    reasonCode: text('reason_code'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('appeal_ratings_appeal_user_key').on(t.appealId, t.userId)],
);

/**
 * Editions of the ТОТК classifier an administrator loaded (`npm run import:totk`);
 * the newest by date is the one appeals are classified by, unless the shipped
 * edition (src/modules/appeals/data) is newer.
 */
export const totkEditions = pgTable('totk_editions', {
  /** the edition's id, e.g. «2027.1» */
  version: text('version').primaryKey(),
  /** the date of the edition */
  editionDate: date('edition_date').notNull(),
  /** the file it came from (its name only) */
  source: text('source').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The codes of each loaded ТОТК edition. */
export const appealTopics = pgTable(
  'appeal_topics',
  {
    /** the classifier edition the row came from (`totk_editions.version`) */
    version: text('version').notNull(),
    /** `NNNN.NNNN.NNNN.NNNN[.NNNN]` or a prefix (section, theme, topic) */
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    /** 1 section … 5 subquestion */
    level: smallint('level').notNull(),
    nameRu: text('name_ru').notNull(),
    /** the position in the edition's file */
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.version, t.code] }), index('appeal_topics_parent_idx').on(t.parentCode)],
);

/** Questions and answers a body publishes (task 4.3); may come from an answered appeal, anonymised. */
export const appealFaqItems = pgTable(
  'appeal_faq_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    topicCode: text('topic_code'),
    sourceAppealId: uuid('source_appeal_id'),
    position: integer('position').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appeal_faq_items_org_idx').on(t.orgId, t.publishedAt)],
);

/**
 * The public archive of answered appeals (WhatDoTheyKnow within 59-ФЗ and
 * 152-ФЗ): an appeal whose author consented, with its answer, anonymised by
 * staff (every finding of the anonymiser masked before publication). One entry
 * per appeal; it leaves the archive when the author withdraws consent.
 */
export const appealArchiveEntries = pgTable(
  'appeal_archive_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    /** the appeal's number and the day its answer was sent: public facts, no personal data */
    number: text('number').notNull(),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    /** the anonymised texts as staff confirmed them */
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appeal_archive_entries_appeal_key').on(t.appealId),
    index('appeal_archive_entries_org_idx').on(t.orgId, t.publishedAt),
  ],
);

/** Quarterly reviews of appeals (task 4.2): figures frozen from the data and the body's comment on measures taken. */
export const appealReviews = pgTable(
  'appeal_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').$type<Quarter>().notNull(),
    /** frozen when the review was prepared or refreshed: already suppressed */
    figures: jsonb('figures').$type<PublicFigures>().notNull().default(sql`'{}'::jsonb`),
    comment: text('comment'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('appeal_reviews_org_period_key').on(t.orgId, t.year, t.quarter)],
);

/** Reminders sent to officers (3 working days before, on the day, overdue escalation): one row each, so none repeats. */
export const appealReminders = pgTable(
  'appeal_reminders',
  {
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    /** due_soon | due_today | overdue */
    kind: text('kind').notNull(),
    /** the deadline the reminder was about (a new deadline after an extension reminds again) */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    outboxId: uuid('outbox_id'),
  },
  (t) => [primaryKey({ columns: [t.appealId, t.kind, t.dueDate] })],
);

/**
 * A body's answer templates (issue 10): chosen when drafting; placeholders such
 * as {номер} and {дата} are filled on the server (answer-templates.ts).
 */
export const appealAnswerTemplates = pgTable(
  'appeal_answer_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appeal_answer_templates_org_idx').on(t.orgId, t.title)],
);

/**
 * Staff's internal comments on an appeal: seen on the staff page only, never by
 * the author, never in public pages, the API or open data.
 */
export const appealComments = pgTable(
  'appeal_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id'),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appeal_comments_appeal_idx').on(t.appealId, t.createdAt)],
);

/**
 * An appeal the citizen started and may come back to (issue 10): the form's
 * values as typed, her uploaded files' ids, kept server-side for her only and
 * deleted in the transaction that registers the appeal.
 */
export const appealDrafts = pgTable(
  'appeal_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorUserId: uuid('author_user_id').notNull(),
    /** appeal | info_request | corruption_report | media_request */
    type: text('type').notNull(),
    /** the form's fields as typed (personal data: never public, never logged) */
    values: jsonb('values').$type<Record<string, string>>().notNull(),
    /** stored_files ids she uploaded for it */
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appeal_drafts_author_idx').on(t.authorUserId, t.updatedAt)],
);

/*
 * The public figures of appeals precomputed per body and month of registration (issue 11), so a
 * statistics page of a year sums at most twelve rows a body instead of aggregating its appeals on
 * every view. A month whose appeals or ratings changed since its row was computed is listed in
 * appeal_figures_stale (statement triggers on appeals and appeal_ratings, migration 0038) and is
 * read live until the job appeals.figures.refresh recomputes it, so the figures are never behind.
 */
const figureColumns = {
  orgId: uuid('org_id').notNull(),
  /** the first day of the month of registration (local date) */
  month: date('month', { mode: 'string' }).notNull(),
};

/** One body's month: the counts of stats/figures.ts's RawFigures, without the breakdowns. */
export const appealFiguresMonthly = pgTable(
  'appeal_figures_monthly',
  {
    ...figureColumns,
    received: integer('received').notNull(),
    answered: integer('answered').notNull(),
    onTime: integer('on_time').notNull(),
    forwarded: integer('forwarded').notNull(),
    leftWithoutAnswer: integer('left_without_answer').notNull(),
    extended: integer('extended').notNull(),
    inReview: integer('in_review').notNull(),
    daysSum: integer('days_sum').notNull(),
    daysBase: integer('days_base').notNull(),
    infoRequests: integer('info_requests').notNull(),
    mediaRequests: integer('media_requests').notNull(),
    corruptionReports: integer('corruption_reports').notNull(),
    rated: integer('rated').notNull(),
    satisfied: integer('satisfied').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month] })],
);

/** One body's month by ТОТК theme of the citizens' appeals (code '' when not classified yet). */
export const appealTopicsMonthly = pgTable(
  'appeal_topics_monthly',
  {
    ...figureColumns,
    code: text('code').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month, t.code] })],
);

/** Months to recompute: appended by the triggers (no key, so a writer never waits on another), emptied by the job. */
export const appealFiguresStale = pgTable('appeal_figures_stale', { ...figureColumns }, (t) => [
  index('appeal_figures_stale_idx').on(t.orgId, t.month),
]);

/*
 * The staff queue's counts by status (issue 11): per body, corruption reports apart (they have their
 * own readers), base rows plus the signed deltas that statement triggers on appeals append (migration
 * 0041; appending never waits on another writer), folded into the base by the job
 * appeals.figures.refresh. A count is the sum of both, so it is exact at every moment.
 */
const statusCountColumns = {
  orgId: uuid('org_id').notNull(),
  corruption: boolean('corruption').notNull(),
  status: text('status').notNull(),
  n: integer('n').notNull(),
};

export const appealStatusCounts = pgTable('appeal_status_counts', { ...statusCountColumns }, (t) => [
  primaryKey({ columns: [t.orgId, t.corruption, t.status] }),
]);

export const appealStatusDeltas = pgTable('appeal_status_deltas', { ...statusCountColumns }, (t) => [
  index('appeal_status_deltas_org_idx').on(t.orgId),
]);
