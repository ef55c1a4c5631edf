import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { type CreatedUser, createUser, sessionFor } from '../../../test/auth.ts';
import { organizations } from '../../modules/schema.ts';
import { recordAction } from '../audit/index.ts';
import { type Actor, anonymous } from '../authz/index.ts';

let t: TestApp;
let admin: CreatedUser;
let boris: CreatedUser;
let adminCookie: string;
let orgId: string;

const actorOf = (u: CreatedUser): Actor => ({
  kind: 'user',
  userId: u.userId,
  displayName: 'x',
  email: u.email,
  identification: 'email',
  identityLevel: null,
  emailVerified: true,
  grants: [],
});

/** Record an entry as a use case would, then move it to a given moment. */
async function entry(e: Parameters<typeof recordAction>[1], at: string) {
  await recordAction(t.deps.db, e);
  await t.deps.db.execute(
    sql`update audit_log set at = ${at}::timestamptz where id = (select max(id) from audit_log)`,
  );
}

/** The table rows of a page (tbody only). */
function rowsOf(html: string): string[] {
  const body = html.split('<tbody class="govuk-table__body">')[1]?.split('</tbody>')[0] ?? '';
  return body.split('<tr class="govuk-table__row"').slice(1);
}
const actionsOf = (html: string) => rowsOf(html).map((r) => r.match(/<code>([^<]+)<\/code>/)?.[1]);

async function get(url: string, cookie = adminCookie) {
  return t.app.inject({ url, headers: { cookie } });
}

/** The fixture's days only, so entries written by signing in do not count. */
const MARCH = 'from-day=1&from-month=3&from-year=2026&to-day=3&to-month=3&to-year=2026';

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t.deps, {
    email: 'admin.audit@example.test',
    grants: [{ role: 'admin', orgId: null }],
  });
  boris = await createUser(t.deps, {
    email: 'boris.ivanov@example.test',
    lastName: 'Иванов',
    firstName: 'Борис',
    patronymic: null,
  });
  adminCookie = (await sessionFor(t, admin)).cookie;
  const [org] = await t.deps.db
    .insert(organizations)
    .values({
      slug: 'test-ministry',
      kind: 'ministry',
      level: 'executive',
      nameRu: 'Министерство проб',
      code: 'TEST',
    })
    .returning({ id: organizations.id });
  orgId = org?.id as string;
  // Kaliningrad is UTC+2: the last entry is on 3 March there but on 2 March in UTC.
  await entry(
    {
      actor: actorOf(admin),
      ip: '10.0.0.1',
      action: 'organization.update',
      objectType: 'organization',
      objectId: orgId,
      orgId,
      details: { fields: ['phone'], note: '<script>alert(1)</script>' },
    },
    '2026-03-01T10:00:00+02:00',
  );
  await entry(
    {
      actor: actorOf(boris),
      ip: '10.0.0.2',
      action: 'account.sign_in',
      objectType: 'user',
      objectId: boris.userId,
    },
    '2026-03-02T23:30:00+02:00',
  );
  await entry(
    { actor: anonymous, ip: '10.0.0.3', action: 'account.sign_up', objectType: 'user', objectId: 'new-user' },
    '2026-03-03T00:30:00+02:00',
  );
});
afterAll(async () => {
  await t.close();
});

describe('/manage/audit access', () => {
  it('sends anonymous visitors to sign in', async () => {
    const res = await t.app.inject('/manage/audit?action=x');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fmanage%2Faudit%3Faction%3Dx');
  });

  it('refuses everyone but administrators', async () => {
    for (const grants of [
      [],
      [{ role: 'project_office' as const, orgId: null }],
      [{ role: 'editor' as const, orgId }],
    ]) {
      const u = await createUser(t.deps, { grants });
      const res = await get('/manage/audit', (await sessionFor(t, u)).cookie);
      expect(res.statusCode, JSON.stringify(grants)).toBe(403);
    }
  });

  it('is listed in /manage for administrators', async () => {
    const res = await get('/manage');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/manage/audit"');
    expect(res.body).toContain('href="/manage/outbox"');
  });
});

