import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { signedInAs, signIn } from '../../../test/auth.ts';
import { visitor } from '../../../test/forms.ts';
import { seedOrganizations } from '../../modules/orgs/index.ts';

/*
 * The shared cache of anonymous public pages (page-cache.ts, issue 11), through the real app with
 * the cache on (the test default is off): what it serves, what it never stores, and how long a
 * staff write may take to show.
 */
const TTL = 5000;
let t: TestApp;
let statements = 0;
beforeAll(async () => {
  t = await createTestApp({
    env: { PAGE_CACHE_TTL_MS: String(TTL) },
    onStatement: () => {
      statements++;
    },
  });
  await seedOrganizations(t.deps);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
/** a fresh start for each test: whatever an earlier one cached has expired */
const expireAll = () => t.deps.clock.advance(TTL);

describe('the page cache', () => {
  it('answers a repeated anonymous page from memory, without the database, and 304 to a matching tag', async () => {
    expireAll();
    const first = await get('/orgs/minsoc');
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-cache']).toBeUndefined();
    expect(first.headers['set-cookie']).toBeUndefined();

    const before = statements;
    const again = await get('/orgs/minsoc');
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.body).toBe(first.body);
    // the stored answer keeps the page's own headers: type, validator, caching and security headers
    for (const h of [
      'content-type',
      'etag',
      'cache-control',
      'vary',
      'content-security-policy',
      'x-frame-options',
    ])
      expect(again.headers[h], h).toBe(first.headers[h]);

    const revalidated = await get('/orgs/minsoc', { 'if-none-match': first.headers.etag as string });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.headers['x-cache']).toBe('hit');
    expect(revalidated.body).toBe('');
    const head = await t.app.inject({ method: 'HEAD', url: '/orgs/minsoc' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['x-cache']).toBe('hit');
    expect(head.body).toBe('');
    // no session lookup, no handler: not one statement for the three hits
    expect(statements).toBe(before);

    // a browser's Accept-Encoding: the stored page compressed once, the same bytes once decoded
    for (const [accept, enc, decode] of [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
    ] as const) {
      const packed = await get('/orgs/minsoc', { 'accept-encoding': accept });
      expect(packed.headers['x-cache']).toBe('hit');
      expect(packed.headers['content-encoding']).toBe(enc);
      expect(packed.headers.vary).toBe('Cookie, accept-encoding');
      expect(decode(packed.rawPayload).toString()).toBe(first.body);
    }
    expect(statements).toBe(before);

    // another URL (the query included) is another page
    const other = await get('/orgs/minsoc?x=1');
    expect(other.headers['x-cache']).toBeUndefined();
  });

  it('shows a staff write to the public once the TTL has passed, and at once to the staff', async () => {
    expireAll();
    const editor = await signedInAs(t, 'editor', 'minsoc');
    const stale = await get('/orgs/minsoc');
    expect(stale.body).not.toContain('Описание после правки');
    const saved = await editor.post('/manage/orgs/minsoc', {
      headPosition: 'Министр социальной политики Калининградской области',
      headName: '',
      address: '236000, г. Калининград, ул. Примерная, д. 1',
      phone: '+7 (4012) 00-00-00',
      email: 'info@example.ru',
      website: 'https://example.ru',
      inn: '',
      descriptionRu: 'Описание после правки',
      descriptionEn: '',
    });
    expect(saved.statusCode).toBe(303);
    // the editor is signed in: never from the cache
    expect((await editor.get('/orgs/minsoc')).body).toContain('Описание после правки');
    // the public may see the page as it was for up to the TTL…
    t.deps.clock.advance(TTL - 1);
    expect((await get('/orgs/minsoc')).body).not.toContain('Описание после правки');
    // …and no longer
    t.deps.clock.advance(1);
    const fresh = await get('/orgs/minsoc');
    expect(fresh.headers['x-cache']).toBeUndefined();
    expect(fresh.body).toContain('Описание после правки');
  });

  it('renders a page once when many ask for it at the same moment: the others wait and get it from the cache', async () => {
    expireAll();
    // one render alone, to know what it costs
    const before = statements;
    await get('/orgs/minzdrav');
    const oneRender = statements - before;
    expect(oneRender).toBeGreaterThan(0);
    expireAll();
    const start = statements;
    const answers = await Promise.all(Array.from({ length: 8 }, () => get('/orgs/minzdrav')));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.headers['x-cache'] === 'hit')).toHaveLength(7);
    expect(statements - start).toBe(oneRender);
  });

  it('lets the waiting requests render for themselves when the first answer is not one to keep', async () => {
    expireAll();
    // an unknown organisation: a 404 is never stored, so each request answers on its own
    const answers = await Promise.all(Array.from({ length: 3 }, () => get('/orgs/no-such-body')));
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404]);
    expect(answers.every((a) => a.headers['x-cache'] === undefined)).toBe(true);
  });

  it('never serves a signed-in person a cached page, nor anyone a signed-in page', async () => {
    expireAll();
    const anonymous = await get('/orgs/minsoc');
    expect(anonymous.body).not.toContain('action="/sign-out"');
    // sign in through the real form: its page carries a CSRF token and is never stored
    const signInPage = await get('/sign-in');
    expect(signInPage.body).toContain('name="_csrf"');
    expect((await get('/sign-in')).headers['x-cache']).toBeUndefined();
    const citizen = await signedInAs(t, 'citizen', null);
    const browser = await signIn(t.app, citizen.email, citizen.password);
    const own = await browser.get('/orgs/minsoc');
    expect(own.headers['x-cache']).toBeUndefined();
    expect(own.body).toContain('action="/sign-out"');
    expect(own.headers['cache-control']).toBe('no-store');
    // the signed-in page was not stored under the anonymous key
    const after = await get('/orgs/minsoc');
    expect(after.headers['x-cache']).toBe('hit');
    expect(after.body).not.toContain('action="/sign-out"');
    expect(after.body).not.toContain('name="_csrf"');
    // signed out, the same browser gets the anonymous page again
    expect((await browser.post('/sign-out', {}, { from: '/orgs/minsoc' })).statusCode).toBe(303);
    const out = await browser.get('/orgs/minsoc');
    expect(out.body).not.toContain('action="/sign-out"');
  });

  it('passes by with a cookie it does not know (a session, a kiosk, the read-your-write cookie)', async () => {
    expireAll();
    await get('/orgs/minsoc');
    expect((await get('/orgs/minsoc')).headers['x-cache']).toBe('hit');
    for (const cookie of ['sid=forged', 'kiosk=1', 'rp=1', 'something=new'])
      expect((await get('/orgs/minsoc', { cookie })).headers['x-cache'], cookie).toBeUndefined();
    expect((await get('/orgs/minsoc', { authorization: 'Bearer x' })).headers['x-cache']).toBeUndefined();
  });

  it('keeps each language apart, and never stores the answer that switches it', async () => {
    expireAll();
    const ru = await get('/');
    expect(ru.body).toContain('lang="ru"');
    const switched = await get('/?lang=en');
    expect(switched.body).toContain('lang="en"');
    expect(switched.headers['set-cookie']).toBeDefined();
    expect((await get('/?lang=en')).headers['x-cache']).toBeUndefined();

    const en = await get('/', { cookie: 'lang=en' });
    expect(en.body).toContain('lang="en"');
    const enAgain = await get('/', { cookie: 'lang=en' });
    expect(enAgain.headers['x-cache']).toBe('hit');
    expect(enAgain.body).toContain('lang="en"');
    const ruAgain = await get('/');
    expect(ruAgain.headers['x-cache']).toBe('hit');
    expect(ruAgain.body).toContain('lang="ru"');
  });

  it('gives the version for the visually impaired its own page after the form is posted, never the plain one', async () => {
    expireAll();
    const plain = await get('/orgs/minsoc');
    expect(plain.body).not.toContain('app-lv-bar');
    const v = visitor(t.app);
    const posted = await v.post('/accessibility', { set: 'scheme:black', return: '/orgs/minsoc' });
    expect(posted.statusCode).toBe(303);
    const lv = await v.get('/orgs/minsoc');
    expect(lv.headers['x-cache']).toBeUndefined();
    expect(lv.body).toContain('app-lv-bar');
    // its bar holds a form with a CSRF token: never stored
    expect((await v.get('/orgs/minsoc')).headers['x-cache']).toBeUndefined();
    expect((await get('/orgs/minsoc')).body).not.toContain('app-lv-bar');
  });

  it('never stores an error, a page with a form, or a personal page', async () => {
    expireAll();
    for (const url of ['/orgs/no-such-body', '/appeals/new', '/cabinet']) {
      const first = await get(url);
      const second = await get(url);
      expect(second.headers['x-cache'], url).toBeUndefined();
      expect(second.statusCode, url).toBe(first.statusCode);
    }
  });
});
