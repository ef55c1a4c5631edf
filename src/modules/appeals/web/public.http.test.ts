import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, sessionFor, signedInAs } from '../../../../test/auth.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import { appealsRepository } from '../appeals.repository.ts';
import { DEMO_AUTHOR_DOMAIN, seedDemoPublicAppeals } from '../seed-demo-public.ts';

let t: TestApp;
let minzdravId: string;
let secrets: string[];
let answeredNumber: string;

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-11-20T12:00:00+02:00');
  await seedOrganizations(t.deps, { demoOfficials: true });
  await seedDemoPublicAppeals(t.deps);
  minzdravId = (await findOrganizationBySlug(t.deps.db, 'minzdrav'))?.id as string;
  const rows = await t.deps.db.query.appeals.findMany({ where: (a, { eq }) => eq(a.orgId, minzdravId) });
  // Every author's surname (in the form stored), e-mail and postal address.
  secrets = [...new Set(rows.flatMap((a) => [a.lastName, a.email as string, a.postalAddress as string]))];
  const answered = rows.find(
    (a) => a.type === 'appeal' && a.status === 'sent' && a.topicCode?.startsWith('0002.0014'),
  );
  answeredNumber = answered?.number as string;
});

afterAll(async () => {
  await t.close();
});

/** The text of a textarea as the browser would send it back. */
function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function expectNoPersonalData(body: string) {
  expect(body).not.toContain(DEMO_AUTHOR_DOMAIN);
  for (const s of secrets) expect(body).not.toContain(s);
}

describe('public appeals pages', () => {
  it('/orgs/<slug>/appeals: who, how, handling with the deadlines from settings, FAQ, statistics with SVG and tables, reviews', async () => {
    const res = await t.app.inject('/orgs/minzdrav/appeals');
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(b).toContain('<h1 class="govuk-heading-xl">Обращения граждан</h1>');
    expect(b).toContain('href="/orgs/minzdrav/appeals/new"');
    expect(b).toContain('Кто отвечает за работу с обращениями');
    expect(b).toContain('в течение 30 дней со дня регистрации');
    expect(b).toContain('как записаться к врачу-специалисту');
    expect(b).toMatch(/<svg[^>]*role="img" aria-labelledby="org-stats-months-title org-stats-months-desc"/);
    expect(b).toContain('<th scope="row" class="govuk-table__header">ноябрь 2026</th>');
    expect(b).toContain('href="/orgs/minzdrav/appeals/reviews/2026-q3"');
    expect(b).not.toMatch(/<script(?![^>]*src=)/);
    expectNoPersonalData(b);
  });

  it('a year without data shows suppressed cells, not zeros', async () => {
    const res = await t.app.inject('/orgs/minsport/appeals');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /Поступило обращений<\/th><td class="govuk-table__cell govuk-table__cell--numeric">&lt;3</,
    );
  });

  it('reviews: the list, a review page, its DOCX, and 404 for a draft or a bad period', async () => {
    const list = await t.app.inject('/orgs/minzdrav/appeals/reviews');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Обзор обращений граждан за III квартал 2026 года');
    const page = await t.app.inject('/orgs/minzdrav/appeals/reviews/2026-q3');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Принятые меры');
    expect(page.body).toContain('href="/orgs/minzdrav/appeals/reviews/2026-q3.docx"');
    expectNoPersonalData(page.body);
    const docx = await t.app.inject('/orgs/minzdrav/appeals/reviews/2026-q3.docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array);
    expect(xml).toContain('Принятые меры');
    expectNoPersonalData(xml);
    expect((await t.app.inject('/orgs/minzdrav/appeals/reviews/2026-q4')).statusCode).toBe(404);
    expect((await t.app.inject('/orgs/minzdrav/appeals/reviews/2026-q9')).statusCode).toBe(404);
    expect((await t.app.inject('/orgs/nowhere/appeals')).statusCode).toBe(404);
  });

  it('/appeals/stats compares every body on the same figures, with the region total and a chart', async () => {
    const res = await t.app.inject('/appeals/stats?year=2026&level=executive');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Министерство здравоохранения Калининградской области');
    expect(res.body).toContain('Всего по области');
    expect(res.body).not.toContain('Калининград</a>');
    expect(res.body).toMatch(/<svg[^>]*aria-labelledby="region-received-title region-received-desc"/);
    expectNoPersonalData(res.body);
  });

  it('GET /api/v1/appeals/stats: public, aggregated, suppressed, documented in OpenAPI', async () => {
    const res = await t.app.inject('/api/v1/appeals/stats?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.bodies.length).toBeGreaterThan(40);
    const mz = body.bodies.find((b: { slug: string }) => b.slug === 'minzdrav');
    expect(typeof mz.figures.received).toBe('number');
    const sport = body.bodies.find((b: { slug: string }) => b.slug === 'minsport');
    expect(sport.figures.received).toBe('<3');
    // No count under 3 anywhere in the answer.
    for (const m of JSON.stringify(body).matchAll(
      /"(?:received|answered|answeredOnTime|forwarded|leftWithoutAnswer|extended|inReview|rated|satisfied|infoRequests|corruptionReports|count)":(\d+)/g,
    ))
      expect(Number(m[1])).toBeGreaterThanOrEqual(3);
    expectNoPersonalData(res.body);
    const one = await t.app.inject('/api/v1/appeals/stats?org=minzdrav&year=2026');
    expect(one.json().region.byMonth).toHaveLength(12);
    const bad = await t.app.inject('/api/v1/appeals/stats?colour=red');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject('/api/v1/appeals/stats?org=nowhere')).statusCode).toBe(404);
    const spec = (await t.app.inject('/openapi.json')).json();
    expect(spec.paths['/api/v1/appeals/stats'].get.responses['200']).toBeDefined();
    expect(spec.paths['/api/v1/appeals/faq'].get.responses['200']).toBeDefined();
  });

  it('GET /api/v1/appeals/faq: the body’s published questions and answers', async () => {
    const res = await t.app.inject('/api/v1/appeals/faq?org=minzdrav');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { question: string }[];
    expect(items.some((i) => i.question.includes('как записаться к врачу-специалисту'))).toBe(true);
    expect((await t.app.inject('/api/v1/appeals/faq?org=nowhere')).statusCode).toBe(404);
    expect((await t.app.inject('/api/v1/appeals/faq')).statusCode).toBe(400);
  });
});

