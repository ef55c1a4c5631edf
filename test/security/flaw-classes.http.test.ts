import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/modules/accounts/api-tokens.ts';
import { userActor } from '../../src/platform/authz/index.ts';
import { csrfFrom } from '../app.ts';
import type { SignedIn } from '../auth.ts';
import { createSecurityWorld, type SecurityWorld } from './access-fixtures.ts';

/*
 * Classes of flaw from Decidim's and CONSUL's published advisories (issue 9)
 * not covered elsewhere: a race that counts a rating twice, private exports
 * reachable by a reused link, server-side requests to addresses a user gives,
 * tokens replayed across sessions, people and organisations.
 */

let w: SecurityWorld;
const q = async (sql: string, params: unknown[] = []) => (await w.t.deps.db.$client.query(sql, params)).rows;

beforeAll(async () => {
  w = await createSecurityWorld();
}, 180_000);
afterAll(async () => {
  await w?.t.close();
});

describe('races', () => {
  it('the same answer rating sent 20 times at once counts once', async () => {
    const url = `/cabinet/appeals/${encodeURIComponent(w.appeal.number)}`;
    const token = csrfFrom((await w.citizen.get(url)).body);
    const send = () =>
      w.t.app.inject({
        method: 'POST',
        url: `${url}/rating`,
        headers: { cookie: w.citizen.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: token,
          satisfied: 'no',
          reasonCode: 'late',
          reason: 'Долго',
        }).toString(),
      });
    const answers = await Promise.all(Array.from({ length: 20 }, send));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c >= 500)).toEqual([]);
    expect(codes.filter((c) => c === 303)).toHaveLength(1);
    expect(await q('select satisfied from appeal_ratings where appeal_id = $1', [w.appeal.id])).toEqual([
      { satisfied: false },
    ]);
    expect(
      await q("select id from appeal_events where appeal_id = $1 and kind = 'rated'", [w.appeal.id]),
    ).toHaveLength(1);
  });
});

describe('private exports reached by a reused link', () => {
  it('the monthly ССТУ report: only staff who may report on the body, never by the link alone', async () => {
    const [org] = await q("select id from organizations where slug = 'minzdrav'");
    const url = `/manage/appeals/report?org=${org.id}&month=2026-03&format=csv`;
    const own = await w.agents.staffA.get(url);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toMatch(/text\/csv/);
    // the same link, opened by someone else
    const anonymous = await w.t.app.inject({ url });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/sign-in/);
    expect((await w.agents.citizen.get(url)).statusCode).toBe(403);
    const otherBody = await w.agents.staffB.get(url);
    expect([403, 404, 422]).toContain(otherBody.statusCode);
    expect(otherBody.headers['content-type'] ?? '').not.toMatch(/text\/csv/);
    // and after the staff member signed out, their old cookie opens nothing
    const cookie = w.agents.staffA.cookie;
    const out = await w.agents.staffA.post('/sign-out', {}, { from: '/accessibility' });
    expect(out.statusCode).toBe(303);
    const reused = await w.t.app.inject({ url, headers: { cookie } });
    expect(reused.statusCode).toBe(303);
    expect(reused.headers.location).toMatch(/^\/sign-in/);
  });

  it('income declarations: no CSV of a year before it is published', async () => {
    const [org] = await q("select id from organizations where slug = 'minzdrav'");
    const [year] = await q(
      'select year from declaration_years where org_id = $1 and published order by year desc',
      [org.id],
    );
    expect(year).toBeDefined();
    const url = `/orgs/minzdrav/declarations.csv?year=${year.year}`;
    expect((await w.t.app.inject({ url })).statusCode).toBe(200);
    await q('update declaration_years set published = false where org_id = $1 and year = $2', [
      org.id,
      year.year,
    ]);
    const before = await w.t.app.inject({ url });
    expect(before.statusCode).toBe(404);
    expect(before.headers['content-type']).not.toMatch(/csv/);
    // staff of the body get the draft on their own page, not through the public link
    expect((await w.agents.head.get(url)).statusCode).toBe(404);
  });
});

