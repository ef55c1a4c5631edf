import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, sessionFor, signedInAs } from '../../../../test/auth.ts';
import { auditLog } from '../../../platform/audit/audit.tables.ts';
import { appealsRepository } from '../appeals.repository.ts';
import { classifyAppeal } from '../classify-appeal.ts';
import { staffKit } from '../staff-test-kit.ts';

// Concept task 6.5: a citizen (or a public council, an NGO) complains that an official obstructed
// public control; staff see the marker, filter the queue by it and record the finding with the answer.

let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
let citizen: SignedIn;
let head: SignedIn;
let officer: SignedIn;

function hidden(html: string, name: string): string {
  const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  if (!m?.[1]) throw new Error(`no hidden ${name}`);
  return m[1];
}

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(t.deps);
  citizen = await signedInAs(t, 'citizen', null, {
    identification: 'esia',
    identityLevel: 'verified',
    lastName: 'Кузнецова',
    firstName: 'Ольга',
    patronymic: 'Ивановна',
  });
  head = await sessionFor(t, k.head);
  officer = await sessionFor(t, k.officer);
});
afterAll(() => t.close());

async function post(fields: Record<string, string>) {
  const page = await citizen.get(`/appeals/new?type=appeal&org=${k.body.slug}`);
  expect(page.statusCode).toBe(200);
  return citizen.post(
    '/appeals/new',
    { formToken: hidden(page.body, 'formToken'), type: 'appeal', orgSlug: k.body.slug, ...fields },
    { from: page, multipart: true },
  );
}

const text =
  'Общественный совет запросил сведения о закупках лекарств для проверки. Начальник отдела отказал без объяснения причин.';