describe('staff: FAQ and reviews', () => {
  let officer: SignedIn;

  beforeAll(async () => {
    officer = await signedInAs(t, 'appeals_officer', 'minzdrav');
  });

  it('anonymous visitors go to sign-in; staff of other bodies cannot open an item', async () => {
    const res = await t.app.inject('/manage/appeals/faq');
    expect(res.statusCode).toBe(303);
    const stranger = await signedInAs(t, 'citizen');
    expect((await stranger.get('/manage/appeals/faq')).statusCode).toBe(403);
  });

  it('writes a question and answer: errors kept, then saved, published on the public page, withdrawn; every write audited', async () => {
    const bad = await officer.post('/manage/appeals/faq/new', {
      orgId: minzdravId,
      question: 'Где получить полис ОМС?',
      answer: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите ответ');
    expect(bad.body).toContain('Где получить полис ОМС?');
    const ok = await officer.post('/manage/appeals/faq/new', {
      orgId: minzdravId,
      question: 'Где получить полис ОМС?',
      answer: 'В любой страховой медицинской организации области.',
    });
    expect(ok.statusCode).toBe(303);
    const editUrl = (ok.headers.location as string).replace(/\?.*/, '');
    expect((await t.app.inject('/orgs/minzdrav/appeals')).body).not.toContain('Где получить полис ОМС?');
    const pub = await officer.post(`${editUrl}/publish`, {}, { from: editUrl });
    expect(pub.statusCode).toBe(303);
    expect((await t.app.inject('/orgs/minzdrav/appeals')).body).toContain('Где получить полис ОМС?');
    await officer.post(`${editUrl}/unpublish`, {}, { from: editUrl });
    expect((await t.app.inject('/orgs/minzdrav/appeals')).body).not.toContain('Где получить полис ОМС?');
    const audit = await t.deps.db.query.auditLog.findMany({
      where: (a, { eq }) => eq(a.actorUserId, officer.userId),
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['appeal_faq.create', 'appeal_faq.publish', 'appeal_faq.unpublish']),
    );
  });

  it('turns an answered appeal into an anonymised FAQ item after staff confirm the findings', async () => {
    const appeal = await appealsRepository.findByNumber(t.deps.db, answeredNumber);
    const preview = await officer.get(`/manage/appeals/faq/from-appeal?number=${answeredNumber}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Проверьте обезличивание');
    expect(preview.body).toContain(`${appeal?.lastName}`);
    expect(preview.body).toContain('Фамилия, имя, отчество');
    expect(preview.body).toContain('[ФИО]');
    // Staff keep every finding but the body's own reference phone (the last one in the answer).
    const boxes = [...preview.body.matchAll(/name="a" type="checkbox" value="(\d+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    const keep = boxes.slice(0, -1);
    const res = await t.app.inject({
      method: 'POST',
      url: `/manage/appeals/faq/from-appeal?number=${answeredNumber}`,
      headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `${new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(preview.body)?.[1] as string })}&${keep.map((k) => `a=${k}`).join('&')}`,
    });
    expect(res.statusCode).toBe(303);
    const edit = await officer.get((res.headers.location as string).replace(/\?.*/, ''));
    expect(edit.body).toContain('Здравствуйте, [ФИО]!');
    expect(edit.body).toContain('8 (4012) 60-00-00');
    expect(edit.body).not.toContain(`${appeal?.lastName}`);
    // 152-ФЗ: the phone left unmasked blocks publication until it is masked (no consent from the author)
    const itemUrl = (res.headers.location as string).replace(/\?.*/, '');
    const blocked = await officer.post(`${itemUrl}/publish`, {}, { from: itemUrl });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.body).toContain('Опубликовать нельзя: в тексте остались персональные данные');
    expect(blocked.body).toContain('8 (4012) 60-00-00');
    const question = /<textarea[^>]*name="question"[^>]*>([^<]*)<\/textarea>/.exec(edit.body)?.[1] ?? '';
    const answer = /<textarea[^>]*name="answer"[^>]*>([^<]*)<\/textarea>/.exec(edit.body)?.[1] ?? '';
    const masked = await officer.post(itemUrl, {
      question: decodeEntities(question),
      answer: decodeEntities(answer).replace('8 (4012) 60-00-00', '[телефон]'),
    });
    expect(masked.statusCode).toBe(303);
    const published = await officer.post(`${itemUrl}/publish`, {}, { from: itemUrl });
    expect(published.statusCode).toBe(303);
    // and an edit of the published item that brings a phone back is refused, the form kept
    const leak = await officer.post(itemUrl, {
      question: decodeEntities(question),
      answer: 'Позвоните инспектору: +7 911 765-43-21.',
    });
    expect(leak.statusCode).toBe(422);
    expect(leak.body).toContain('Опубликовать нельзя: в тексте остались персональные данные');
    expect(leak.body).toContain('+7 911 765-43-21');
    const audit = await t.deps.db.query.auditLog.findMany({
      where: (a, { eq }) => eq(a.actorUserId, officer.userId),
    });
    const created = audit.find((a) => a.action === 'appeal_faq.create_from_appeal');
    expect(created?.details).toMatchObject({ masked: { name: 1 } });
    expect(audit.some((a) => a.action === 'appeal.staff_read' && a.objectId === appeal?.id)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(`${appeal?.lastName}`);
  });

  it('refuses an unknown number and corruption reports with a plain message', async () => {
    const res = await officer.get('/manage/appeals/faq/from-appeal?number=NOPE-2026-1');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Обращение с таким номером не найдено');
    const report = await t.deps.db.query.appeals.findFirst({
      where: (a, { eq, and }) => and(eq(a.orgId, minzdravId), eq(a.type, 'corruption_report')),
    });
    const r2 = await officer.get(`/manage/appeals/faq/from-appeal?number=${report?.number}`);
    expect(r2.body).toContain('Сообщения о коррупции не публикуются');
  });

  it('prepares a quarter’s review, refuses to publish before the quarter ends, publishes after', async () => {
    const bad = await officer.post('/manage/appeals/reviews', {
      orgId: minzdravId,
      year: '1900',
      quarter: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите год от 2020 до 2100');
    expect(bad.body).toContain('Выберите квартал');
    const made = await officer.post('/manage/appeals/reviews', {
      orgId: minzdravId,
      year: '2026',
      quarter: '4',
    });
    expect(made.statusCode).toBe(303);
    const url = (made.headers.location as string).replace(/\?.*/, '');
    const saved = await officer.post(url, { comment: 'Открыт второй колл-центр.' });
    expect(saved.statusCode).toBe(303);
    const early = await officer.post(`${url}/publish`, {}, { from: url });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('Квартал ещё не закончился');
    t.deps.clock.set('2027-01-10T12:00:00+02:00');
    // A new day, a new session: the one from November has expired.
    const again = await sessionFor(t, officer);
    const pub = await again.post(`${url}/publish`, {}, { from: url });
    expect(pub.statusCode).toBe(303);
    const page = await t.app.inject('/orgs/minzdrav/appeals/reviews/2026-q4');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Открыт второй колл-центр.');
    t.deps.clock.set('2026-11-20T12:00:00+02:00');
  });

  it('publishes a review only when the anonymiser finds no personal data in its comment, as for the FAQ', async () => {
    // the clock went to January and back in the test above: a fresh session
    const staff = await sessionFor(t, officer);
    const made = await staff.post('/manage/appeals/reviews', {
      orgId: minzdravId,
      year: '2020',
      quarter: '1',
    });
    expect(made.statusCode).toBe(303);
    const url = (made.headers.location as string).replace(/\?.*/, '');
    const leaky = 'По жалобе Смирновой Анны Петровны (тел. +7 911 123-45-67) заменён регистратор.';
    expect((await staff.post(url, { comment: leaky })).statusCode).toBe(303);
    const refused = await staff.post(`${url}/publish`, {}, { from: url });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('в комментарии остались персональные данные');
    expect((await t.app.inject('/orgs/minzdrav/appeals/reviews/2020-q1')).statusCode).toBe(404);
    const clean = 'По жалобе [ФИО] заменён регистратор.';
    expect((await staff.post(url, { comment: clean })).statusCode).toBe(303);
    expect((await staff.post(`${url}/publish`, {}, { from: url })).statusCode).toBe(303);
    expect((await t.app.inject('/orgs/minzdrav/appeals/reviews/2020-q1')).body).toContain(clean);
    // an edit of the published review is checked again and refused, keeping what was typed
    const edit = await staff.post(url, { comment: leaky });
    expect(edit.statusCode).toBe(422);
    expect(edit.body).toContain('в комментарии остались персональные данные');
    expect(edit.body).toContain('+7 911 123-45-67');
    expect((await t.app.inject('/orgs/minzdrav/appeals/reviews/2020-q1')).body).not.toContain('+7 911');
  });
});
