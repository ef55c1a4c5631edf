import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { createUser, signIn } from '../auth.ts';
import { visitor } from '../forms.ts';
import { expectLocal as expectLocalTo, HOSTILE } from './redirect-cases.ts';

/*
 * Open redirect (issue 9): every visitor-supplied redirect target — `next=` of
 * /sign-in (GET and POST), `return=` of POST /accessibility and the `next` the
 * ЕСИА sign-in keeps while the person is at the provider — stays on this site.
 */

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ env: { SEED: 'demo' } });
  base = t.deps.config.publicUrl;
});
afterAll(async () => {
  await t.close();
});

const expectLocal = (location: unknown) => expectLocalTo(location, base);

describe('redirects after sign-in', () => {
  it('GET /sign-in?next=… sends a signed-in person only to a path on this site', async () => {
    const u = await createUser(t.deps);
    const jar = await signIn(t.app, u.email, u.password);
    for (const next of HOSTILE) {
      const res = await t.app.inject({
        url: `/sign-in?next=${encodeURIComponent(next)}`,
        headers: { cookie: jar.cookie },
      });
      expect(res.statusCode, next).toBe(303);
      expect(res.headers.location, next).toBe('/cabinet');
    }
    const ok = await t.app.inject({
      url: '/sign-in?next=%2Fappeals%2Fnew',
      headers: { cookie: jar.cookie },
    });
    expect(ok.headers.location).toBe('/appeals/new');
  });

  it('the issue’s own case: /sign-in?next=/%09/evil.example', async () => {
    const u = await createUser(t.deps);
    const jar = await signIn(t.app, u.email, u.password);
    const res = await t.app.inject({
      url: '/sign-in?next=/%09/evil.example',
      headers: { cookie: jar.cookie },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/cabinet');
  });

  it('POST /sign-in with a hostile next lands on /cabinet', async () => {
    const u = await createUser(t.deps);
    const res = await visitor(t.app).post('/sign-in', {
      email: u.email,
      password: u.password,
      next: '/\t/evil.example',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/cabinet');
  });

  it('a next= holding NUL, CR/LF or Cyrillic is never a 500 and never a broken Location', async () => {
    const u = await createUser(t.deps);
    const jar = await signIn(t.app, u.email, u.password);
    for (const next of ['/a%00b', '/a%0d%0aSet-Cookie:%20x=1', '/%D0%BF%D1%83%D1%82%D1%8C', '/путь']) {
      const res = await t.app.inject({ url: `/sign-in?next=${next}`, headers: { cookie: jar.cookie } });
      expect(res.statusCode, next).toBe(303);
      expectLocal(res.headers.location);
      expect(res.headers['set-cookie'] ?? '').not.toContain('x=1');
    }
    const cyr = await t.app.inject({
      url: `/sign-in?next=${encodeURIComponent('/поиск?q=дороги')}`,
      headers: { cookie: jar.cookie },
    });
    expect(cyr.headers.location).toBe(
      '/%D0%BF%D0%BE%D0%B8%D1%81%D0%BA?q=%D0%B4%D0%BE%D1%80%D0%BE%D0%B3%D0%B8',
    );
  });
});

describe('POST /accessibility return=', () => {
  it('goes back to a path on this site only', async () => {
    for (const ret of [...HOSTILE, '/a\u0000b', '/путь\r\nX: y']) {
      const res = await visitor(t.app).post('/accessibility', {
        set: 'size:large',
        return: ret,
      });
      expect(res.statusCode, JSON.stringify(ret)).toBe(303);
      expectLocal(res.headers.location);
    }
    const back = await visitor(t.app).post('/accessibility', {
      set: 'size:large',
      return: '/orgs/minzdrav?x=1',
    });
    expect(back.headers.location).toBe('/orgs/minzdrav?x=1');
  });
});

describe('ЕСИА sign-in keeps only a local next', () => {
  function pathOf(location: string | undefined): string {
    if (!location) throw new Error('no redirect');
    const u = new URL(location, base);
    return `${u.pathname}${u.search}`;
  }

  it('/sign-in/oidc/esia?next=/%09/evil.example ends on /cabinet after the provider', async () => {
    const jar = visitor(t.app);
    let res = await jar.get('/sign-in/oidc/esia?next=/%09/evil.example');
    let url = '';
    for (let i = 0; i < 10 && res.statusCode === 303; i++) {
      url = pathOf(res.headers.location as string);
      res = await jar.get(url);
    }
    expect(url).toMatch(/^\/dev-idp\/interaction\//);
    const action = res.body.match(/action="(\/dev-idp\/interaction\/[^"]+\/login)"/)?.[1] as string;
    res = await jar.post(action, { login: 'petrov', password: 'gosuslugi-2' }, { from: url });
    const seen: string[] = [];
    for (let i = 0; i < 10 && res.statusCode === 303; i++) {
      const loc = res.headers.location as string;
      seen.push(loc);
      res = await jar.get(pathOf(loc));
    }
    // a first sign-in answers the 152-ФЗ consent; the saved next goes through it
    expect(seen.at(-1)).toBe('/sign-in/oidc/consent');
    res = await jar.post('/sign-in/oidc/consent', { decision: 'agree' }, { from: res });
    seen.push(res.headers.location as string);
    const last = seen.at(-1) as string;
    expectLocal(last);
    expect(last).toBe('/cabinet');
    expect(seen.join(' ')).not.toContain('evil');
  });
});
