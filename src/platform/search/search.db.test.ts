import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { defineSearchSource, searchEntriesQuery, searchIndex } from './index.ts';
import { COUNT_CAP, legalReferenceQuery } from './query.ts';

defineSearchSource({
  module: 'testdocs',
  types: [
    { key: 't_document', ru: 'Документ', en: 'Document', feed: 'documents', requisites: true },
    { key: 't_news', ru: 'Новость', en: 'News', feed: 'news' },
  ],
  topics: [{ key: 'social', ru: 'Социальная поддержка', en: 'Social support' }],
  docTypes: [{ key: 'postanovlenie', ru: 'Постановление', en: 'Resolution' }],
  docStatuses: [
    { key: 'in_force', ru: 'Действует', en: 'In force', inForce: true },
    { key: 'repealed', ru: 'Утратил силу', en: 'Repealed', inForce: false },
  ],
});

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps();
  const put = (e: Parameters<typeof searchIndex.upsert>[1]) => searchIndex.upsert(deps.db, e);
  await put({
    id: 'doc:1',
    module: 'testdocs',
    type: 't_document',
    orgId: ORG_A,
    title: 'Об утверждении порядка рассмотрения обращений граждан',
    body: 'Настоящий порядок устанавливает сроки. <script>alert(1)</script> Ответ направляется заявителю.',
    url: '/docs/1',
    publishedAt: new Date('2026-02-01T10:00:00Z'),
    topics: ['social'],
    tags: ['обращения'],
    requisites: { docType: 'postanovlenie', number: '12-П', date: '2026-02-01', status: 'in_force' },
  });
  await put({
    id: 'doc:2',
    module: 'testdocs',
    type: 't_document',
    orgId: ORG_B,
    title: 'О внесении изменений в регламент',
    body: 'Изменения касаются бюджета. Бюджет муниципального образования, бюджет области, бюджет поселения.',
    attachmentText: 'Приложение: таблица распределения субсидий на капитальный ремонт крыш',
    url: '/docs/2',
    publishedAt: new Date('2025-06-10T10:00:00Z'),
    requisites: { docType: 'postanovlenie', number: '125', date: '2025-06-10', status: 'repealed' },
  });
  await put({
    id: 'doc:3',
    module: 'testdocs',
    type: 't_document',
    orgId: ORG_A,
    title: 'О бюджете городского округа на 2026 год',
    body: 'Утвердить основные характеристики.',
    url: '/docs/3',
    publishedAt: new Date('2025-12-20T10:00:00Z'),
    requisites: { docType: 'postanovlenie', number: '7', date: '2025-12-20', status: 'in_force' },
  });
  await put({
    id: 'news:1',
    module: 'testdocs',
    type: 't_news',
    orgId: ORG_A,
    title: 'Губернатор провёл личный приём граждан',
    body: 'На приёме поступило обращение о ремонте дороги.',
    url: '/news/1',
    publishedAt: new Date('2026-03-01T10:00:00Z'),
    topics: ['social'],
  });
});
afterAll(async () => {
  await deps?.close();
});

