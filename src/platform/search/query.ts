import { type SQL, sql } from 'drizzle-orm';
import { REGION_TZ } from '../calendar/index.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { type Citation, parseCitation } from './citation.ts';
import { searchVocabulary } from './registry.ts';
import { docNumberKey } from './writer.ts';

/*
 * The search queries (SQL kept here, beside the index it reads).
 *
 * The user's text reaches PostgreSQL only as a bound parameter of
 * websearch_to_tsquery, which accepts any string without syntax errors; it is
 * cleaned and capped first. Ranking is bounded: only the newest CANDIDATES
 * matches are ranked, counts and facets stop at COUNT_CAP, and the whole
 * search runs under SET LOCAL statement_timeout. When that fires (a very
 * frequent word over a large index), the search falls back to newest-first
 * without ranking or facets and says so.
 */

export const QUERY_MAX = 300;
export const CANDIDATES = 2000;
/** below this many estimated matches the candidates come from the GIN bitmap, not the date index */
const BITMAP_BELOW = 100_000;
/** the first window of newest rows holds at most this many rows (phrases are underestimated tenfold) */
const WINDOW_MAX = 16 * CANDIDATES;
/** how many more rows a window takes than the estimate says it needs */
const WINDOW_MARGIN = 1.5;
/** how long a process trusts its copy of the date histogram */
const SPREAD_TTL_MS = 60_000;
export const COUNT_CAP = 2000;
/** facets count the newest FACET_SET matches: bounded work for frequent words */
export const FACET_SET = COUNT_CAP;
const HL_START = '\u0002';
const HL_STOP = '\u0003';
const LT_GT = '\ue000\ue001';

export type SearchSort = 'relevance' | 'date';

export type SearchParams = {
  q?: string | undefined;
  types?: string[] | undefined;
  orgIds?: string[] | undefined;
  topics?: string[] | undefined;
  years?: number[] | undefined;
  /** publication date range, YYYY-MM-DD, inclusive */
  from?: string | undefined;
  to?: string | undefined;
  /** requisites (task 8.3) */
  docType?: string | undefined;
  number?: string | undefined;
  numberMode?: 'exact' | 'prefix' | undefined;
  docFrom?: string | undefined;
  docTo?: string | undefined;
  status?: string[] | undefined;
  issuerOrgId?: string | undefined;
  /** entries published after this moment (subscriptions) */
  publishedAfter?: Date | undefined;
  sort?: SearchSort | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
  /** false: take the text as words only, never as a citation of requisites */
  citation?: false | undefined;
};

/** Text with the matched words marked: render `hit` parts as <mark>, every part escaped. */
export type Highlighted = { text: string; hit: boolean }[];

export type SearchHit = {
  id: string;
  type: string;
  orgId: string | null;
  url: string;
  title: Highlighted;
  snippet: Highlighted;
  publishedAt: Date;
  topics: string[];
  tags: string[];
  docType: string | null;
  docNumber: string | null;
  docDate: string | null;
  docStatus: string | null;
  issuerOrgId: string | null;
};

export type FacetCount = { key: string; count: number };

export type SearchResult = {
  items: SearchHit[];
  /** number of matches, at most COUNT_CAP */
  total: number;
  /** true when there are more matches than `total` (COUNT_CAP) */
  capped: boolean;
  /** true when facet counts cover only the newest FACET_SET matches */
  facetsPartial?: boolean;
  facets: { org: FacetCount[]; type: FacetCount[]; topic: FacetCount[]; year: FacetCount[] } | null;
  /** the query as searched (cleaned, capped) */
  query: string;
  /** a spelling suggestion when the words look mistyped */
  suggestion: string | null;
  /** what the search did instead of the plain ranked search */
  mode: 'ranked' | 'browse' | 'timeout' | 'suggestion' | 'similar';
  page: number;
  perPage: number;
};