describe('a complaint of obstructed public control (6.5)', () => {
  it('is asked on the appeal form in plain words and says what to fix, keeping what was typed', async () => {
    const form = await citizen.get(`/appeals/new?type=appeal&org=${k.body.slug}`);
    expect(form.body).toContain('Жалуюсь, что должностное лицо помешало общественному контролю');
    expect(form.body).toContain('212-ФЗ');
    expect(form.body).toContain('Отказало в сведениях, нужных для общественного контроля');
    // ticked, but as a statement and without saying what the official did
    const res = await post({
      kind: 'statement',
      obstructsPublicControl: 'yes',
      publicControlSubject: 'Общественный совет при министерстве',
      email: 'olga@example.test',
      text,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Жалоба на воспрепятствование общественному контролю — это жалоба');
    expect(res.body).toContain('Выберите, чем должностное лицо помешало общественному контролю');
    // the summary lists them in the order of the page: the kind, then what was done
    const summary = res.body.match(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '';
    const links = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.indexOf('kind')).toBeLessThan(links.indexOf('obstructionKind'));
    expect(res.body).toMatch(/name="obstructsPublicControl" type="checkbox" value="yes" checked/);
    expect(res.body).toContain('value="Общественный совет при министерстве"');
    expect(res.body).toContain('Начальник отдела отказал без объяснения причин.</textarea>');
    expect(await appealsRepository.findByNumber(t.deps.db, `${k.body.code}-2026-1`)).toBeUndefined();
  });

  it('is registered with the marker, shown on «Проверьте данные», and in the API for its author', async () => {
    const res = await post({
      kind: 'complaint',
      complainedOrgId: k.body.id,
      obstructsPublicControl: 'yes',
      obstructionKind: 'information_refused',
      publicControlSubject: 'Общественный совет при министерстве',
      email: 'olga@example.test',
      text,
    });
    expect(res.statusCode).toBe(303);
    const check = await citizen.get(String(res.headers.location));
    expect(check.body).toContain('Воспрепятствование общественному контролю');
    expect(check.body).toContain('Отказало в сведениях, нужных для общественного контроля');
    expect(check.body).toContain('Общественный совет при министерстве');
    const draftId = /drafts\/([0-9a-f-]{36})/.exec(String(res.headers.location))?.[1];
    const sent = await citizen.post(`/appeals/drafts/${draftId}/send`, {}, { from: check });
    expect(sent.statusCode).toBe(303);
    const number = /appeals\/([^?]+)/.exec(String(sent.headers.location))?.[1] ?? '';
    const row = await appealsRepository.findByNumber(t.deps.db, number);
    expect(row).toMatchObject({
      kind: 'complaint',
      complainedOrgId: k.body.id,
      obstructionKind: 'information_refused',
      publicControlSubject: 'Общественный совет при министерстве',
      obstructionFinding: null,
    });
    const api = await citizen.get(`/api/v1/appeals/${number}`);
    expect(api.json()).toMatchObject({ obstructionKind: 'information_refused', obstructionFinding: null });
  });

  it('is accepted by the JSON API only with what the official did', async () => {
    const body = {
      type: 'appeal',
      kind: 'complaint',
      orgSlug: k.body.slug,
      complainedOrgId: k.body.id,
      lastName: 'Кузнецова',
      firstName: 'Ольга',
      email: 'olga@example.test',
      text,
      obstructsPublicControl: true,
    };
    const api = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/appeals',
        // a cookie-authenticated API write needs a same-origin Origin
        headers: { cookie: citizen.cookie, origin: t.deps.config.publicUrl },
        payload,
      });
    const bad = await api(body);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('obstructionKind');
    const ok = await api({ ...body, obstructionKind: 'inspection_denied' });
    expect(ok.statusCode).toBe(201);
    const row = await appealsRepository.findByNumber(t.deps.db, ok.json().number);
    expect(row?.obstructionKind).toBe('inspection_denied');
  });

  it('is marked in the staff queue, which filters by it, and on the appeal page', async () => {
    const plain = await k.submit({ kind: 'complaint', complainedOrgId: k.body.id });
    const marked = await k.submit({
      kind: 'complaint',
      complainedOrgId: k.body.id,
      obstructionKind: 'final_document_ignored',
    });
    const all = await officer.get('/manage/appeals');
    expect(all.body).toContain(plain.number);
    expect(all.body).toContain(marked.number);
    expect(all.body).toContain('Общественный контроль</strong>');
    const only = await officer.get('/manage/appeals?obstruction=1');
    expect(only.statusCode).toBe(200);
    expect(only.body).toContain(marked.number);
    expect(only.body).not.toContain(plain.number);
    expect(only.body).toMatch(/name="obstruction" type="checkbox" value="1" checked/);
    const page = await officer.get(`/manage/appeals/${marked.id}`);
    expect(page.body).toContain(
      '<span id="obstruction">Не рассмотрело итоговый документ общественного контроля',
    );
  });

  it('asks the signer for the finding with the answer, then records it and the measure', async () => {
    const a = await k.submit({
      kind: 'complaint',
      complainedOrgId: k.body.id,
      obstructionKind: 'inspection_denied',
    });
    await classifyAppeal(t.deps, k.origin(k.officer), {
      id: a.id,
      questions: [{ topicCode: '0001.0002.0027.0145' }],
    });
    const url = `/manage/appeals/${a.id}`;
    const page = await head.get(url);
    expect(page.body).toContain('Итог проверки жалобы на воспрепятствование общественному контролю');
    const answer = 'Проверка проведена. Доступ общественной комиссии обеспечен.';
    let res = await head.post(`${url}/answer`, { text: answer }, { from: page, multipart: true });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Выберите, подтвердилось ли воспрепятствование общественному контролю');
    expect(res.body).toContain('Доступ общественной комиссии обеспечен.</textarea>');
    res = await head.post(
      `${url}/answer`,
      { text: answer, obstructionFinding: 'confirmed', obstructionMeasure: 'other' },
      { from: page, multipart: true },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Опишите, какая другая мера принята к должностному лицу');
    expect(res.body).toMatch(/name="obstructionFinding" type="radio" value="confirmed" checked/);
    expect((await appealsRepository.findById(t.deps.db, a.id))?.status).toBe('registered');
    res = await head.post(
      `${url}/answer`,
      { text: answer, obstructionFinding: 'confirmed', obstructionMeasure: 'disciplinary' },
      { from: page, multipart: true },
    );
    expect(res.statusCode).toBe(303);
    const row = await appealsRepository.findById(t.deps.db, a.id);
    expect(row).toMatchObject({
      status: 'sent',
      obstructionFinding: 'confirmed',
      obstructionMeasure: 'disciplinary',
      obstructionMeasureNote: null,
    });
    // the author sees what she complained of and the finding in her cabinet
    const author = await sessionFor(t, k.citizenUser);
    const own = await author.get(`/cabinet/appeals/${a.number}`);
    expect(own.body).toContain(
      '<span id="obstruction">Не пустило на общественную проверку, мониторинг или в помещения органа. Итог проверки: Подтвердилось</span>',
    );
    const after = await head.get(url);
    expect(after.body).toContain(
      '<span id="obstruction-finding">Подтвердилось; Дисциплинарное взыскание</span>',
    );
    const answered = (await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, a.id))).find(
      (x) => x.action === 'appeal.answer',
    );
    expect(answered?.details).toMatchObject({
      obstructionFinding: 'confirmed',
      obstructionMeasure: 'disciplinary',
    });
  });

  it('does not ask for a finding on any other complaint', async () => {
    const a = await k.submit({ kind: 'complaint', complainedOrgId: k.body.id });
    await classifyAppeal(t.deps, k.origin(k.officer), {
      id: a.id,
      questions: [{ topicCode: '0001.0002.0027.0145' }],
    });
    const url = `/manage/appeals/${a.id}`;
    const page = await head.get(url);
    expect(page.body).not.toContain('name="obstructionFinding"');
    const res = await head.post(
      `${url}/answer`,
      { text: 'Ответ по существу.', obstructionFinding: 'confirmed', obstructionMeasure: 'none' },
      { from: page, multipart: true },
    );
    expect(res.statusCode).toBe(303);
    expect((await appealsRepository.findById(t.deps.db, a.id))?.obstructionFinding).toBeNull();
  });
});
