import { sql } from 'drizzle-orm';
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per public item any module registers (documents, news, sections,
 * organisation homes, …). Modules write it only through platform/search's
 * `searchIndex` in their own transaction; the search pages, the API, the feeds
 * and the legal reference read it.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    /** stable key chosen by the module, e.g. `document:<uuid>` */
    id: text('id').primaryKey(),
    /** the module that owns the entry (reindex replaces a module's entries) */
    module: text('module').notNull(),
    /** content type key declared by the module (document, news, org, org_section, …) */
    type: text('type').notNull(),
    orgId: uuid('org_id'),
    title: text('title').notNull(),
    /** the requisites and tags as words (weight B): «Постановление № 12-п от 01.02.2026 …» */
    requisitesText: text('requisites_text').notNull().default(''),
    body: text('body').notNull().default(''),
    attachmentText: text('attachment_text').notNull().default(''),
    /** short plain text for feeds and result lists when there is no match in the body */
    summary: text('summary').notNull().default(''),
    /** path on the portal */
    url: text('url').notNull(),
    /** publication date: sort by date, year facet, feeds */
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** year of publication in Europe/Kaliningrad, for the year facet */
    year: smallint('year').notNull(),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** requisites of a document (task 8.3); null for content without them */
    docType: text('doc_type'),
    docNumber: text('doc_number'),
    /** the number folded for comparison: lower case, no spaces, «№» removed */
    docNumberKey: text('doc_number_key'),
    docDate: date('doc_date', { mode: 'string' }),
    docStatus: text('doc_status'),
    issuerOrgId: uuid('issuer_org_id'),
    /** anything else a module wants to show in results (e.g. attachment names) */
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    /** weighted: title A, requisites B, body C, attachments D, in the `russian` configuration */
    tsv: tsvector('tsv').generatedAlwaysAs(
      sql`setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('russian'::regconfig, coalesce(requisites_text, '')), 'B') || setweight(to_tsvector('russian'::regconfig, coalesce(body, '')), 'C') || setweight(to_tsvector('russian'::regconfig, coalesce(attachment_text, '')), 'D')`,
    ),
  },
  (t) => [
    index('search_entries_tsv_idx').using('gin', t.tsv),
    index('search_entries_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('search_entries_published_idx').on(t.publishedAt),
    index('search_entries_type_published_idx').on(t.type, t.publishedAt),
    index('search_entries_org_published_idx').on(t.orgId, t.publishedAt),
    index('search_entries_number_idx').on(t.docNumberKey.op('text_pattern_ops')),
    index('search_entries_doc_date_idx').on(t.docDate),
    // the order of a browse by requisites: a page stops after its rows instead of sorting every match
    index('search_entries_doc_order_idx').on(t.docDate.desc().nullsLast(), t.publishedAt.desc().nullsFirst()),
    index('search_entries_topics_idx').using('gin', t.topics),
    index('search_entries_module_idx').on(t.module),
  ],
);

/** Words seen in titles, for «Возможно, вы имели в виду …» (trigram similarity). */
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
  },
  (t) => [index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`)],
);

/**
 * E-mail subscriptions of signed-in people to an organisation, a topic or a
 * saved search; a daily job mails the new matches.
 */
export const searchSubscriptions = pgTable(
  'search_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    email: text('email').notNull(),
    /** org | topic | query */
    kind: text('kind').notNull(),
    /** the saved search: q, type, org, topic, … as on /search */
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    label: text('label').notNull(),
    /** secret for the confirm and unsubscribe links (stored as SHA-256) */
    tokenHash: text('token_hash').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** entries published after this moment are new for the next mail */
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull(),
    mailsSent: integer('mails_sent').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('search_subscriptions_user_idx').on(t.userId),
    uniqueIndex('search_subscriptions_token_key').on(t.tokenHash),
  ],
);
