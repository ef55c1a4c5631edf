import { and, eq, like, sql } from 'drizzle-orm';
import { formatLocalDate } from '../calendar/format.ts';
import { toLocalDate } from '../calendar/index.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { copyRows } from '../db/copy.ts';
import { searchVocabulary } from './registry.ts';
import { searchEntries, searchWords } from './search.tables.ts';

/** Requisites of a document (task 8.3). */
export type SearchRequisites = {
  /** a docTypes key the module declared: postanovlenie, rasporyazhenie, prikaz, … */
  docType: string;
  number?: string | null;
  /** YYYY-MM-DD */
  date?: string | null;
  /** a docStatuses key: draft, in_force, repealed, amended, … */
  status?: string | null;
  /** the issuing organisation, when not the entry's own org */
  issuerOrgId?: string | null;
  /** the issuer's name as words for search (weight B) */
  issuerName?: string | null;
};

/** One public item in the index. Only public content goes in; remove it when it stops being public. */
export type SearchEntryInput = {
  /** stable key unique across modules, e.g. `document:<uuid>` */
  id: string;
  /** the module that owns it (must match its SearchSource.module) */
  module: string;
  /** one of the module's declared content types */
  type: string;
  orgId: string | null;
  title: string;
  /** plain text: the module turns its HTML into text first */
  body?: string;
  /** text extracted from attachments (PDF, DOCX, …) */
  attachmentText?: string;
  /** a sentence or two for feeds and results; the body's start when omitted */
  summary?: string;
  /** path on the portal, e.g. /orgs/minzdrav/documents/… */
  url: string;
  publishedAt: Date;
  updatedAt?: Date;
  topics?: string[];
  tags?: string[];
  requisites?: SearchRequisites | null;
  extra?: Record<string, unknown>;
};

const CAP = { title: 1000, body: 200_000, attachment: 400_000, summary: 600 };

/** Fold a document number for comparison: «№ 12-П » → «12-п». */
export function docNumberKey(n: string): string {
  return n
    .toLowerCase()
    .replace(/№|n°|no\./g, '')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, '');
}

/** The words a document's requisites and tags add to the index (weight B). */
export function requisitesTextOf(e: Pick<SearchEntryInput, 'requisites' | 'tags' | 'topics'>): string {
  const v = searchVocabulary();
  const parts: string[] = [];
  const r = e.requisites;
  if (r) {
    parts.push(v.docTypes.get(r.docType)?.ru ?? r.docType);
    if (r.number) parts.push(`№ ${r.number}`);
    if (r.date) parts.push(`от ${formatLocalDate(r.date)}`);
    if (r.issuerName) parts.push(r.issuerName);
  }
  for (const t of e.topics ?? []) parts.push(v.topics.get(t)?.ru ?? t);
  parts.push(...(e.tags ?? []));
  return parts.join(' ');
}

/** Title words, lower case, for «Возможно, вы имели в виду …». */
export function titleWords(title: string): string[] {
  return [
    ...new Set(
      title
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 3 && w.length <= 40),
    ),
  ];
}

/** The row an entry becomes (capped texts, requisites as words, the local year). */
function rowOf(e: SearchEntryInput) {
  const body = (e.body ?? '').slice(0, CAP.body);
  return {
    id: e.id,
    module: e.module,
    type: e.type,
    orgId: e.orgId,
    title: e.title.slice(0, CAP.title),
    requisitesText: requisitesTextOf(e),
    body,
    attachmentText: (e.attachmentText ?? '').slice(0, CAP.attachment),
    summary: (e.summary ?? body).replace(/\s+/g, ' ').trim().slice(0, CAP.summary),
    url: e.url,
    publishedAt: e.publishedAt,
    updatedAt: e.updatedAt ?? e.publishedAt,
    year: Number(toLocalDate(e.publishedAt).slice(0, 4)),
    topics: e.topics ?? [],
    tags: e.tags ?? [],
    docType: e.requisites?.docType ?? null,
    docNumber: e.requisites?.number ?? null,
    docNumberKey: e.requisites?.number ? docNumberKey(e.requisites.number) : null,
    docDate: e.requisites?.date ?? null,
    docStatus: e.requisites?.status ?? null,
    issuerOrgId: e.requisites ? (e.requisites.issuerOrgId ?? e.orgId) : null,
    extra: e.extra ?? {},
  };
}

