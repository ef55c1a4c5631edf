import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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

/** One column of a dataset's structure, as structure.csv describes it. */
export type DatasetColumn = {
  name: string;
  titleRu: string;
  titleEn: string;
  /** string | integer | float | date (YYYY-MM-DD) | boolean */
  format: string;
  required: boolean;
};

/**
 * A dataset of the register (task 10.1): its passport per the Russian
 * methodology 3.0. The identifier is the owner body's ИНН, a hyphen and a latin code.
 */
export const datasets = pgTable(
  'datasets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    identifier: text('identifier').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    /** a key of TOPICS (opendata.input.ts) */
    topic: text('topic').notNull(),
    /** a key of FREQUENCIES: how often the body promises new data */
    frequency: text('frequency').notNull(),
    /** the responsible person (10.1): shown in the passport as the methodology asks */
    publisherName: text('publisher_name').notNull(),
    publisherPhone: text('publisher_phone').notNull(),
    publisherEmail: text('publisher_email').notNull(),
    /** a key of LICENSES */
    license: text('license').notNull(),
    /** upload, or the key of a generated source (10.4) */
    source: text('source').notNull().default('upload'),
    /** for a generated source: the body it covers, null region-wide */
    sourceOrgId: uuid('source_org_id'),
    /** a reference book or classifier the body keeps (task 10.2): shown on the passport, filtered on the register */
    referenceBook: boolean('reference_book').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** the last change of data or structure (the passport's «modified») */
    modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('datasets_identifier_key').on(t.identifier), index('datasets_org_idx').on(t.orgId)],
);

/** One structure version: the columns, stamped to the minute for its file name. */
export const datasetStructures = pgTable(
  'dataset_structures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id').notNull(),
    stamp: timestamp('stamp', { withTimezone: true }).notNull(),
    columns: jsonb('columns').$type<DatasetColumn[]>().notNull(),
  },
  (t) => [uniqueIndex('dataset_structures_stamp_key').on(t.datasetId, t.stamp)],
);

/** One data version; its rows are in dataset_rows. Old versions stay downloadable. */
export const datasetVersions = pgTable(
  'dataset_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id').notNull(),
    structureId: uuid('structure_id').notNull(),
    stamp: timestamp('stamp', { withTimezone: true }).notNull(),
    /** what this change was (the passport's «provenance») */
    provenance: text('provenance').notNull(),
    rowCount: integer('row_count').notNull(),
    /** sha256 of the rows, so a regenerated source makes a new version only when its data changed */
    digest: text('digest').notNull(),
    /**
     * The version's CSV file rendered once into file storage (its SHA-256 and size), so a download
     * streams stored bytes; null until the job renders it, and the file then streams from the rows.
     */
    csvSha256: text('csv_sha256'),
    csvBytes: bigint('csv_bytes', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('dataset_versions_stamp_key').on(t.datasetId, t.stamp),
    // the versions still to render, newest first
    index('dataset_versions_unrendered_idx').on(t.stamp).where(sql`${t.csvSha256} is null`),
  ],
);

/**
 * The rows of a data version in file order (n from 1), each a text array in the
 * order of its structure's columns (null for an empty cell). Files stream from
 * here in key order, a batch at a time, so memory stays flat at any size.
 */
export const datasetRows = pgTable(
  'dataset_rows',
  {
    versionId: uuid('version_id').notNull(),
    n: integer('n').notNull(),
    cells: text('cells').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.n] })],
);

/**
 * A citizen's proposal of a dataset to publish (10.3), and the body's answer:
 * status new → accepted (in the publication plan) | declined (with the reason)
 * | published (with the dataset's identifier).
 */
export const datasetProposals = pgTable(
  'dataset_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** why the author needs the data */
    reason: text('reason').notNull().default(''),
    /** new | accepted | declined | published */
    status: text('status').notNull().default('new'),
    /** the body's answer: what is planned, or why not */
    answer: text('answer'),
    /** for published: the dataset that publishes it */
    datasetIdentifier: text('dataset_identifier'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dataset_proposals_org_idx').on(t.orgId, t.createdAt),
    index('dataset_proposals_created_idx').on(t.createdAt),
  ],
);

/** A signed-in person's support of a proposal: one row per person and proposal. */
export const datasetProposalSupports = pgTable(
  'dataset_proposal_supports',
  {
    proposalId: uuid('proposal_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

/** The inventory of a body's information resources (10.5): each system or register and whether it can be published. */
export const informationResources = pgTable(
  'information_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    /** yes | no | later */
    publishable: text('publishable').notNull(),
    /** why not, when it cannot be */
    reason: text('reason'),
    /** when it will be, for later */
    plannedFor: text('planned_for'),
    /** the dataset that publishes it, once it does */
    datasetIdentifier: text('dataset_identifier'),
    /** a reference book or classifier the body keeps outside the portal (task 10.2) */
    referenceBook: boolean('reference_book').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('information_resources_org_idx').on(t.orgId)],
);