describe('search index', () => {
  it('finds words in other grammatical forms (russian configuration) and marks them', async () => {
    const r = await searchEntriesQuery(deps.db, { q: 'обращения' });
    expect(r.mode).toBe('ranked');
    expect(r.items.map((i) => i.id).sort()).toEqual(['doc:1', 'news:1']);
    const doc = r.items.find((i) => i.id === 'doc:1');
    expect(doc?.title.filter((p) => p.hit).map((p) => p.text)).toEqual(['обращений']);
  });

  it('ranks a title match above body matches', async () => {
    const r = await searchEntriesQuery(deps.db, { q: 'бюджет' });
    expect(r.items.map((i) => i.id)).toEqual(['doc:3', 'doc:2']);
  });

  it('finds attachment text', async () => {
    const r = await searchEntriesQuery(deps.db, { q: 'капитальный ремонт крыши' });
    expect(r.items.map((i) => i.id)).toEqual(['doc:2']);
    expect(r.items[0]?.snippet.some((p) => p.hit && p.text.startsWith('крыш'))).toBe(true);
  });

  it('sorts by date on request', async () => {
    const r = await searchEntriesQuery(deps.db, { q: 'бюджет', sort: 'date' });
    expect(r.items.map((i) => i.id)).toEqual(['doc:3', 'doc:2']);
    const r2 = await searchEntriesQuery(deps.db, { q: 'граждан', sort: 'date' });
    expect(r2.items.map((i) => i.id)).toEqual(['news:1', 'doc:1']);
  });

  it('tolerates typos: suggests the right word and shows its results', async () => {
    const r = await searchEntriesQuery(deps.db, { q: 'обрашений' });
    expect(r.suggestion).toBe('обращений');
    expect(r.mode).toBe('suggestion');
    expect(r.items.map((i) => i.id)).toContain('doc:1');
  });

  it('counts facets by organisation, type, topic and year, and filters by them', async () => {
    const r = await searchEntriesQuery(deps.db, {});
    expect(r.mode).toBe('browse');
    expect(r.total).toBe(4);
    expect(r.facets?.type).toEqual([
      { key: 't_document', count: 3 },
      { key: 't_news', count: 1 },
    ]);
    expect(r.facets?.org).toEqual([
      { key: ORG_A, count: 3 },
      { key: ORG_B, count: 1 },
    ]);
    expect(r.facets?.year).toEqual([
      { key: '2026', count: 2 },
      { key: '2025', count: 2 },
    ]);
    expect(r.facets?.topic).toEqual([{ key: 'social', count: 2 }]);
    const f = await searchEntriesQuery(deps.db, { topics: ['social'], types: ['t_document'] });
    expect(f.items.map((i) => i.id)).toEqual(['doc:1']);
    const y = await searchEntriesQuery(deps.db, { years: [2025], orgIds: [ORG_B] });
    expect(y.items.map((i) => i.id)).toEqual(['doc:2']);
  });

  it('searches by requisites: number exact and prefix, type, date range, status, issuer', async () => {
    const ids = async (p: Parameters<typeof searchEntriesQuery>[1]) =>
      (await searchEntriesQuery(deps.db, p)).items.map((i) => i.id);
    expect(await ids({ number: '№ 12-п' })).toEqual(['doc:1']);
    expect(await ids({ number: '12', numberMode: 'prefix' })).toEqual(['doc:1', 'doc:2']);
    expect(await ids({ number: '12' })).toEqual([]);
    expect(await ids({ docType: 'postanovlenie', docFrom: '2025-12-01', docTo: '2026-01-31' })).toEqual([
      'doc:3',
    ]);
    expect(await ids({ status: ['repealed'] })).toEqual(['doc:2']);
    expect(await ids({ issuerOrgId: ORG_B })).toEqual(['doc:2']);
    // the number is also a word of the document
    expect(await ids({ q: '12-П' })).toEqual(['doc:1']);
  });

  it('treats any text as words, never as SQL or operators', async () => {
    const hostile = [
      '"',
      '&|!():*',
      '"обращения',
      "'; drop table search_entries; --",
      '!!!& | <-> :* (',
      '中华人民共和国 政府',
      'а'.repeat(10_000),
      '\u0000\u0001 обращения',
      'or and not -',
    ];
    for (const q of hostile) {
      const r = await searchEntriesQuery(deps.db, { q });
      expect(r.page).toBe(1);
    }
    const r = await searchEntriesQuery(deps.db, { q: 'обращения -губернатор' });
    expect(r.items.map((i) => i.id)).toEqual(['doc:1']);
    expect(await searchIndex.count(deps.db)).toBe(4);
  });

  it('lists documents in force for the legal reference', async () => {
    const all = await legalReferenceQuery(deps.db, { statuses: ['in_force'] });
    expect(all.map((e) => e.id)).toEqual(['doc:1', 'doc:3']);
    const social = await legalReferenceQuery(deps.db, { statuses: ['in_force'], topics: ['social'] });
    expect(social.map((e) => e.id)).toEqual(['doc:1']);
  });

  it('falls back to newest first when ranking a frequent word times out', async () => {
    await deps.db.execute(sql`
      insert into search_entries (id, module, type, org_id, title, body, url, published_at, year)
      select 'gen:' || g, 'testgen', 't_document', ${ORG_B}::uuid,
             'Постановление правительства области № ' || g,
             repeat('Развитие Калининградской области, программы области и бюджет области. ', 20),
             '/gen/' || g, timestamptz '2024-01-01' + g * interval '1 minute', 2024
      from generate_series(1, 20000) g`);
    const fast = await searchEntriesQuery(
      deps.db,
      { q: 'область' },
      { statementTimeoutMs: 1, fallbackTimeoutMs: 10_000 },
    );
    expect(fast.mode).toBe('timeout');
    expect(fast.facets).toBeNull();
    expect(fast.items.map((i) => i.id).slice(0, 3)).toEqual(['doc:2', 'gen:20000', 'gen:19999']);
    const full = await searchEntriesQuery(deps.db, { q: 'область' }, { statementTimeoutMs: 60_000 });
    expect(full.mode).toBe('ranked');
    expect(full.total).toBe(COUNT_CAP);
    expect(full.capped).toBe(true);
  });

  it('answers a browse by requisites that runs out of time with «timeout», not an error', async () => {
    // the 20,000 entries of the test above: their facets cannot be counted within 1 ms
    const late = await searchEntriesQuery(deps.db, { types: ['t_document'] }, { statementTimeoutMs: 1 });
    expect(late.mode).toBe('timeout');
    expect(late.items).toEqual([]);
    expect(late.facets).toBeNull();
    const inTime = await searchEntriesQuery(deps.db, { types: ['t_document'] });
    expect(inTime.mode).toBe('browse');
    expect(inTime.total).toBe(COUNT_CAP);
  });
});
