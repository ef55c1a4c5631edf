import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../test/auth.ts';
import { visitor } from '../../../test/forms.ts';
import { userActor } from '../../platform/authz/index.ts';
import { seed } from '../../seed.ts';
import type { AppealInsert } from '../appeals/appeals.repository.ts';
import { appealsRepository } from '../appeals/appeals.repository.ts';
import { findOrganizationBySlug } from '../orgs/index.ts';
import { cycleResults } from './cycle-results.ts';
import { getDiagnostic } from './get-diagnostic.ts';
import { DEMO_MONITORING } from './index.ts';
import { monitoringRepository as repo } from './monitoring.repository.ts';

/*
 * A whole monitoring cycle on the demo region (SEED=demo), through the real
 * app: the methodology edited into a new version the running cycle does not
 * see, weights refused with the reason; automatic figures frozen from the
 * region's activity (an overdue appeal lowers the appeals score by the
 * documented amount); a self-assessment saved, refused outside the scale,
 * submitted, returned, submitted again; two experts, blind to each other until
 * they submit, reconciled; the citizens' survey answered; the index, the
 * rating, its CSV and the annual report as DOCX.
 */

let t: TestApp;
let office: SignedIn;
let editor: SignedIn;
let outsider: SignedIn;
let expert1: SignedIn;
let expert2: SignedIn;
let insider: SignedIn;
let kaliningradId: string;
let minsportId: string;
const YEAR = DEMO_MONITORING.openYear;
const BASE = '/manage/monitoring';
const text = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

let seq = 0;
async function appeal(on: string, answeredOn: string, due: string, over: Partial<AppealInsert> = {}) {
  seq++;
  const at = new Date(`${on}T10:00:00+02:00`);
  return appealsRepository.insert(t.deps.db, {
    number: `M-${on.slice(0, 4)}-${seq}`,
    orgId: minsportId,
    year: Number(on.slice(0, 4)),
    sequence: 90000 + seq,
    type: 'appeal',
    kind: 'statement',
    lastName: 'Тестова',
    firstName: 'Анна',
    email: 'anna@example.test',
    text: 'Текст',
    status: 'sent',
    receivedAt: at,
    registeredAt: at,
    registeredOn: on,
    dueDate: due,
    originalDueDate: due,
    forwardDueDate: due,
    noticeDueDate: due,
    answeredAt: new Date(`${answeredOn}T12:00:00+02:00`),
    ...over,
  });
}

async function cycle() {
  const c = await repo.cycleOfYear(t.deps.db, YEAR);
  if (!c) throw new Error('no cycle');
  return c;
}

async function lineOf(orgId: string, code: string) {
  const { results } = await cycleResults(t.deps.db, await cycle());
  const r = results.find((x) => x.orgId === orgId);
  const line = r?.result.lines.find((l) => l.code === code);
  if (!r || !line) throw new Error(`no line ${code}`);
  return { index: r.result.index, line };
}

