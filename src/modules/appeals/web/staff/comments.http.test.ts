import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.ts';
import { type SignedIn, sessionFor } from '../../../../../test/auth.ts';
import { visitor } from '../../../../../test/forms.ts';
import { auditLog } from '../../../../platform/audit/audit.tables.ts';
import { staffKit } from '../../staff-test-kit.ts';

// Issue 10: internal comments on an appeal are for its staff only, and stored text never
// becomes markup (a stored-XSS regression).

let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
let officer: SignedIn;
let head: SignedIn;

const HOSTILE = '<script>alert("xss")</script><img src=x onerror=alert(1)> Проверить адрес «до 5-го»';

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(t.deps);
  officer = await sessionFor(t, k.officer);
  head = await sessionFor(t, k.head);
});
afterAll(() => t.close());

describe('internal comments on an appeal', () => {
  it('asks for the text in plain words, keeps nothing else', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    const res = await officer.post(`${url}/comment`, { commentText: '   ' }, { from: url });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Введите текст комментария');
    expect(res.body).toContain('href="#commentText"');
  });

  it('shows a comment to the staff escaped, with its author; the audit keeps no text', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    const res = await officer.post(`${url}/comment`, { commentText: HOSTILE }, { from: url });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${url}?notice=comment#comments`);
    const page = await head.get(url);
    expect(page.body).toContain('Внутренние комментарии');
    expect(page.body).toContain(
      '&lt;script>alert(&quot;xss&quot;)&lt;/script>&lt;img src=x onerror=alert(1)>',
    );
    expect(page.body).not.toContain('<script>alert("xss")');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('Тестов Тест Тестович');
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appeal.comment'), eq(auditLog.objectId, a.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.details)).not.toContain('Проверить адрес');
  });

  it('is never shown to the author, in the API, to another body or to anyone anonymous', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    await officer.post(`${url}/comment`, { commentText: 'Только для своих: позвонить в МКУ' }, { from: url });
    const citizen = await sessionFor(t, k.citizenUser);
    const own = await citizen.get(`/cabinet/appeals/${a.number}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('Только для своих');
    expect(own.body).not.toContain('Внутренние комментарии');
    const api = await citizen.get(`/api/v1/appeals/${encodeURIComponent(a.number)}`);
    expect(api.statusCode).toBe(200);
    expect(api.body).not.toContain('Только для своих');
    const other = await sessionFor(t, k.otherOfficer);
    expect((await other.get(url)).statusCode).toBe(404);
    const posted = await other.post(`${url}/comment`, { commentText: 'чужой' }, { from: '/manage/appeals' });
    expect(posted.statusCode).toBe(404);
    expect((await visitor(t.app).get(url)).statusCode).toBe(303);
  });
});
