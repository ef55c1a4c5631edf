import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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
import type { LargeDealSource, RealEstateOwned, RealEstateUsed, Vehicle } from './declarations.input.ts';
import type { PublicationContent } from './versioning.ts';

/**
 * Everything an organisation publishes, one row per item: news and media
 * (news, press_release, announcement, interview, video), documents with
 * requisites (document) and the structured pages 8-ФЗ requires (section, keyed
 * by section_key). The row is the current version; every version, this one
 * included, is kept in publication_versions.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    /** news | press_release | announcement | interview | video | document | section */
    kind: text('kind').notNull(),
    /** for kind=section: powers, structure, information_access, … (see sections.ts) */
    sectionKey: text('section_key'),
    title: text('title').notNull(),
    summary: text('summary'),
    /** sanitised HTML (allow-list in sanitize.ts) */
    bodyHtml: text('body_html').notNull().default(''),
    /** document requisites */
    docType: text('doc_type'),
    docNumber: text('doc_number'),
    docDate: date('doc_date'),
    /** проект | действует | утратил_силу | изменён */
    docStatus: text('doc_status'),
    topics: text('topics').array().notNull().default([]),
    tags: text('tags').array().notNull().default([]),
    /** video: a link, or an uploaded file with a poster, and a text transcript */
    videoUrl: text('video_url'),
    videoFileId: uuid('video_file_id'),
    posterFileId: uuid('poster_file_id'),
    transcript: text('transcript'),
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** set when a version after the first is saved: the public sees «изменено» with this date */
    changedAt: timestamp('changed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('publications_org_kind_idx').on(t.orgId, t.kind, t.publishedAt),
    uniqueIndex('publications_org_section_key').on(t.orgId, t.sectionKey),
    index('publications_doc_number_idx').on(t.orgId, t.docNumber),
    // a body's documents list: newest document date first, the type and status filters checked in the index
    index('publications_org_documents_idx')
      .on(t.orgId, t.docDate, t.publishedAt, t.docType, t.docStatus)
      .where(sql`${t.kind} = 'document'`),
    // and its total under those filters, counted from the index alone
    index('publications_org_doc_filter_idx').on(t.orgId, t.kind, t.docType, t.docStatus),
  ],
);

/** Every version of every item, as the canonical content the publication log hashes. */
export const publicationVersions = pgTable(
  'publication_versions',
  {
    publicationId: uuid('publication_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<PublicationContent>().notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
    savedBy: uuid('saved_by'),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.version] })],
);

/**
 * The verifiable publication log: each entry's hash is SHA-256 over the
 * previous entry's hash and the canonical JSON of the version it records.
 */
export const publicationLog = pgTable('publication_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  publicationId: uuid('publication_id').notNull(),
  version: integer('version').notNull(),
  /** publish | change */
  action: text('action').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** A document amends or cancels another (the target's status follows). */
export const documentLinks = pgTable(
  'document_links',
  {
    fromId: uuid('from_id').notNull(),
    toId: uuid('to_id').notNull(),
    /** amends | cancels */
    relation: text('relation').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId] }), index('document_links_to_idx').on(t.toId)],
);

/** Files attached to a document, with the text extracted from PDF and DOCX for search. */
export const publicationAttachments = pgTable(
  'publication_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicationId: uuid('publication_id').notNull(),
    fileId: uuid('file_id').notNull(),
    name: text('name').notNull(),
    ext: text('ext').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** pending | done | failed | unsupported */
    textStatus: text('text_status').notNull().default('pending'),
    text: text('text'),
    /** why a failed extraction failed (ExtractionFailure: no_text, unreadable, too_large, compression_ratio, memory, timeout, missing_file) */
    textFailure: text('text_failure'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('publication_attachments_pub_idx').on(t.publicationId)],
);

/**
 * A person who declares (Указ №613): their rows stay published while they hold
 * the post and are taken down when the end of tenure is recorded here.
 */
export const declarants = pgTable(
  'declarants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    /** «Иванов И.И.», as the rows give it: one person per body and short name */
    shortName: text('short_name').notNull(),
    /** the last day in the post; null while the person holds it */
    tenureEndedOn: date('tenure_ended_on'),
    /** the act that ended the tenure (order number and date) */
    tenureEndBasis: text('tenure_end_basis'),
    tenureRecordedBy: uuid('tenure_recorded_by'),
    tenureRecordedAt: timestamp('tenure_recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('declarants_org_name_key').on(t.orgId, t.shortName)],
);

/** Income declarations (Указ №613) as structured rows: one per person per year. */
export const incomeDeclarations = pgTable(
  'income_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    /** the person (`declarants`); family rows point to the declarant they belong to */
    declarantId: uuid('declarant_id').notNull(),
    /** the declarant's short name («Иванов И.И.»); family rows repeat it and show only the relation */
    declarantShortName: text('declarant_short_name').notNull(),
    position: text('position').notNull(),
    /** DECLARANT | СУПРУГ | СУПРУГА | НЕСОВЕРШЕННОЛЕТНИЙ_РЕБЕНОК */
    relation: text('relation').notNull(),
    realEstateOwned: jsonb('real_estate_owned').$type<RealEstateOwned[]>().notNull().default([]),
    realEstateUsed: jsonb('real_estate_used').$type<RealEstateUsed[]>().notNull().default([]),
    vehicles: jsonb('vehicles').$type<Vehicle[]>().notNull().default([]),
    declaredIncomeKopecks: bigint('declared_income_kopecks', { mode: 'number' }).notNull(),
    largeDealSources: jsonb('large_deal_sources').$type<LargeDealSource[]>().notNull().default([]),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('income_declarations_org_year_idx').on(t.orgId, t.year),
    index('income_declarations_declarant_idx').on(t.declarantId),
  ],
);

/**
 * Whether a body publishes a year's declarations: a legal decision recorded
 * with its basis (federal acts since 2022, e.g. Указ №968, restrict
 * publication), who recorded it and when.
 */
export const declarationYears = pgTable(
  'declaration_years',
  {
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    published: boolean('published').notNull().default(false),
    /** the legal basis of the decision; null only for decisions recorded before it was required */
    legalBasis: text('legal_basis'),
    decidedBy: uuid('decided_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

/** Feedback about the site (8.2), read by the organisation's staff. */
export const siteFeedback = pgTable(
  'site_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    text: text('text').notNull(),
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('site_feedback_org_idx').on(t.orgId, t.createdAt)],
);