beforeAll(async () => {
  t = await createTestApp({ env: { SEED: 'demo' } });
  await seed(t.deps);
  kaliningradId = (await findOrganizationBySlug(t.deps.db, 'kaliningrad'))?.id as string;
  minsportId = (await findOrganizationBySlug(t.deps.db, 'minsport'))?.id as string;
  office = await signedInAs(t, 'project_office', null);
  editor = await signedInAs(t, 'editor', 'kaliningrad');
  outsider = await signedInAs(t, 'editor', 'minfin');
  expert1 = await signedInAs(t, 'expert', null, { lastName: 'Первый' });
  expert2 = await signedInAs(t, 'expert', null, { lastName: 'Вторая' });
  insider = await signedInAs(t, 'expert', null, {
    lastName: 'Свой',
    grants: [{ role: 'editor', orgId: kaliningradId }],
  });
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('the methodology', () => {
  it('edits an active version into a new draft, refuses weights that do not add up, and the running cycle keeps its version', async () => {
    const before = await cycle();
    const page = await office.get(`${BASE}/criteria/4.2-a`);
    expect(page.statusCode).toBe(200);
    const edit = {
      questionRu: 'Доля обращений, на которые ответ дан в срок',
      weight: '3',
      scale: 'percent',
      source: 'automatic',
      autoKey: 'appeals.on_time',
      appliesTo: 'both',
      evidenceRu: 'Реестр обращений портала',
    };
    const bad = await office.post(`${BASE}/criteria/4.2-a`, { ...edit, weight: 'много' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите вес');
    expect(bad.body).toContain('value="много"');
    const saved = await office.post(`${BASE}/criteria/4.2-a`, edit);
    expect(saved.statusCode).toBe(303);
    const draft = await office.get(`${BASE}/methodology`);
    expect(draft.body).toContain('Редакция 2');
    const refused = await office.post(`${BASE}/methodology/activate`, {}, { from: `${BASE}/methodology` });
    expect(refused.statusCode).toBe(422);
    expect(text(refused.body)).toContain(
      'Сумма весов критериев для органов исполнительной власти — 101,5, а должна быть 100',
    );
    // give the 1.5 back: task 1.1 weighs 1.8, now 0.3
    const fix = await office.post(`${BASE}/criteria/1.1`, {
      questionRu: 'Общественный совет сформирован на конкурсной основе с учётом референтных групп',
      weight: '0,3',
      scale: 'yes_no',
      source: 'self',
      appliesTo: 'both',
    });
    expect(fix.statusCode).toBe(303);
    const ok = await office.post(`${BASE}/methodology/activate`, {}, { from: `${BASE}/methodology` });
    expect(ok.statusCode).toBe(303);
    const versions = await repo.methodologies(t.deps.db);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'active'],
      [1, 'superseded'],
    ]);
    expect((await cycle()).methodologyId).toBe(before.methodologyId);
    expect((await repo.findMethodology(t.deps.db, before.methodologyId))?.version).toBe(1);
  });

  it('is the project office’s: a body’s editor is refused', async () => {
    expect((await editor.get(`${BASE}/methodology`)).statusCode).toBe(403);
  });
});

describe('the yearly cycle', () => {
  it('refuses a second cycle for the same year with the reason', async () => {
    const res = await office.post(`${BASE}/cycles/new`, {
      year: String(YEAR),
      cutoffOn: `${YEAR + 1}-01-20`,
      orgIds: [kaliningradId],
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Цикл за этот год уже открыт');
  });

  it('freezes the automatic figures with the data behind them; an overdue appeal lowers the appeals score by the documented amount', async () => {
    for (let i = 0; i < 5; i++) await appeal('2026-01-12', '2026-01-20', '2026-02-10');
    const frozen = await office.post(`${BASE}/cycles/${YEAR}/freeze`, {}, { from: `${BASE}/cycles/${YEAR}` });
    expect(frozen.statusCode).toBe(303);
    const before = await lineOf(minsportId, '4.2-a');
    const autos = await repo.autoValues(t.deps.db, (await cycle()).id, minsportId);
    const data = autos.find((a) => a.value === before.line.value && a.data.answered !== undefined)?.data;
    const answered = Number(data?.answered);
    const onTime = Number(data?.answeredOnTime);
    expect(before.line.value).toBe(Math.round((onTime / answered) * 1000) / 10);
    expect(before.line.basis).toContain(`Ответов в срок ${onTime} из ${answered}`);

    // one more answer, given after its deadline
    await appeal('2026-01-13', '2026-02-20', '2026-02-11');
    await office.post(`${BASE}/cycles/${YEAR}/freeze`, {}, { from: `${BASE}/cycles/${YEAR}` });
    const after = await lineOf(minsportId, '4.2-a');
    const expected = Math.round((onTime / (answered + 1)) * 1000) / 10;
    expect(after.line.value).toBe(expected);
    // documented: the criterion earns its weight × the share answered on time
    const documented = (before.line.maxPoints * ((before.line.value as number) - expected)) / 100;
    expect(before.line.points - after.line.points).toBeCloseTo(documented, 1);
    expect(after.line.points).toBeLessThan(before.line.points);
  });
});

describe('self-assessment', () => {
  it('is a form without JavaScript: saved as a draft, refused outside the scale, submitted, returned with remarks, submitted again', async () => {
    const url = `${BASE}/cycles/${YEAR}/self/kaliningrad`;
    const page = await editor.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Самообследование 2026');
    const s = await repo.cycleOrg(t.deps.db, (await cycle()).id, kaliningradId);
    expect(s?.selfStatus).toBe('draft');
    const criteria = (await repo.criteriaOf(t.deps.db, (await cycle()).methodologyId)).filter(
      (c) => c.source === 'self' && c.appliesTo !== 'executive',
    );
    const yesNo = criteria.find((c) => c.scale === 'yes_no');
    const score = criteria.find((c) => c.scale === 'score_0_3');
    const fields: Record<string, string> = {};
    for (const c of criteria) {
      fields[`v_${c.id}`] = c.scale === 'yes_no' ? '1' : '2';
      fields[`e_${c.id}`] = '/orgs/kaliningrad';
    }
    const outOfScale = await editor.post(url, { ...fields, [`v_${score?.id}`]: '5', action: 'submit' });
    expect(outOfScale.statusCode).toBe(422);
    expect(text(outOfScale.body)).toContain(
      `${score?.task}: ответ «5» вне шкалы — укажите целое число от 0 до 3`,
    );
    const badLink = await editor.post(url, {
      ...fields,
      [`e_${yesNo?.id}`]: 'javascript:alert(1)',
      action: 'save',
    });
    expect(badLink.statusCode).toBe(422);
    expect(badLink.body).toContain('укажите ссылку на подтверждение');
    const draft = await editor.post(url, { ...fields, [`v_${yesNo?.id}`]: '', action: 'save' });
    expect(draft.statusCode).toBe(303);
    const missing = await editor.post(url, { ...fields, [`v_${yesNo?.id}`]: '', action: 'submit' });
    expect(missing.statusCode).toBe(422);
    expect(text(missing.body)).toContain(`${yesNo?.task}: ответьте на вопрос`);
    expect((await editor.post(url, { ...fields, action: 'submit' })).statusCode).toBe(303);
    expect((await editor.post(url, { ...fields, action: 'submit' })).statusCode).toBe(409);

    expect((await outsider.get(url)).statusCode).toBe(403);
    const returned = await office.post(
      `${url}/return`,
      { remarks: 'Приложите ссылку на положение о совете' },
      { from: url },
    );
    expect(returned.statusCode).toBe(303);
    const again = await editor.get(url);
    expect(again.body).toContain('Приложите ссылку на положение о совете');
    expect(again.body).toContain(`value="/orgs/kaliningrad"`);
    expect((await editor.post(url, { ...fields, action: 'submit' })).statusCode).toBe(303);
    expect((await repo.cycleOrg(t.deps.db, (await cycle()).id, kaliningradId))?.selfStatus).toBe('submitted');
  });
});

describe('diagnostic', () => {
  it('shows a body, at any time, where it loses points and where to win them back', async () => {
    const page = await editor.get(`${BASE}/diagnostic/kaliningrad`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Где теряются баллы');
    const d = await getDiagnostic(
      t.deps,
      userActor(office.userId, [{ role: 'project_office', orgId: null }]),
      'kaliningrad',
    );
    expect(d.lines.map((l) => l.lost)).toEqual([...d.lines.map((l) => l.lost)].sort((a, b) => b - a));
    const counted = d.lines.filter((l) => l.maxPoints > 0);
    expect(counted.reduce((a, l) => a + l.points + l.lost, 0)).toBeCloseTo(100, 0);
    expect(text(page.body)).toContain(
      `Индекс сейчас: ${d.index.toLocaleString('ru-RU', { maximumFractionDigits: 2 })} из 100`,
    );
    const losing = d.lines.find((l) => l.lost > 0 && l.action);
    expect(page.body).toContain(`href="${losing?.action}"`);
    expect((await outsider.get(`${BASE}/diagnostic/kaliningrad`)).statusCode).toBe(403);
    expect((await office.get(`${BASE}/diagnostic/government`)).statusCode).toBe(404);
  });
});

describe('experts', () => {
  it('refuses an expert who works in the organisation; two experts score blind; a wide difference is reconciled', async () => {
    const cyclePage = `${BASE}/cycles/${YEAR}`;
    const own = await office.post(
      `${cyclePage}/assign`,
      { orgId: kaliningradId, expertUserId: insider.userId },
      { from: cyclePage },
    );
    expect(own.statusCode).toBe(422);
    expect(own.body).toContain('Эксперт работает в этой организации и не может её оценивать');
    for (const e of [expert1, expert2])
      expect(
        (
          await office.post(
            `${cyclePage}/assign`,
            { orgId: kaliningradId, expertUserId: e.userId },
            { from: cyclePage },
          )
        ).statusCode,
      ).toBe(303);
    const form = `${BASE}/cycles/${YEAR}/expert/kaliningrad`;
    expect((await insider.get(form)).statusCode).toBe(404);
    const criteria = (await repo.criteriaOf(t.deps.db, (await cycle()).methodologyId)).filter(
      (c) => (c.source === 'expert' || c.source === 'outside') && c.appliesTo !== 'executive',
    );
    const first = criteria[0];
    const scores = (v: (id: string) => string) =>
      Object.fromEntries(criteria.map((c) => [`v_${c.id}`, c.scale === 'yes_no' ? '1' : v(c.id)]));
    expect(
      (
        await expert1.post(form, {
          ...scores(() => '3'),
          [`c_${first?.id}`]: 'Заключения совета публикуются',
          action: 'submit',
        })
      ).statusCode,
    ).toBe(303);
    // blind: expert 1 has submitted, expert 2 has not, so expert 1 sees no one else's score yet
    const seen = await expert1.get(form);
    expect(seen.body).toContain('Оценки других экспертов');
    expect(seen.body).not.toContain('>0<');
    const page2 = await expert2.get(form);
    expect(page2.body).not.toContain('Заключения совета публикуются');
    expect(
      (await expert2.post(form, { ...scores((id) => (id === first?.id ? '0' : '3')), action: 'submit' }))
        .statusCode,
    ).toBe(303);
    expect((await expert2.get(form)).body).toContain('<td class="govuk-table__cell">3</td>');

    const { pending } = await cycleResults(t.deps.db, await cycle());
    expect(pending.map((p) => p.code)).toEqual([first?.code]);
    const refused = await office.post(`${cyclePage}/publish`, {}, { from: cyclePage });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Согласуйте оценки экспертов');
    const rec = await office.post(
      `${cyclePage}/reconcile`,
      {
        orgId: kaliningradId,
        criterionId: first?.id as string,
        value: '2',
        note: 'Заключения есть, но не по всем проектам',
      },
      { from: cyclePage },
    );
    expect(rec.statusCode).toBe(303);
    const line = await lineOf(kaliningradId, first?.code as string);
    expect(line.line.value).toBe(2);
    expect(line.line.basis).toContain('согласовано проектным офисом: 2');
  });
});

describe('the rating', () => {
  it('takes the citizens’ survey, publishes the index, ranks bodies and municipalities apart and explains every point', async () => {
    const survey = await t.deps.db.query.surveys.findFirst({
      where: (s, { eq }) => eq(s.purpose, 'monitoring.satisfaction'),
    });
    const citizen = await signedInAs(t, 'citizen', null);
    const answered = await citizen.post(`/surveys/${survey?.id}`, { q_used: 'Нет', q_score: '4' });
    expect(answered.statusCode).toBe(303);
    const cyclePage = `${BASE}/cycles/${YEAR}`;
    await office.post(`${cyclePage}/freeze`, {}, { from: cyclePage });
    const survey85 = await lineOf(kaliningradId, '8.5');
    expect(survey85.line.value).toBe(75);
    expect(survey85.line.basis).toContain('средняя оценка 4 из 5');

    const published = await office.post(`${cyclePage}/publish`, {}, { from: cyclePage });
    expect(published.statusCode).toBe(303);

    const anon = visitor(t.app);
    const rating = await anon.get(`/rating/${YEAR}`);
    expect(rating.statusCode).toBe(200);
    expect(rating.body).toContain('Органы исполнительной власти');
    expect(rating.body).toContain('Муниципальные образования');
    expect(rating.body).toContain(`href="/rating/${YEAR}/kaliningrad"`);
    const results = await repo.results(t.deps.db, (await cycle()).id);
    const kal = results.find((r) => r.orgId === kaliningradId);
    const past = await repo.results(
      t.deps.db,
      (await repo.cycleOfYear(t.deps.db, DEMO_MONITORING.publishedYear))?.id as string,
    );
    const change =
      Math.round(
        ((kal?.index as number) - (past.find((r) => r.orgId === kaliningradId)?.index as number)) * 10,
      ) / 10;
    expect(kal?.level).toBe('municipal');

    const explained = await anon.get(`/rating/${YEAR}/kaliningrad`);
    expect(explained.statusCode).toBe(200);
    const body = text(explained.body);
    expect(body).toContain(
      `Индекс ${Number(kal?.index).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} из 100, ${kal?.rank}-е место`,
    );
    expect(body).toContain(
      `${change > 0 ? '+' : ''}${change.toLocaleString('ru-RU', { maximumFractionDigits: 1 })}`,
    );
    // the profile across the mechanisms: an SVG chart with the same figures in a table
    expect(explained.body).toMatch(/<svg[^>]*role="img"/);
    expect(body).toContain('Профиль по механизмам');
    expect(body).toContain('Заключения есть, но не по всем проектам');
    expect(body).toContain('Заключения совета публикуются');
    expect(body).toContain('средняя оценка 4 из 5');
    expect(kal?.lines.reduce((a, l) => a + l.points, 0)).toBeCloseTo(kal?.index as number, 0);

    // in the portal's search (read from the index: the search page itself falls back to newest-first under load)
    const indexed = await t.deps.db.execute(
      sql`select title from search_entries where url = ${`/rating/${YEAR}/kaliningrad`} and type = 'openness_rating'`,
    );
    expect(String(indexed.rows[0]?.title)).toContain('индекс открытости 2026');

    const csv = await anon.get(`/rating/${YEAR}/rating.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Калининград');

    const docx = await anon.get(`/rating/${YEAR}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    const top = results.find((r) => r.level === 'executive' && r.rank === 1);
    const topOrg = await t.deps.db.query.organizations.findFirst({
      where: (o, { eq }) => eq(o.id, top?.orgId as string),
    });
    expect(value).toContain('Рейтинг органов исполнительной власти');
    expect(value).toContain('Рейтинг муниципальных образований');
    expect(value).toMatch(
      new RegExp(
        `1\\s*${topOrg?.nameRu}\\s*${Number(top?.index).toLocaleString('ru-RU', { maximumFractionDigits: 1 })}`,
      ),
    );

    const api = await anon.get(`/api/v1/ratings/${YEAR}`);
    expect(api.statusCode).toBe(200);
    const items = JSON.parse(api.body).items as { organization: string; index: number; table: string }[];
    expect(items.find((i) => i.organization === 'kaliningrad')).toMatchObject({
      index: kal?.index,
      table: 'municipal',
    });
    const one = JSON.parse((await anon.get(`/api/v1/ratings/${YEAR}/kaliningrad`)).body);
    expect(one.lines.length).toBe(kal?.lines.length);
    expect((await anon.get('/api/v1/ratings/abc')).statusCode).toBe(400);

    // closed: no more answers
    const late = await editor.post(
      `${BASE}/cycles/${YEAR}/self/kaliningrad`,
      { action: 'save' },
      { from: `${BASE}/cycles/${YEAR}/self/kaliningrad` },
    );
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Цикл закрыт');
  });

  it('answers 404 for a year without a published rating or a bad year', async () => {
    const anon = visitor(t.app);
    expect((await anon.get('/rating/2019')).statusCode).toBe(404);
    expect((await anon.get('/rating/abc')).statusCode).toBe(404);
    expect((await anon.get(`/rating/${YEAR}/no-such-org`)).statusCode).toBe(404);
    expect((await anon.get('/rating')).statusCode).toBe(303);
    expect((await anon.get('/orgs/kaliningrad/rating')).body).toContain(`/rating/${YEAR}/kaliningrad`);
  });
});
