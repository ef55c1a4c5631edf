import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { seedSearchFixtures } from '../../../../test/search-fixtures.ts';
import { searchIndex } from '../../../platform/search/index.ts';

let t: TestApp;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  ({
    org: { id: orgId },
  } = await seedSearchFixtures(t.deps));
});
afterAll(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ url });

describe('/search', () => {
  it('finds a document by a word in another form and marks the match, escaping content', async () => {
    const res = await get(`/search?q=${encodeURIComponent('обращение')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<mark>обращений</mark>');
    expect(res.body).toContain('href="/orgs/minzdrav/documents/fx1"');
    expect(res.body).toContain('href="/orgs/minzdrav/press/fx3"');
    const x = await get(`/search?q=${encodeURIComponent('льготный проезд')}`);
    expect(x.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(x.body).not.toContain('<script>alert(1)');
  });

  it('answers any query with a page, never a 500', async () => {
    const queries = [
      '"',
      '"обращения',
      '&|!():*',
      'обращения & | ! ( ) : * <->',
      "'; drop table search_entries; --",
      '1 OR 1=1',
      '中华人民共和国',
      'x'.repeat(10_000),
      '%00%01',
      '\\',
    ];
    for (const q of queries) {
      const res = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q.slice(0, 30)).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
    const arrays = await get('/search?q=a&q=b&page=-1&page=x&year=abc&type=&org=%00&sort=evil');
    expect(arrays.statusCode).toBe(200);
    const still = await get(`/search?q=${encodeURIComponent('обращения')}`);
    expect(still.body).toContain('/orgs/minzdrav/documents/fx1');
  });

  it('suggests a spelling for a typo', async () => {
    const res = await get(`/search?q=${encodeURIComponent('обрашений')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('обращений');
    expect(res.body).toContain('/orgs/minzdrav/documents/fx1');
  });

  it('filters by facets in GET params and shows their counts', async () => {
    const res = await get('/search?q=%D0%BE%D0%B1%D1%80%D0%B0%D1%89%D0%B5%D0%BD%D0%B8%D0%B5&type=fx_news');
    expect(res.body).toContain('/orgs/minzdrav/press/fx3');
    expect(res.body).not.toContain('/orgs/minzdrav/documents/fx1');
    const all = await get('/search?topic=fx_health');
    expect(all.body).toContain('Найдено: 2');
    expect(all.body).toMatch(/Документ \(тест\)<\/a> <span[^>]*>\(1\)/);
  });

  it('searches by requisites from the advanced form', async () => {
    const exact = await get('/search?number=45-%D0%9E%D0%94');
    expect(exact.body).toContain('/orgs/minzdrav/documents/fx1');
    expect(exact.body).not.toContain('/orgs/minzdrav/documents/fx2');
    const prefix = await get('/search?number=45&numberMode=prefix&docType=fx_prikaz');
    expect(prefix.body).toContain('/orgs/minzdrav/documents/fx1');
    expect(prefix.body).toContain('/orgs/minzdrav/documents/fx2');
    const dated = await get('/search?docFrom=01.01.2026&docTo=31.12.2026&issuer=minzdrav&status=fx_in_force');
    expect(dated.body).toContain('/orgs/minzdrav/documents/fx1');
    expect(dated.body).not.toContain('/orgs/minzdrav/documents/fx2');
    const bad = await get('/search?docFrom=31.02.2026');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Введите дату в виде ДД.ММ.ГГГГ');
  });

  it('finds organisations registered by the orgs module', async () => {
    const res = await get(`/search?q=${encodeURIComponent('министерство здравоохранения')}`);
    expect(res.body).toContain('href="/orgs/minzdrav"');
  });
});

describe('GET /api/v1/search', () => {
  it('returns JSON with hits, requisites and facets', async () => {
    const res = await get(
      `/api/v1/search?q=${encodeURIComponent('обращения')}&type=fx_document&org=minzdrav`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      id: 'fx:doc1',
      org: 'minzdrav',
      requisites: { docType: 'fx_prikaz', number: '45-од', date: '2026-02-10', issuer: 'minzdrav' },
    });
    expect(body.items[0].matched).toContain('обращений');
    expect(body.facets.org).toEqual([{ key: 'minzdrav', count: 1 }]);
    const dated = (await get('/api/v1/search?from=2026-01-01&to=2026-02-28&type=fx_document,fx_news')).json();
    expect(dated.items.map((i: { id: string }) => i.id)).toEqual(['fx:doc1']);
  });

  it('refuses unknown or malformed parameters with 400 problem+json', async () => {
    for (const url of [
      '/api/v1/search?qq=x',
      '/api/v1/search?from=yesterday',
      '/api/v1/search?page=0',
      '/api/v1/search?sort=best',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('answers hostile text with 200', async () => {
    for (const q of ['&|!():*', '"', 'x'.repeat(10_000), '中文']) {
      expect((await get(`/api/v1/search?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
    }
  });
});

type El = {
  getElementsByTagName(n: string): ArrayLike<El>;
  getAttribute(n: string): string | null;
  textContent: string | null;
  namespaceURI: string | null;
  tagName: string;
};
type AtomEntry = { id: string; title: string; updated: string; link: string | null };

/** Parse with xmlbuilder2 (a full XML parser: malformed XML throws) and read the Atom elements from its DOM. */
function parseAtom(xml: string): {
  feed: { ns: string | null; id: string; updated: string; title: string };
  entries: AtomEntry[];
} {
  const doc = create(xml).node as unknown as { documentElement: El };
  const root = doc.documentElement;
  const text = (el: El, tag: string) => {
    const all = Array.from(el.getElementsByTagName(tag));
    return String(all[0]?.textContent ?? '');
  };
  expect(root.tagName).toBe('feed');
  const entries = Array.from(root.getElementsByTagName('entry')).map((e) => ({
    id: text(e, 'id'),
    title: text(e, 'title'),
    updated: text(e, 'updated'),
    link: Array.from(e.getElementsByTagName('link'))[0]?.getAttribute('href') ?? null,
  }));
  const own = (tag: string) =>
    String(
      Array.from(root.getElementsByTagName(tag)).find(
        (x) => (x as unknown as { parentNode: unknown }).parentNode === root,
      )?.textContent ?? '',
    );
  return {
    feed: { ns: root.namespaceURI, id: own('id'), updated: own('updated'), title: own('title') },
    entries,
  };
}

describe('Atom feeds', () => {
  it('serves region-wide news and documents as valid Atom', async () => {
    const res = await get('/feeds/documents.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/atom\+xml/);
    const { feed, entries } = parseAtom(res.body);
    expect(feed.ns).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toMatch(/^http/);
    expect(feed.updated).toBe('2026-02-10T09:00:00.000Z');
    expect(entries.map((x) => x.title)).toEqual([
      'Об утверждении порядка рассмотрения обращений граждан в министерстве',
      'О льготном проезде <script>alert(1)</script>',
    ]);
    for (const x of entries) {
      expect(String(x.id)).toMatch(/^http:\/\//);
      expect(x.updated).toBeTruthy();
      expect(x.link).toBe(x.id);
    }
    const news = parseAtom((await get('/feeds/news.atom')).body);
    expect(news.entries.map((x) => x.title)).toEqual(['Министр ответил на обращения жителей Черняховска']);
  });

  it('serves per-organisation feeds; unknown ones are 404', async () => {
    const own = parseAtom((await get('/feeds/orgs/minzdrav/news.atom')).body);
    expect(own.entries).toHaveLength(1);
    const other = parseAtom((await get('/feeds/orgs/minobr/documents.atom')).body);
    expect(other.entries).toHaveLength(0);
    expect((await get('/feeds/orgs/no-such-org/news.atom')).statusCode).toBe(404);
    expect((await get('/feeds/orgs/minzdrav/other.atom')).statusCode).toBe(404);
  });
});

describe('legal reference', () => {
  it('lists documents in force by topic, region-wide and per organisation, with a topic filter', async () => {
    const res = await get('/legal-reference');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Здоровье (тест)');
    expect(res.body).toContain('/orgs/minzdrav/documents/fx1');
    expect(res.body).not.toContain('/orgs/minzdrav/documents/fx2');
    const org = await get('/orgs/minzdrav/legal-reference?topic=fx_health');
    expect(org.statusCode).toBe(200);
    expect(org.body).toContain('/orgs/minzdrav/documents/fx1');
    const other = await get('/orgs/minobr/legal-reference');
    expect(other.body).toContain('Действующих документов пока нет');
    // the only transport document is repealed: a topic no document in force has is ignored, all are shown
    const topicWithoutDocuments = await get('/legal-reference?topic=fx_transport');
    expect(topicWithoutDocuments.body).toContain('/orgs/minzdrav/documents/fx1');
    expect(topicWithoutDocuments.body).not.toMatch(/value="fx_transport"/);
    expect((await get('/orgs/nope/legal-reference')).statusCode).toBe(404);
  });

  it('narrows by a chosen topic and by a tag, and links each topic to the thematic search (9.3)', async () => {
    // a second document in force, on another topic, so that a filter has something to leave out
    await searchIndex.upsert(t.deps.db, {
      module: 'fixture',
      orgId,
      id: 'fx:doc4',
      type: 'fx_document',
      title: 'О расписании пригородных автобусов',
      body: 'Расписание утверждено на летний период.',
      url: '/orgs/minzdrav/documents/fx4',
      publishedAt: new Date('2026-02-20T09:00:00Z'),
      topics: ['fx_transport'],
      tags: ['расписание'],
      requisites: { docType: 'fx_prikaz', number: '60-од', date: '2026-02-20', status: 'fx_in_force' },
    });
    const all = await get('/legal-reference');
    expect(all.body).toContain('href="/orgs/minzdrav/documents/fx1"');
    expect(all.body).toContain('href="/orgs/minzdrav/documents/fx4"');

    const transport = await get('/legal-reference?topic=fx_transport');
    expect(transport.body).toMatch(/value="fx_transport" checked/);
    expect(transport.body).toContain('href="/orgs/minzdrav/documents/fx4"');
    expect(transport.body).not.toContain('href="/orgs/minzdrav/documents/fx1"');

    // a group's tags link to the reference filtered by that tag
    const tagHref = `/legal-reference?${new URLSearchParams({ tag: 'обращения граждан' })}`;
    expect(all.body).toContain(`href="${tagHref}"`);
    const byTag = await get(tagHref);
    expect(byTag.body).toContain('href="/orgs/minzdrav/documents/fx1"');
    expect(byTag.body).not.toContain('href="/orgs/minzdrav/documents/fx4"');

    // each topic links to /search on that topic and the statuses in force, which finds the same documents
    const searchHref = (html: string, topic: string) =>
      (html.match(new RegExp(`href="(/search\\?topic=${topic}[^"]*)"`))?.[1] ?? '').replace(/&amp;/g, '&');
    const health = searchHref(all.body, 'fx_health');
    expect(health).toContain('status=fx_in_force');
    const found = await get(health);
    expect(found.body).toContain('Найдено: 1');
    expect(found.body).toContain('href="/orgs/minzdrav/documents/fx1"');
    const orgLink = searchHref((await get('/orgs/minzdrav/legal-reference')).body, 'fx_transport');
    expect(orgLink).toContain('org=minzdrav');
    const foundInOrg = await get(orgLink);
    expect(foundInOrg.body).toContain('href="/orgs/minzdrav/documents/fx4"');
    expect(foundInOrg.body).not.toContain('href="/orgs/minzdrav/documents/fx2"');
  });
});
