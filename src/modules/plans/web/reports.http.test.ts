import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { seedDemoPlans } from '../seed-demo-plans.ts';

let t: TestApp;
let editor: SignedIn;
const manageUrl = '/manage/plans/reports/minzdrav/2026';
const publicUrl = '/orgs/minzdrav/reports/2026';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ')
    .replace(/&quot;/g, '"');

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-11-28T10:00:00+02:00');
  await seedOrganizations(t.deps, { demoOfficials: true });
  await seedDemoPlans(t.deps);
  // start from no reports: the staff write them here
  await t.deps.db.$client.query('delete from plan_reports');
  editor = await signedInAs(t, 'editor', 'minzdrav');
});
afterAll(async () => {
  await t?.close();
});

describe('the annual report of a body (task 6.4)', () => {
  it('starts from a text generated from the plan’s data, with the figures per indicator', async () => {
    const page = await editor.get(manageUrl);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    // the approved openness plan (the public plan in discussion is not reported on)
    expect(text).toContain('План Министерства здравоохранения по открытости на 2026–2027 годы');
    expect(text).not.toContain('Публичный план деятельности Министерства здравоохранения');
    // 1.1: target 95 %, Q2 actual 90 → at risk; 1.2: 12, 7 and 2.1: 10, 4 → not achieved; 3.1: 20 down, 19 → achieved
    expect(page.body).toContain(
      'Из 4 показателей по итогам года достигнуто 1, под угрозой 1, не достигнуто 2, нет данных по 0.',
    );
    expect(page.body).toContain(
      'Не достигнуты: 1.2 Число опубликованных наборов открытых данных; 2.1 Число проектов',
    );
    // 2.2 was due in February and is still in progress
    expect(text).toMatch(/Обсуждение порядка маршрутизации пациентов с общественным советом .*Срок истёк/);
    // nothing is public yet
    expect((await visitor(t.app).get(publicUrl)).statusCode).toBe(404);
  });

  it('says what to fix, keeps a draft unpublished, then publishes it with the co-report', async () => {
    const empty = await editor.post(manageUrl, { textRu: ' ', coReportRu: 'Содоклад', action: 'publish' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Введите текст доклада');
    expect(empty.body).toContain('Содоклад');

    const text =
      'В 2026 году министерство исполняло план по открытости.\n\nПо показателю 1.2 приняты меры: открыты ещё пять наборов данных.';
    const saved = await editor.post(manageUrl, { textRu: text, coReportRu: '', action: 'save' });
    expect(saved.statusCode).toBe(303);
    expect((await visitor(t.app).get(publicUrl)).statusCode).toBe(404);
    const staffView = await editor.get(publicUrl);
    expect(staffView.statusCode).toBe(200);
    expect(staffView.body).toContain('Доклад ещё не опубликован');

    const published = await editor.post(manageUrl, {
      textRu: text,
      coReportRu: 'Совет поддерживает доклад и рекомендует ускорить ответы на обращения.',
      action: 'publish',
    });
    expect(published.statusCode).toBe(303);
    const page = await visitor(t.app).get(publicUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('открыты ещё пять наборов данных');
    expect(page.body).toContain('Совет поддерживает доклад');
    // the page links the files where they are served
    expect(page.body).toContain(`href="${publicUrl}/report.docx"`);
    expect(page.body).toContain(`href="${publicUrl}/report.pdf"`);
    expect(textOf(page.body)).toMatch(/Число опубликованных наборов открытых данных.*Не достигнут/);
    expect((await visitor(t.app).get('/orgs/minzdrav/reports')).body).toContain(publicUrl);
    // an outsider cannot edit another body's report
    const outsider = await signedInAs(t, 'editor', 'minfin');
    expect((await outsider.get(manageUrl)).statusCode).toBe(403);
    const audit = await t.deps.db.$client.query(
      "select action from audit_log where action like 'plan_report.%' order by at",
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['plan_report.save', 'plan_report.publish']);
  });

  it('downloads as DOCX and PDF with the text, the items and their status', async () => {
    const docx = await t.app.inject(`${publicUrl}/report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(value).toContain('Итоговый доклад за 2026 год');
    expect(value).toContain('открыты ещё пять наборов данных');
    expect(value).toMatch(
      /Доля обращений граждан, рассмотренных в установленный срок\s+%\s+95\s+90\s+Под угрозой/,
    );
    expect(value).toMatch(/Число опубликованных наборов открытых данных\s+ед\.\s+12\s+7\s+Не достигнут/);
    expect(value).toMatch(/Средний срок ответа на обращение\s+раб\. дн\.\s+20\s+19\s+Достигнут/);
    expect(value).toMatch(/Публикация публичного плана деятельности с показателями\s+2026-03-31\s+Исполнено/);
    expect(value).toContain('Совет поддерживает доклад');

    const pdf = await t.app.inject(`${publicUrl}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Итоговый доклад за 2026 год');
    expect(flat).toContain('Число опубликованных наборов открытых данных');
    expect(flat).toContain('Не достигнут');
  });

  it('finds plans by their items’ words and the published report in search', async () => {
    const plan = await visitor(t.app).get(`/search?q=${encodeURIComponent('маршрутизации пациентов')}`);
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain('План Министерства здравоохранения по открытости на 2026–2027 годы');
    const report = await visitor(t.app).get(`/search?q=${encodeURIComponent('пять наборов данных')}`);
    expect(report.body).toContain(`href="${publicUrl}"`);
    // the template is never searchable
    const template = await t.deps.db.$client.query(
      "select count(*)::int as n from search_entries s join plans p on s.id = 'plan:' || p.id where p.is_template",
    );
    expect(template.rows[0].n).toBe(0);
  });

  it('answers 404 for a year that is not a year and for a body with no report', async () => {
    expect((await t.app.inject('/orgs/minzdrav/reports/20x6')).statusCode).toBe(404);
    expect((await t.app.inject('/orgs/minfin/reports/2026')).statusCode).toBe(404);
    expect((await t.app.inject('/orgs/minfin/reports/2026/report.docx')).statusCode).toBe(404);
  });
});

describe('the media campaign of a reporting period (task 5.5)', () => {
  it('refuses a malformed line, then shows the news and events with the plan’s results', async () => {
    expect((await visitor(t.app).get('/orgs/kaliningrad/reports/2026/campaign')).statusCode).toBe(404);
    const mayor = await signedInAs(t, 'editor', 'kaliningrad');
    const url = '/manage/plans/reports/kaliningrad/2026';
    const bad = await mayor.post(
      `${url}/campaign`,
      { campaignLinks: 'Отчёт главы без даты | /x' },
      { from: url },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Укажите каждый материал строкой');
    expect(bad.body).toContain('Отчёт главы без даты | /x');
    const ok = await mayor.post(
      `${url}/campaign`,
      {
        campaignLinks:
          'event: 2026-04-28 Отчёт главы администрации перед жителями | /orgs/kaliningrad/plans\n2026-07-01 Итоги отбора проектов | https://example.org/news/1',
      },
      { from: url },
    );
    expect(ok.statusCode).toBe(303);
    const page = await visitor(t.app).get('/orgs/kaliningrad/reports/2026/campaign');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Медиакампания по итогам исполнения плана за 2026 год');
    expect(text).toMatch(/Мероприятие 28\.04\.2026 Отчёт главы администрации перед жителями/);
    expect(text).toMatch(/Новость 01\.07\.2026 Итоги отбора проектов/);
    // the plan's results sit beside it, and the report (not written) is not linked
    expect(text).toContain('Число проектов инициативного бюджетирования, отобранных голосованием');
    expect(page.body).not.toContain('href="/orgs/kaliningrad/reports/2026"');
    // saving the campaign started the report from the generated draft, unpublished
    const list = await visitor(t.app).get('/orgs/kaliningrad/reports');
    expect(list.body).toContain('/orgs/kaliningrad/reports/2026/campaign');
    expect((await visitor(t.app).get('/orgs/kaliningrad/reports/2026')).statusCode).toBe(404);
  });
});