describe('injection through sort and filter parameters', () => {
  const HOSTILE = [
    'name desc; drop table users--',
    '(select 1)',
    "1' or '1'='1",
    'pg_sleep(5)',
    'id::text',
    '__proto__',
  ];
  const LISTS = [
    '/orgs/minzdrav/declarations?sort=',
    '/orgs/minzdrav/declarations?dir=',
    '/search?q=здравоохранение&sort=',
    '/search?type=',
    '/orgs/minzdrav/documents?sort=',
    '/api/v1/search?sort=',
    '/api/v1/search?org=',
    '/manage/appeals?sort=',
    '/manage/appeals?status=',
    '/manage/audit?action=',
    '/manage/users?role=',
  ];
  it('only allow-listed columns and values reach SQL: a hostile one changes nothing and fails nothing', async () => {
    const wrong: string[] = [];
    for (const list of LISTS)
      for (const v of HOSTILE) {
        const res = await w.agents.admin.get(list + encodeURIComponent(v));
        if (
          res.statusCode >= 500 ||
          /syntax error at or near|relation "[^"]*" does not exist|unterminated quoted/i.test(res.body)
        )
          wrong.push(`${list}${v} → ${res.statusCode}`);
      }
    expect(wrong).toEqual([]);
    expect(await q('select count(*)::int as n from users')).not.toEqual([{ n: 0 }]);
    // the declarations table sorts by name when the column is not one of its own
    const byName = await w.t.app.inject({ url: '/orgs/minzdrav/declarations?sort=name' });
    const hostile = await w.t.app.inject({
      url: `/orgs/minzdrav/declarations?sort=${encodeURIComponent(HOSTILE[0] as string)}`,
    });
    const table = (html: string) => html.match(/<table[\s\S]*<\/table>/)?.[0] ?? '';
    expect(table(hostile.body)).toBe(table(byName.body));
  });
});

describe('tokens replayed', () => {
  it('a CSRF token from one session is refused with another session', async () => {
    const token = csrfFrom((await w.agents.expert.get('/cabinet/name')).body);
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/cabinet/name',
      headers: { cookie: w.agents.moderator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, lastName: 'Подменённый', firstName: 'Пётр' }).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(await q("select id from users where last_name = 'Подменённый'")).toEqual([]);
  });

  it("an API token reads its owner's appeal only, and a staff member's token does not carry over", async () => {
    const url = `/api/v1/appeals/${encodeURIComponent(w.appeal.number)}`;
    const own = await w.t.app.inject({ url, headers: { authorization: `Bearer ${w.token}` } });
    expect(own.statusCode).toBe(200);
    // a token of body A's head (who answered the appeal) is not a key to the citizen's side of it
    const head = w.agents.head as SignedIn;
    const grants = await q('select role, org_id as "orgId" from role_assignments where user_id = $1', [
      head.userId,
    ]);
    const { token } = await createApiToken(
      w.t.deps,
      { actor: userActor(head.userId, grants), ip: null },
      { name: 'head' },
    );
    const other = await w.t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    expect(other.statusCode).toBe(404);
    // a made-up token or another scheme is no session either
    for (const authorization of [`Bearer ${w.token}x`, 'Bearer ort_', `Basic ${w.token}`]) {
      const res = await w.t.app.inject({ url, headers: { authorization } });
      expect(res.statusCode === 401 || res.statusCode === 404).toBe(true);
    }
  });
});

describe('server-side requests to user-supplied addresses', () => {
  /** Files allowed to open outbound connections, and to where (none takes an address from a visitor). */
  const ALLOWED: Record<string, string> = {
    'src/modules/accounts/oidc': 'OpenID Connect: the provider an administrator configured (openid-client)',
    'src/platform/mail': 'SMTP: SMTP_URL from the environment (nodemailer)',
    'src/platform/db': 'PostgreSQL: DATABASE_URL or the embedded server',
  };
  const OUTBOUND =
    /\bfetch\(|\bhttps?\.(request|get)\(|\bnet\.connect\(|\btls\.connect\(|from 'undici'|from 'axios'|from 'got'|from 'node-fetch'|\bnew WebSocket\(/;

  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => {
      const p = path.join(dir, n);
      if (statSync(p).isDirectory()) return files(p);
      return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
    });
  }

  it('no code outside the known clients opens a connection, so no visitor-supplied URL is ever fetched', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const offenders = files(path.join(root, 'src'))
      .map((f) => path.relative(root, f))
      .filter((f) => !Object.keys(ALLOWED).some((a) => f.startsWith(a)))
      .filter((f) => OUTBOUND.test(readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