describe('/manage/audit', () => {
  it('lists entries newest first with who, from where, what, which object, organisation and details', async () => {
    const res = await get(`/manage/audit?${MARCH}`);
    expect(res.statusCode).toBe(200);
    expect(actionsOf(res.body)).toEqual(['account.sign_up', 'account.sign_in', 'organization.update']);
    const [signUp, signIn_, update] = rowsOf(res.body);
    expect(signUp).toContain('Без входа или система');
    // the log keeps ids; the name and the address come from the accounts module's lookup
    expect(signIn_).toContain('Иванов Борис');
    expect(signIn_).toContain('boris.ivanov@example.test');
    expect(signIn_).toContain(`/manage/users/${boris.userId}`);
    expect(signIn_).toContain('10.0.0.2');
    expect(signIn_).toContain('02.03.2026, 23:30:00');
    expect(update).toContain('Министерство проб');
    expect(update).toContain('phone');
    // recorded details are shown as text, never as markup
    expect(update).toContain('&lt;script>alert(1)&lt;/script>');
    expect(update).not.toContain('<script>alert');
  });

  it.each([
    ['actor by part of the e-mail', 'actor=boris.ivanov', ['account.sign_in']],
    ['actor by an e-mail part nobody has', 'actor=nobody.here', []],
    ['a LIKE wildcard in the e-mail part is taken literally', 'actor=%25', []],
    ['actor by id', () => `actor=${admin.userId}`, ['organization.update']],
    ['action by its beginning', 'action=account.', ['account.sign_up', 'account.sign_in']],
    ['exact action', 'action=account.sign_in', ['account.sign_in']],
    ['object type', 'objectType=organization', ['organization.update']],
    ['object id', 'objectId=new-user', ['account.sign_up']],
    ['organisation', () => `org=${orgId}`, ['organization.update']],
    ['a LIKE wildcard is taken literally', 'action=%25', []],
  ])('filters by %s', async (_name, q, expected) => {
    const query = typeof q === 'function' ? q() : q;
    const res = await get(`/manage/audit?${MARCH}&${query}`);
    expect(res.statusCode).toBe(200);
    expect(actionsOf(res.body)).toEqual(expected);
  });

  it('takes days in the region’s time zone, both ends included', async () => {
    const on2 = await get(
      '/manage/audit?from-day=2&from-month=3&from-year=2026&to-day=2&to-month=3&to-year=2026',
    );
    expect(actionsOf(on2.body)).toEqual(['account.sign_in']);
    const on3 = await get(
      '/manage/audit?from-day=3&from-month=3&from-year=2026&to-day=3&to-month=3&to-year=2026',
    );
    expect(actionsOf(on3.body)).toEqual(['account.sign_up']);
  });

  it('keeps what was typed and says what to fix when a filter is wrong', async () => {
    const res = await get(
      '/manage/audit?actor=boris&from-day=31&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2026&org=nope',
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('href="#from-day"');
    expect(res.body).toContain('Дата должна быть настоящей');
    expect(res.body).toContain('Выберите организацию из списка');
    expect(res.body).toContain('value="boris"');
    expect(res.body).toContain('value="31"');
    expect(rowsOf(res.body)).toEqual([]);
  });

  it('refuses a “to” date before the “from” date', async () => {
    const res = await get(
      '/manage/audit?from-day=3&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026',
    );
    expect(res.body).toContain('Дата «по» должна быть не раньше даты «с»');
    expect(res.body).toContain('href="#to-day"');
  });

  it('pages through many entries, keeping the filters', async () => {
    for (let i = 0; i < 55; i++)
      await recordAction(t.deps.db, {
        actor: actorOf(admin),
        ip: null,
        action: 'test.bulk',
        objectType: 'thing',
        objectId: String(i),
      });
    const first = await get('/manage/audit?action=test.bulk');
    expect(rowsOf(first.body)).toHaveLength(50);
    expect(first.body).toContain('Записи с 1 по 50');
    expect(first.body).toContain('href="/manage/audit?action=test.bulk&amp;page=2"');
    expect(first.body).not.toContain('Более новые');
    const second = await get('/manage/audit?action=test.bulk&page=2');
    expect(rowsOf(second.body)).toHaveLength(5);
    expect(second.body).toContain('Записи с 51 по 55');
    expect(second.body).toContain('href="/manage/audit?action=test.bulk"');
    expect(second.body).not.toContain('Более старые');
    // the oldest entry is last
    expect(rowsOf(second.body).at(-1)).toContain('>0<');
    const junk = await get('/manage/audit?action=test.bulk&page=abc');
    expect(rowsOf(junk.body)).toHaveLength(50);
  });

  it('speaks English when asked', async () => {
    const res = await get(`/manage/audit?${MARCH}&lang=en`);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('Audit log');
    expect(res.body).toContain('02/03/2026, 23:30:00');
  });
});