/** Clean user text for the full-text parser: no control characters, collapsed spaces, capped length. */
export function cleanQuery(q: string | undefined): string {
  if (!q) return '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const s = q.replace(/[\u0000-\u001f\u007f\ud800-\udfff]/g, ' ');
  return s.replace(/\s+/g, ' ').trim().slice(0, QUERY_MAX).trim();
}

/** Split ts_headline output into escaped-when-rendered parts. */
export function splitHighlight(s: string): Highlighted {
  const out: Highlighted = [];
  let hit = false;
  let buf = '';
  for (const raw of s) {
    const ch = raw === '\ue000' ? '<' : raw === '\ue001' ? '>' : raw;
    if (ch === HL_START || ch === HL_STOP) {
      if (buf) out.push({ text: buf, hit });
      buf = '';
      hit = ch === HL_START;
    } else buf += ch;
  }
  if (buf) out.push({ text: buf, hit });
  return out;
}

function likePrefix(s: string): string {
  return `${s.replace(/[\\%_]/g, '\\$&')}%`;
}

function filtersOf(p: SearchParams): SQL[] {
  const w: SQL[] = [];
  if (p.types?.length) w.push(sql`type = any(${sql.param(p.types)}::text[])`);
  if (p.orgIds?.length) w.push(sql`org_id = any(${sql.param(p.orgIds)}::uuid[])`);
  if (p.topics?.length) w.push(sql`topics && ${sql.param(p.topics)}::text[]`);
  if (p.years?.length) w.push(sql`year = any(${sql.param(p.years)}::int[])`);
  if (p.from) w.push(sql`published_at >= (${p.from}::date)::timestamp at time zone ${REGION_TZ}`);
  if (p.to) w.push(sql`published_at < ((${p.to}::date + 1)::timestamp at time zone ${REGION_TZ})`);
  if (p.publishedAfter) w.push(sql`published_at > ${p.publishedAfter.toISOString()}::timestamptz`);
  if (p.docType) w.push(sql`doc_type = ${p.docType}`);
  if (p.number) {
    const key = docNumberKey(p.number);
    if (key)
      w.push(
        p.numberMode === 'prefix'
          ? sql`doc_number_key like ${likePrefix(key)}`
          : sql`doc_number_key = ${key}`,
      );
  }
  if (p.docFrom) w.push(sql`doc_date >= ${p.docFrom}::date`);
  if (p.docTo) w.push(sql`doc_date <= ${p.docTo}::date`);
  if (p.status?.length) w.push(sql`doc_status = any(${sql.param(p.status)}::text[])`);
  if (p.issuerOrgId) w.push(sql`issuer_org_id = ${p.issuerOrgId}::uuid`);
  return w;
}

/**
 * A citation in the text («постановление правительства 125-п»): which entries
 * it names (same number, or same date when it names no number) and how well
 * each matches: number exact 4 (a number alone that starts the entry's number,
 * «112» for «112-п», 2), the named type 2, the date 2.
 */
function citationSql(c: Citation): { cond: SQL; score: SQL } | null {
  const parts: SQL[] = [];
  let cond: SQL;
  if (c.numberKey) {
    const key = c.numberKey;
    const loose = /^\p{N}+$/u.test(key)
      ? sql`(doc_number_key like ${likePrefix(`${key}-`)} or doc_number_key like ${likePrefix(`${key}/`)})`
      : null;
    cond = loose ? sql`(doc_number_key = ${key} or ${loose})` : sql`doc_number_key = ${key}`;
    parts.push(
      loose
        ? sql`(case when doc_number_key = ${key} then 4 when ${loose} then 2 else 0 end)`
        : sql`(case when doc_number_key = ${key} then 4 else 0 end)`,
    );
  } else if (c.date) cond = sql`doc_date = ${c.date}::date`;
  else return null;
  if (c.docTypes.length)
    parts.push(sql`(case when doc_type = any(${sql.param(c.docTypes)}::text[]) then 2 else 0 end)`);
  if (c.date) parts.push(sql`(case when doc_date = ${c.date}::date then 2 else 0 end)`);
  return { cond, score: sql.join(parts, sql` + `) };
}

