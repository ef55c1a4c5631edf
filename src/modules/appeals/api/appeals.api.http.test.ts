import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { type Mailbox, startMailbox } from '../../../../test/mailbox.ts';
import { startMailWorker } from '../../../platform/mail/index.ts';
import { outbox } from '../../../platform/mail/mail.tables.ts';
import { listAllOrganizations, listResponsibleOfficials, seedOrganizations } from '../../orgs/index.ts';
import { responsibleOfficials } from '../../orgs/orgs.tables.ts';

const body = {
  orgSlug: 'minzdrav',
  kind: 'statement',
  lastName: 'Кузнецов',
  firstName: 'Иван',
  email: 'kuznetsov@example.test',
  text: 'Прошу установить пандус у входа в поликлинику.',
};

describe('POST /api/v1/appeals and GET /api/v1/appeals/{number}', () => {
  let t: TestApp;
  let mailbox: Mailbox;
  let citizen: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    mailbox = await startMailbox();
    t = await createTestApp({ smtpUrl: mailbox.url });
    await startMailWorker(t.deps.jobs, t.deps.mail);
    await seedOrganizations(t.deps);
    citizen = await signedInAs(t, 'citizen', null, { identification: 'esia' });
    other = await signedInAs(t, 'citizen', null, { identification: 'esia' });
  });
  afterAll(async () => {
    await t.close();
    await mailbox.close();
  });

  const post = (payload: unknown, headers: Record<string, string> = {}, cookie = citizen.cookie) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      // as a page of this site would send it: a cookie-authenticated API write needs a same-origin Origin
      headers: { cookie, origin: t.deps.config.publicUrl, ...headers },
      payload: payload as object,
    });

  it('registers and answers 201 with the number, dates and status URL; the notice arrives by mail', async () => {
    const res = await post(body);
    expect(res.statusCode).toBe(201);
    const json = res.json();
    expect(json).toEqual({
      number: 'MINZDRAV-2026-1',
      status: 'registered',
      registeredAt: '2026-03-02T07:00:00.000Z',
      dueDate: '2026-04-01',
      statusUrl: `${t.deps.config.publicUrl}/cabinet/appeals/MINZDRAV-2026-1`,
    });
    expect(res.headers.location).toBe('/api/v1/appeals/MINZDRAV-2026-1');
    const mail = await mailbox.waitFor((m) => m.to.includes('kuznetsov@example.test'));
    expect(mail.subject).toBe('Обращение зарегистрировано, № MINZDRAV-2026-1');
    expect(mail.text).toContain('Срок ответа: до 01.04.2026');
    expect(mail.text).toContain('/cabinet/appeals/MINZDRAV-2026-1');
  });

  it('returns the same appeal (200) for a repeated Idempotency-Key', async () => {
    const a = await post(body, { 'idempotency-key': 'k-1' });
    const b = await post(body, { 'idempotency-key': 'k-1' });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(200);
    expect(b.json().number).toBe(a.json().number);
  });

  it('shows the appeal to its author only; others and anonymous get 404', async () => {
    const mine = await t.app.inject({
      url: '/api/v1/appeals/MINZDRAV-2026-1',
      headers: { cookie: citizen.cookie },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      number: 'MINZDRAV-2026-1',
      type: 'appeal',
      kind: 'statement',
      orgSlug: 'minzdrav',
      events: [{ kind: 'registered' }],
    });
    for (const cookie of [other.cookie, '']) {
      const res = await t.app.inject({ url: '/api/v1/appeals/MINZDRAV-2026-1', headers: { cookie } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses bad input with problem+json: missing fields, unknown fields, type rules', async () => {
    const missing = await post({ orgSlug: 'minzdrav' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('invalid_request');
    const unknown = await post({ ...body, titel: 'x' });
    expect(unknown.statusCode).toBe(400);
    const noKind = await post({ ...body, kind: undefined });
    expect(noKind.statusCode).toBe(400);
    expect(JSON.stringify(noKind.json().errors)).toContain('appeals.kind.required');
    const badOrg = await post({ ...body, orgSlug: 'nowhere' });
    expect(badOrg.statusCode).toBe(422);
    expect(badOrg.json().errors).toEqual([{ field: 'orgSlug', message: 'appeals.org.unknown' }]);
  });

  it('takes the body (and official) a complaint is about as ids from the lists, and shows it back', async () => {
    const orgs = await listAllOrganizations(t.deps.db);
    const about = orgs.find((o) => o.slug === 'minobr');
    const elsewhere = orgs.find((o) => o.slug === 'minfin');
    if (!about || !elsewhere) throw new Error('seed');
    const complaint = { ...body, kind: 'complaint' };
    const missing = await post(complaint);
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().errors)).toContain('appeals.complainedOrgId.required');
    const byName = await post({ ...complaint, complainedOrgId: about.nameRu });
    expect(byName.statusCode).toBe(400);
    expect(JSON.stringify(byName.json().errors)).toContain('appeals.complainedOrgId.invalid');
    const unknown = await post({ ...complaint, complainedOrgId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([
      { field: 'complainedOrgId', message: 'appeals.complainedOrgId.invalid' },
    ]);
    const official = (orgId: string, fullName: string) => ({
      orgId,
      duty: 'appeals',
      fullName,
      position: 'Начальник отдела',
    });
    await t.deps.db
      .insert(responsibleOfficials)
      .values([official(about.id, 'Орлова Вера Ильинична'), official(elsewhere.id, 'Зимин Пётр Олегович')]);
    const [own] = await listResponsibleOfficials(t.deps.db, about.id);
    const [foreign] = await listResponsibleOfficials(t.deps.db, elsewhere.id);
    if (!foreign || !own) throw new Error('officials');
    const wrongOfficial = await post({
      ...complaint,
      complainedOrgId: about.id,
      complainedOfficialId: foreign.id,
    });
    expect(wrongOfficial.statusCode).toBe(422);
    expect(wrongOfficial.json().errors).toEqual([
      { field: 'complainedOfficialId', message: 'appeals.complainedOfficialId.invalid' },
    ]);
    const ok = await post({ ...complaint, complainedOrgId: about.id, complainedOfficialId: own.id });
    expect(ok.statusCode).toBe(201);
    const view = await t.app.inject({
      url: ok.headers.location as string,
      headers: { cookie: citizen.cookie },
    });
    expect(view.json()).toMatchObject({
      kind: 'complaint',
      complainedOrgId: about.id,
      complainedOfficialId: own.id,
    });
  });

  it('needs a signed-in, identified citizen', async () => {
    const anon = await post(body, {}, '');
    expect(anon.statusCode).toBe(401);
    const emailOnly = await signedInAs(t, 'citizen');
    const res = await post(body, {}, emailOnly.cookie);
    expect(res.statusCode).toBe(403);
  });

  it('is documented in /openapi.json', async () => {
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();
    expect(spec.paths['/api/v1/appeals'].post).toBeDefined();
    expect(spec.paths['/api/v1/appeals/{number}'].get).toBeDefined();
  });
});

describe('with the mail server down', () => {
  let t: TestApp;
  beforeAll(async () => {
    // nothing listens on port 9 of the loopback: every delivery fails and is retried
    t = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
    await startMailWorker(t.deps.jobs, t.deps.mail);
    await seedOrganizations(t.deps);
  });
  afterAll(async () => {
    await t.close();
  });

  it('still registers the appeal, and the status says the notice is pending', async () => {
    const citizen = await signedInAs(t, 'citizen', null, { identification: 'esia' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: { cookie: citizen.cookie, origin: t.deps.config.publicUrl },
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    const { number } = res.json();
    // the worker has tried and failed: the outbox row records the attempt and stays unsent
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, body.email));
      if (row && row.attempts > 0) {
        expect(row.sentAt).toBeNull();
        break;
      }
      if (Date.now() > deadline) throw new Error('no delivery attempt');
      await new Promise((r) => setTimeout(r, 100));
    }
    const view = await t.app.inject({
      url: `/api/v1/appeals/${number}`,
      headers: { cookie: citizen.cookie },
    });
    expect(view.json().notificationPending).toBe(true);
    const page = await t.app.inject({
      url: `/cabinet/appeals/${number}`,
      headers: { cookie: citizen.cookie },
    });
    expect(page.body).toContain('Уведомление о регистрации ещё не доставлено');
    expect(page.body).toContain('Уведомление ожидает отправки');
  });
});
