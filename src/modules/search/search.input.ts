import { z } from 'zod';
import { apiInput } from '../../platform/http/api.ts';
import type { SearchParams } from '../../platform/search/index.ts';

/** A list from repeated GET params (?type=a&type=b) or one comma-separated value. */
export function listOf(v: unknown, max = 20): string[] {
  const raw = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return [
    ...new Set(
      raw
        .filter((x): x is string => typeof x === 'string')
        .flatMap((x) => x.split(','))
        .map((x) => x.trim())
        .filter((x) => x.length > 0 && x.length <= 200),
    ),
  ].slice(0, max);
}

export function firstOf(v: unknown): string | undefined {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : undefined;
}

/** A date typed by a person: ДД.ММ.ГГГГ or ГГГГ-ММ-ДД → YYYY-MM-DD; null when it is not a real date. */
export function parseDay(s: string | undefined): string | null | undefined {
  const t = s?.trim();
  if (!t) return undefined;
  const m = t.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/) ?? t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (!m) return null;
  const [d, mo, y] = t.includes('.') ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return null;
  if (Number(y) < 1900 || Number(y) > 2200) return null;
  return iso;
}

/** What the search page and the API take, before organisation slugs become ids. */
export type SearchRequest = Omit<SearchParams, 'orgIds' | 'issuerOrgId'> & {
  orgSlugs: string[];
  issuerSlug?: string | undefined;
};

const csv = (d: string) => z.string().max(2000).optional().describe(d);
const day = (d: string) => z.iso.date().optional().describe(`${d} (YYYY-MM-DD)`);

/** GET /api/v1/search: strict, unknown params are a 400. */
export const searchApiQuery = apiInput({
  q: z.string().max(10_000).optional().describe('текст запроса / query text'),
  type: csv('типы материалов через запятую / content types, comma-separated'),
  org: csv('организации (slug) через запятую / organisations by slug, comma-separated'),
  topic: csv('темы через запятую / topics, comma-separated'),
  year: csv('годы публикации через запятую / publication years, comma-separated'),
  from: day('опубликовано с / published from'),
  to: day('опубликовано по / published to'),
  docType: z.string().max(100).optional().describe('вид документа / document type'),
  number: z.string().max(100).optional().describe('номер документа / document number'),
  numberMode: z
    .enum(['exact', 'prefix'])
    .default('exact')
    .describe('номер точно или начало / exact or prefix'),
  docFrom: day('дата документа с / document date from'),
  docTo: day('дата документа по / document date to'),
  status: csv('статусы документа через запятую / document statuses, comma-separated'),
  issuer: z.string().max(100).optional().describe('принявший орган (slug) / issuing organisation'),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});

export type SearchApiQuery = z.infer<typeof searchApiQuery>;

export function requestFromApi(q: SearchApiQuery): SearchRequest {
  return {
    q: q.q,
    types: listOf(q.type),
    orgSlugs: listOf(q.org),
    topics: listOf(q.topic),
    years: listOf(q.year)
      .map(Number)
      .filter((n) => Number.isInteger(n)),
    from: q.from,
    to: q.to,
    docType: q.docType,
    number: q.number,
    numberMode: q.numberMode,
    docFrom: q.docFrom,
    docTo: q.docTo,
    status: listOf(q.status),
    issuerSlug: q.issuer,
    sort: q.sort,
    page: q.page,
    perPage: q.perPage,
  };
}

export type PageForm = { values: Record<string, string>; errors: { field: string; message: string }[] };

/**
 * The search page's GET params, leniently: a value that makes no sense is
 * dropped (or, for a typed date, reported beside its field), never a 4xx.
 */
export function requestFromPage(raw: Record<string, unknown>): { req: SearchRequest; form: PageForm } {
  const values: Record<string, string> = {};
  const errors: PageForm['errors'] = [];
  for (const k of ['q', 'docType', 'number', 'numberMode', 'docFrom', 'docTo', 'issuer', 'sort']) {
    const v = firstOf(raw[k]);
    if (v !== undefined) values[k] = v.slice(0, 10_000);
  }
  const dateField = (k: 'docFrom' | 'docTo' | 'from' | 'to') => {
    const parsed = parseDay(firstOf(raw[k]));
    if (parsed === null) {
      errors.push({ field: k, message: 'search.date.invalid' });
      return undefined;
    }
    return parsed;
  };
  const page = Number(firstOf(raw.page));
  const status = listOf(raw.status);
  if (status[0]) values.status = status[0];
  const req: SearchRequest = {
    q: values.q,
    types: listOf(raw.type),
    orgSlugs: listOf(raw.org),
    topics: listOf(raw.topic),
    years: listOf(raw.year)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 1900 && n < 2200),
    from: dateField('from'),
    to: dateField('to'),
    docType: values.docType || undefined,
    number: values.number?.slice(0, 100) || undefined,
    numberMode: values.numberMode === 'prefix' ? 'prefix' : 'exact',
    docFrom: dateField('docFrom'),
    docTo: dateField('docTo'),
    status,
    issuerSlug: values.issuer || undefined,
    sort: values.sort === 'date' ? 'date' : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
    perPage: 20,
  };
  return { req, form: { values, errors } };
}

/** The query string of a request, for links (facets, pages, sort); `over` replaces keys, undefined drops them. */
export function searchHref(
  req: SearchRequest,
  over: Partial<Record<string, string | string[] | undefined>> = {},
  base = '/search',
): string {
  const p = new URLSearchParams();
  const cur: Record<string, string | string[] | undefined> = {
    q: req.q,
    type: req.types,
    org: req.orgSlugs,
    topic: req.topics,
    year: req.years?.map(String),
    from: req.from,
    to: req.to,
    docType: req.docType,
    number: req.number,
    numberMode: req.number && req.numberMode === 'prefix' ? 'prefix' : undefined,
    docFrom: req.docFrom,
    docTo: req.docTo,
    status: req.status,
    issuer: req.issuerSlug,
    sort: req.sort === 'date' ? 'date' : undefined,
    page: req.page && req.page > 1 ? String(req.page) : undefined,
    ...over,
  };
  for (const [k, v] of Object.entries(cur)) {
    if (v === undefined || v === '') continue;
    for (const x of Array.isArray(v) ? v : [v]) if (x) p.append(k, x);
  }
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

/** Subscription form (POST /subscriptions). */
export const subscriptionInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('org'),
      org: z.string({ message: 'subs.org.required' }).trim().min(1, 'subs.org.required'),
    }),
    z.object({
      kind: z.literal('topic'),
      topic: z
        .string({ message: 'subs.topic.required' })
        .trim()
        .min(1, 'subs.topic.required')
        .max(100, 'subs.topic.required'),
    }),
    z.object({
      kind: z.literal('query'),
      q: z
        .string({ message: 'subs.query.required' })
        .trim()
        .min(1, 'subs.query.required')
        .max(300, 'subs.query.tooLong'),
      params: z.string().max(4000).optional(),
    }),
    // following one object (follow.ts): posted by the follow page, never typed
    z.object({
      kind: z.literal('follow'),
      object: z.string().regex(/^[a-z_]{1,40}$/, 'subs.follow.unknown'),
      id: z.string().uuid('subs.follow.unknown'),
    }),
  ],
  { message: 'subs.kind.required' },
);
export type SubscriptionInput = z.infer<typeof subscriptionInput>;