function where(parts: SQL[]): SQL {
  return parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
}

type Row = Record<string, unknown>;

async function rows(db: DbOrTx, q: SQL): Promise<Row[]> {
  const res = await db.execute(q);
  return res.rows as Row[];
}

const HEADLINE_OPTS = `StartSel=${HL_START}, StopSel=${HL_STOP}, HighlightAll=true`;
const SNIPPET_OPTS = `StartSel=${HL_START}, StopSel=${HL_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** The page of hits for ids, in that order, with headlines for a tsquery (or none). */
async function hydrate(db: DbOrTx, ids: string[], tsq: SQL | null): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  // ts_headline drops what looks like an HTML tag: angle brackets travel as private-use characters.
  const guard = (x: SQL) => sql`translate(${x}, '<>', ${LT_GT})`;
  const title = tsq
    ? sql`ts_headline('russian', ${guard(sql`e.title`)}, ${tsq}, ${HEADLINE_OPTS})`
    : sql`e.title`;
  const snippet = tsq
    ? sql`case when e.tsv @@ ${tsq} then ts_headline('russian', ${guard(sql`left(e.body, 20000) || ' ' || left(e.attachment_text, 20000)`)}, ${tsq}, ${SNIPPET_OPTS}) else e.summary end`
    : sql`e.summary`;
  const found = await rows(
    db,
    sql`select e.id, e.type, e.org_id, e.url, ${title} as title, ${snippet} as snippet, e.published_at,
          e.topics, e.tags, e.doc_type, e.doc_number, e.doc_date::text as doc_date, e.doc_status, e.issuer_org_id
        from search_entries e where e.id = any(${sql.param(ids)}::text[])`,
  );
  const byId = new Map(found.map((r) => [r.id as string, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id,
        type: r.type as string,
        orgId: (r.org_id as string | null) ?? null,
        url: r.url as string,
        title: splitHighlight(String(r.title ?? '')),
        snippet: splitHighlight(String(r.snippet ?? '').slice(0, 1200)),
        publishedAt: new Date(r.published_at as string),
        topics: (r.topics as string[]) ?? [],
        tags: (r.tags as string[]) ?? [],
        docType: (r.doc_type as string | null) ?? null,
        docNumber: (r.doc_number as string | null) ?? null,
        docDate: (r.doc_date as string | null) ?? null,
        docStatus: (r.doc_status as string | null) ?? null,
        issuerOrgId: (r.issuer_org_id as string | null) ?? null,
      },
    ];
  });
}

const FACET_SQL = (from: SQL) => sql`
  select 'org' as f, org_id::text as k, count(*)::int as n from ${from} m where org_id is not null group by org_id
  union all select 'type', type, count(*)::int from ${from} m group by type
  union all select 'year', year::text, count(*)::int from ${from} m group by year
  union all select 'topic', t, count(*)::int from ${from} m, unnest(m.topics) t group by t
  union all select 'count', null, count(*)::int from ${from} m`;

function facetsFrom(facetRows: Row[]) {
  const facets = {
    org: [] as FacetCount[],
    type: [] as FacetCount[],
    topic: [] as FacetCount[],
    year: [] as FacetCount[],
  };
  for (const r of facetRows)
    if (String(r.f) in facets)
      facets[r.f as keyof typeof facets].push({ key: String(r.k), count: Number(r.n) });
  for (const list of Object.values(facets))
    list.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  facets.year.sort((a, b) => Number(b.key) - Number(a.key));
  return facets;
}

/** The count of a bounded set (at most COUNT_CAP rows) from its facet rows. */
function countOf(facetRows: Row[]) {
  const n = Number(facetRows.find((r) => r.f === 'count')?.n ?? 0);
  return { total: Math.min(n, COUNT_CAP), capped: n >= COUNT_CAP, facetsPartial: n >= FACET_SET };
}

async function countAndFacets(db: DbOrTx, match: SQL) {
  const facetRows = await rows(
    db,
    sql`with m0 as materialized (select org_id, type, year, topics from search_entries ${match} order by published_at desc limit ${FACET_SET})
        ${FACET_SQL(sql`m0`)}`,
  );
  return { ...countOf(facetRows), facets: facetsFrom(facetRows) };
}

function isTimeout(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '57014' || e?.cause?.code === '57014';
}

export type SearchOptions = {
  /** per search, in milliseconds (default 1500): every statement of the ranked search shares it */
  statementTimeoutMs?: number;
  /** the fallback's own limit (default 400), so that a search answers within about 2 s */
  fallbackTimeoutMs?: number;
};

/** The best-known spelling of each word, from title words, when a word is not among them. */
export async function suggestSpelling(db: DbOrTx, q: string): Promise<string | null> {
  const words = q.toLowerCase().match(/\p{L}{3,40}/gu) ?? [];
  if (words.length === 0 || words.length > 8) return null;
  let changed = false;
  let out = q;
  for (const w of new Set(words)) {
    const [exact] = await rows(db, sql`select 1 from search_words where word = ${w}`);
    if (exact) continue;
    const [best] = await rows(
      db,
      sql`select word from search_words where word % ${w} order by similarity(word, ${w}) desc, word limit 1`,
    );
    if (best?.word && best.word !== w) {
      out = out.replace(new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu'), String(best.word));
      changed = true;
    }
  }
  return changed ? out : null;
}

/**
 * How search entries spread over publication dates: the planner's histogram of published_at (about a
 * hundred bounds, each bucket the same number of rows) and the table's row count. Kept per pool for
 * a minute: it only steers how many rows a window of newest entries takes, never what is found, so
 * processes may differ and a stale copy costs at most one more round.
 */
type DateSpread = { rows: number; bounds: number[]; at: number };
const spreads = new WeakMap<object, DateSpread>();

async function dateSpread(db: Db, tx: DbOrTx): Promise<DateSpread> {
  const known = spreads.get(db);
  if (known && Date.now() - known.at < SPREAD_TTL_MS) return known;
  const [r] = await rows(
    tx,
    sql`select c.reltuples::float8 as n,
          (select array_to_json(s.histogram_bounds::text::timestamptz[]) from pg_stats s
            where s.schemaname = n.nspname and s.tablename = c.relname and s.attname = 'published_at') as b
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.oid = 'search_entries'::regclass`,
  );
  const spread = {
    rows: Math.max(0, Number(r?.n ?? 0)),
    bounds: ((r?.b as string[] | null) ?? []).map((d) => Date.parse(d)),
    at: Date.now(),
  };
  spreads.set(db, spread);
  return spread;
}

/**
 * Where a window of about `k` newest rows published before `upper` starts, by the histogram; null
 * when it would take (nearly) everything, or nothing is known.
 */
function windowStart(s: DateSpread, upper: number | null, k: number): Date | null {
  const b = s.bounds;
  const buckets = b.length - 1;
  if (buckets < 2 || s.rows <= 0) return null;
  let top = buckets;
  if (upper !== null) {
    const i = b.findIndex((t) => t >= upper);
    if (i >= 0) top = i;
  }
  const j = Math.floor(top - (k / s.rows) * buckets);
  return j > 0 ? new Date(b[j] as number) : null;
}

/** The latest publication moment the date filters allow (a day's margin for the time zone), or null. */
function publishedBefore(p: SearchParams): number | null {
  const DAY = 86_400_000;
  const ends: number[] = [];
  if (p.to) ends.push(Date.parse(`${p.to}T00:00:00Z`) + 2 * DAY);
  if (p.years?.length) ends.push(Date.UTC(Math.max(...p.years) + 1, 0, 1) + DAY);
  const e = ends.filter(Number.isFinite);
  return e.length ? Math.min(...e) : null;
}

/** One search over the index: full text with facets, or a browse by filters when there is no text. */
export async function searchEntriesQuery(
  db: Db,
  params: SearchParams,
  opts: SearchOptions = {},
): Promise<SearchResult> {
  const q = cleanQuery(params.q);
  const perPage = Math.min(Math.max(params.perPage ?? 20, 1), 100);
  const page = Math.min(Math.max(params.page ?? 1, 1), Math.floor(COUNT_CAP / perPage));
  const offset = (page - 1) * perPage;
  const filters = filtersOf(params);
  const base = { query: q, page, perPage, suggestion: null };
  const timeout = Math.max(1, Math.floor(opts.statementTimeoutMs ?? 1500));
  const fallbackTimeout = Math.max(1, Math.floor(opts.fallbackTimeoutMs ?? 400));
  const inTx = <T>(ms: number, f: (tx: DbOrTx) => Promise<T>, bitmaps = false) =>
    db.transaction(async (tx) => {
      // One statement for the transaction's settings. Checking @@ row by row decompresses every
      // tsvector, the GIN bitmap needs no such check: no sequential scans, and for a ranked search no
      // walk down the date index unless the word is frequent (see `ranked`). No parallel workers:
      // a search reads a bounded set, and on a small machine the workers take the cores other
      // searches need.
      await tx.execute(
        sql`select set_config('statement_timeout', ${String(ms)}, true), set_config('enable_seqscan', 'off', true),
              set_config('max_parallel_workers_per_gather', '0', true)${bitmaps ? sql`, set_config('enable_indexscan', 'off', true)` : sql``}`,
      );
      return f(tx);
    });

  if (!q) {
    // Browse: newest first (documents by their date when requisites are asked for).
    const order =
      params.docType || params.number || params.docFrom || params.docTo
        ? sql`doc_date desc nulls last, published_at desc`
        : sql`published_at desc`;
    // A browse that runs out of time (a number prefix in tens of thousands of documents on a
    // busy server) answers like a search that did: nothing found in time, «уточните запрос».
    return inTx(timeout, async (tx) => {
      const match = where(filters);
      const ids = await rows(
        tx,
        sql`select id from search_entries ${match} order by ${order} limit ${perPage} offset ${offset}`,
      );
      const cf = await countAndFacets(tx, match);
      return {
        ...base,
        ...cf,
        mode: 'browse' as const,
        items: await hydrate(
          tx,
          ids.map((r) => String(r.id)),
          null,
        ),
      };
    }).catch((err): SearchResult => {
      if (!isTimeout(err)) throw err;
      return { ...base, items: [], total: 0, capped: true, facets: null, mode: 'timeout' };
    });
  }

  const tsq = sql`websearch_to_tsquery('russian', ${q})`;
  // A cited document (its requisites) joins the words' matches and, by relevance, comes first.
  const parsed = params.citation === false ? null : parseCitation(q, searchVocabulary().docTypes.values());
  const cite = parsed ? citationSql(parsed) : null;
  const matchCond = cite ? sql`(tsv @@ ${tsq} or ${cite.cond})` : sql`tsv @@ ${tsq}`;
  const match = where([matchCond, ...filters]);
  const citeScore = cite ? cite.score : sql`0`;
  let newestEmpty = false;
  const ranked = async (tx: DbOrTx) => {
    const started = performance.now();
    const order =
      params.sort === 'date'
        ? sql`published_at desc`
        : sql`cite desc, ts_rank(tsv, ${tsq}, 1) desc, published_at desc`;
    // Which candidates: for a word most items contain, walking the date index stops after a
    // few thousand rows; for rarer ones the GIN bitmap is far cheaper than checking each row's
    // tsvector on the way down the date index (a cost the planner does not see).
    const [plan] = await rows(tx, sql`explain (format json) select 1 from search_entries ${match}`);
    const estimated = Number(
      (plan?.['QUERY PLAN'] as { Plan?: { 'Plan Rows'?: number } }[] | undefined)?.[0]?.Plan?.['Plan Rows'] ??
        0,
    );
    const bitmap = estimated < BITMAP_BELOW;
    if (!bitmap) await tx.execute(sql.raw('set local enable_indexscan = on'));
    // One pass over the bounded candidate set gives both the page and the facets.
    const pass = (from: Date | null) =>
      rows(
        tx,
        sql`with cand as materialized (
            select id, tsv, published_at, org_id, type, year, topics, ${citeScore} as cite from search_entries
            ${from ? where([matchCond, ...filters, sql`published_at >= ${from.toISOString()}::timestamptz`]) : match}
            order by ${cite ? sql`cite desc, ` : sql``}published_at desc limit ${CANDIDATES}),
          page as (select id, row_number() over (order by ${order}) as rn from cand order by ${order} limit ${perPage} offset ${offset})
          select 'hit' as f, id as k, rn::int as n from page
          union all ${FACET_SQL(sql`cand`)}`,
      );
    // The bitmap of a word in a tenth of the items still points at rows all over the table, and
    // each must be read to sort them by date. The candidates are the newest CANDIDATES matches, so
    // look first in a window of the newest rows that should hold them (the bitmap ANDed with the
    // date index's); a window that yields CANDIDATES matches holds exactly the newest ones, one
    // that yields fewer is widened by what it found, and the third pass takes everything.
    let passes = 0;
    const run = async (from: Date | null) => {
      if (passes++ > 0) {
        // Later passes share the search's time: the next statement gets what is left of it. (A
        // phrase whose words often meet but never side by side reads every such row to say so.)
        const left = Math.floor(timeout - (performance.now() - started));
        if (left < 1) throw Object.assign(new Error('search time is up'), { code: '57014' });
        await tx.execute(sql.raw(`set local statement_timeout = ${left}`));
      }
      return pass(from);
    };
    let out: Row[] | null = null;
    if (bitmap && !cite && estimated >= CANDIDATES) {
      const spread = await dateSpread(db, tx);
      const upper = publishedBefore(params);
      let k = Math.min(WINDOW_MAX, Math.ceil(((CANDIDATES * spread.rows) / estimated) * WINDOW_MARGIN));
      for (let round = 0; round < 2 && !out; round++) {
        const from = windowStart(spread, upper, k);
        if (!from) break;
        const found = await run(from);
        const n = countOf(found).total;
        if (round === 0 && n === 0) newestEmpty = true;
        if (n >= CANDIDATES) out = found;
        else k = n > 0 ? k * Math.max(2, (CANDIDATES / n) * WINDOW_MARGIN) : k * 16;
      }
    }
    out ??= await run(null);
    const ids = out
      .filter((r) => r.f === 'hit')
      .sort((a, b) => Number(a.n) - Number(b.n))
      .map((r) => String(r.k));
    return { ...countOf(out), facets: facetsFrom(out), items: await hydrate(tx, ids, tsq) };
  };

  let result: SearchResult;
  try {
    result = { ...base, ...(await inTx(timeout, ranked, true)), mode: 'ranked' };
  } catch (err) {
    if (!isTimeout(err)) throw err;
    // The newest rows held no match at all (a phrase whose words meet often but never side by
    // side): newest first would read past them to the same end, so say so without trying.
    if (newestEmpty) return { ...base, items: [], total: 0, capped: true, facets: null, mode: 'timeout' };
    // Too many matches to rank in time: newest first, no ranking, no facets.
    try {
      return await inTx(fallbackTimeout, async (tx) => {
        const ids = await rows(
          tx,
          sql`select id from search_entries ${match} order by published_at desc limit ${perPage} offset ${offset}`,
        );
        return {
          ...base,
          items: await hydrate(
            tx,
            ids.map((r) => String(r.id)),
            null,
          ),
          total: ids.length + offset,
          capped: true,
          facets: null,
          mode: 'timeout' as const,
        };
      });
    } catch (err2) {
      if (!isTimeout(err2)) throw err2;
      return { ...base, items: [], total: 0, capped: true, facets: null, mode: 'timeout' };
    }
  }
  if (result.total > 3 || page > 1) return result;

  // Few or no matches: perhaps a typo.
  const suggestion = await inTx(timeout, (tx) => suggestSpelling(tx, q)).catch(() => null);
  if (result.total > 0 || !suggestion) {
    if (result.total > 0) return { ...result, suggestion };
  } else {
    const again = await searchEntriesQuery(db, { ...params, q: suggestion }, opts);
    if (again.total > 0) return { ...again, query: q, suggestion, mode: 'suggestion' };
  }
  // Still nothing: titles that look like a short query (trigram word similarity; a long
  // query has too many trigrams for the index to narrow anything down).
  if ((q.match(/\p{L}+/gu) ?? []).length > 2) return { ...result, suggestion };
  const similar = await inTx(timeout, async (tx) => {
    const ids = await rows(
      tx,
      sql`select id from search_entries ${where([sql`${q} <% title`, ...filters])}
          order by ${q} <<-> title, published_at desc limit ${perPage}`,
    );
    return hydrate(
      tx,
      ids.map((r) => String(r.id)),
      null,
    );
  }).catch((err) => {
    if (isTimeout(err)) return [];
    throw err;
  });
  if (similar.length === 0) return { ...result, suggestion };
  return { ...result, items: similar, total: similar.length, capped: false, suggestion, mode: 'similar' };
}

export type LegalEntry = {
  id: string;
  orgId: string | null;
  title: string;
  url: string;
  docType: string | null;
  docNumber: string | null;
  docDate: string | null;
  topics: string[];
  tags: string[];
};

/** Documents in force (statuses the modules mark inForce), newest first, optionally by org and topics. */
export async function legalReferenceQuery(
  db: DbOrTx,
  p: { statuses: string[]; orgId?: string | undefined; topics?: string[] | undefined; limit?: number },
): Promise<LegalEntry[]> {
  if (p.statuses.length === 0) return [];
  const w: SQL[] = [sql`doc_status = any(${sql.param(p.statuses)}::text[])`];
  if (p.orgId) w.push(sql`(org_id = ${p.orgId}::uuid or issuer_org_id = ${p.orgId}::uuid)`);
  if (p.topics?.length) w.push(sql`topics && ${sql.param(p.topics)}::text[]`);
  const found = await rows(
    db,
    sql`select id, org_id, title, url, doc_type, doc_number, doc_date::text as doc_date, topics, tags
        from search_entries ${where(w)} order by published_at desc limit ${p.limit ?? 3000}`,
  );
  return found.map((r) => ({
    id: String(r.id),
    orgId: (r.org_id as string | null) ?? null,
    title: String(r.title),
    url: String(r.url),
    docType: (r.doc_type as string | null) ?? null,
    docNumber: (r.doc_number as string | null) ?? null,
    docDate: (r.doc_date as string | null) ?? null,
    topics: (r.topics as string[]) ?? [],
    tags: (r.tags as string[]) ?? [],
  }));
}

/** Newest entries of some types, for Atom feeds and subscription mails. */
export async function latestEntries(
  db: DbOrTx,
  p: { types?: string[]; orgId?: string; docTypes?: readonly string[]; limit: number },
): Promise<
  {
    id: string;
    type: string;
    orgId: string | null;
    title: string;
    summary: string;
    url: string;
    publishedAt: Date;
    updatedAt: Date;
  }[]
> {
  const w: SQL[] = [];
  if (p.types) w.push(sql`type = any(${sql.param(p.types)}::text[])`);
  if (p.orgId) w.push(sql`org_id = ${p.orgId}::uuid`);
  if (p.docTypes) w.push(sql`doc_type = any(${sql.param([...p.docTypes])}::text[])`);
  const found = await rows(
    db,
    sql`select id, type, org_id, title, summary, url, published_at, updated_at from search_entries ${where(w)}
        order by published_at desc limit ${p.limit}`,
  );
  return found.map((r) => ({
    id: String(r.id),
    type: String(r.type),
    orgId: (r.org_id as string | null) ?? null,
    title: String(r.title),
    summary: String(r.summary),
    url: String(r.url),
    publishedAt: new Date(r.published_at as string),
    updatedAt: new Date(r.updated_at as string),
  }));
}
