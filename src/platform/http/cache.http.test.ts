import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { signedInAs } from '../../../test/auth.ts';
import { seedOrganizations } from '../../modules/orgs/index.ts';

/*
 * Public pages carry an ETag and are revalidated (304 when unchanged); pages of
 * a signed-in person and pages with a CSRF token are never stored (issue 11).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('HTTP caching of public pages', () => {
  it('gives an anonymous visitor an ETag and answers 304 while the page is unchanged', async () => {
    const first = await get('/orgs/minsoc');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers.vary).toContain('Cookie');
    const again = await get('/orgs/minsoc', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // another page's tag does not match
    const home = await get('/', { 'if-none-match': etag });
    expect(home.statusCode).toBe(200);
    expect(home.headers.etag).not.toBe(etag);
  });

  it('sends the new page once its content changes', async () => {
    const before = await get('/orgs/minsoc');
    await t.deps.db.execute(
      sql`update organizations set description_ru = 'Новое описание министерства' where slug = 'minsoc'`,
    );
    const after = await get('/orgs/minsoc', { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Новое описание министерства');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('never stores a page with a CSRF token', async () => {
    const res = await get('/sign-in');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="_csrf"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it('never stores a signed-in person’s page, even a public one', async () => {
    const citizen = await signedInAs(t, 'citizen', null);
    const res = await citizen.get('/orgs/minsoc');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it('lets feed readers revalidate the Atom feed, signed in or not', async () => {
    const first = await get('/feeds/documents.atom');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const again = await get('/feeds/documents.atom', { 'if-none-match': first.headers.etag as string });
    expect(again.statusCode).toBe(304);
  });
});