type EntryRow = ReturnType<typeof rowOf>;
/** The row's fields and their columns, for COPY. */
const COPY_COLUMNS: [keyof EntryRow, string][] = [
  ['id', 'id'],
  ['module', 'module'],
  ['type', 'type'],
  ['orgId', 'org_id'],
  ['title', 'title'],
  ['requisitesText', 'requisites_text'],
  ['body', 'body'],
  ['attachmentText', 'attachment_text'],
  ['summary', 'summary'],
  ['url', 'url'],
  ['publishedAt', 'published_at'],
  ['updatedAt', 'updated_at'],
  ['year', 'year'],
  ['topics', 'topics'],
  ['tags', 'tags'],
  ['docType', 'doc_type'],
  ['docNumber', 'doc_number'],
  ['docNumberKey', 'doc_number_key'],
  ['docDate', 'doc_date'],
  ['docStatus', 'doc_status'],
  ['issuerOrgId', 'issuer_org_id'],
  ['extra', 'extra'],
];

/**
 * The only way modules write the index: in the caller's transaction, so an
 * entry appears and disappears with the content it stands for.
 */
export const searchIndex = {
  /** Insert or replace one entry. */
  async upsert(tx: DbOrTx, e: SearchEntryInput): Promise<void> {
    const row = rowOf(e);
    const { id: _id, ...set } = row;
    await tx.insert(searchEntries).values(row).onConflictDoUpdate({ target: searchEntries.id, set });
    const words = titleWords(row.title);
    if (words.length > 0)
      await tx
        .insert(searchWords)
        .values(words.map((word) => ({ word })))
        .onConflictDoNothing();
  },

  /**
   * Bulk-load many new entries through COPY (the data generator, large
   * imports); the tsvector is computed by the database as for upsert. Ids must
   * be new. Call `refreshWords` afterwards for the spelling suggestions.
   */
  async copy(db: Db, entries: Iterable<SearchEntryInput>): Promise<number> {
    function* rows() {
      for (const e of entries) {
        const r = rowOf(e);
        yield COPY_COLUMNS.map(([key]) => r[key]);
      }
    }
    return copyRows(
      db,
      'search_entries',
      COPY_COLUMNS.map(([, column]) => column),
      rows(),
    );
  },

  /** Add the title words of every entry to the suggestion list (after a bulk load). */
  async refreshWords(db: DbOrTx): Promise<void> {
    await db.execute(sql`
      insert into search_words (word)
      select distinct w from search_entries, regexp_split_to_table(lower(title), '[^[:alpha:]]+') w
      where length(w) between 3 and 40
      on conflict do nothing`);
  },

  /** Remove one entry (unpublished, deleted); no error when absent. */
  async remove(tx: DbOrTx, id: string): Promise<void> {
    await tx.delete(searchEntries).where(eq(searchEntries.id, id));
  },

  /**
   * Remove every entry of a content type whose id starts with the prefix, e.g.
   * `person:<orgId>:`. The type is what finds them fast: a LIKE prefix cannot
   * use the primary key under the database's collation, so without it every
   * call read the whole index (600,000 entries at a region's scale, once per
   * organisation at every start).
   */
  async removeByPrefix(tx: DbOrTx, type: string, prefix: string): Promise<void> {
    await tx
      .delete(searchEntries)
      .where(
        and(eq(searchEntries.type, type), like(searchEntries.id, `${prefix.replace(/[\\%_]/g, '\\$&')}%`)),
      );
  },

  /** Remove every entry of a module (before its reindex). */
  async removeModule(tx: DbOrTx, module: string): Promise<number> {
    const res = await tx.delete(searchEntries).where(eq(searchEntries.module, module));
    return res.rowCount ?? 0;
  },

  async count(db: DbOrTx): Promise<number> {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(searchEntries);
    return r?.n ?? 0;
  },
};
