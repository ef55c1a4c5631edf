import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { seedDemoObstruction } from '../../appeals/index.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { seedDemoPlans } from '../seed-demo-plans.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps, { demoOfficials: true });
  expect((await seedDemoPlans(t.deps)).plans).toBe(5);
  // idempotent
  expect((await seedDemoPlans(t.deps)).plans).toBe(0);
  expect((await seedDemoObstruction(t.deps)).complaints).toBe(6);
  expect((await seedDemoObstruction(t.deps)).complaints).toBe(0);
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject(url);

describe('the demo plans', () => {
  it('count the demo complaints of obstructed public control in Минздрав’s report and region-wide (6.5)', async () => {
    const decoded = (html: string, label: string) =>
      (html.match(new RegExp(`<th scope="row"[^>]*>${label}</th>([\\s\\S]*?)</tr>`))?.[1] ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/\s+/g, ' ')
        .trim();
    const report = await get('/orgs/minzdrav/reports/2026');
    expect(report.statusCode).toBe(200);
    // four about Минздрав's officials: one confirmed, two not, one under review — each under 3, so hidden
    expect(decoded(report.body, 'Поступило жалоб')).toBe('4');
    expect(decoded(report.body, 'Воспрепятствование подтвердилось')).toBe('<3');
    const go = await get('/plans/comprehensive');
    const plan = await get(String(go.headers.location));
    // the region: six, three of them not confirmed
    expect(decoded(plan.body, 'Поступило жалоб')).toBe('6');
    expect(decoded(plan.body, 'Не подтвердилось')).toBe('3');
  });

  it('show the comprehensive plan with the bodies’ measures that implement each item', async () => {
    const go = await get('/plans/comprehensive');
    expect(go.statusCode).toBe(303);
    const page = await get(String(go.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Комплексный план мероприятий по развитию открытого правительства');
    expect(page.body).toContain('Реализуется в планах органов');
    expect(page.body).toContain('Публикация публичного плана деятельности с показателями');
    // an overdue activity of the comprehensive plan (deadline 2026-02-15, the clock at 2026-03-02) is at risk
    expect(page.body).toContain('Срок истёк');
  });

  it('show in a departmental plan which comprehensive-plan item a measure implements', async () => {
    const list = await get('/orgs/minzdrav/plans');
    const href =
      /href="(\/orgs\/minzdrav\/plans\/[0-9a-f-]{36})">План Министерства здравоохранения по открытости/.exec(
        list.body,
      )?.[1];
    expect(href).toBeDefined();
    const page = await get(href as string);
    expect(page.body).toContain('Реализует пункт 1.2 комплексного плана');
    expect(page.body).toContain('Итоги общественного обсуждения');
    expect(page.body).toContain('Согласован комиссией');
  });

  it('compute the head’s effective contract for the year from the weighted indicators', async () => {
    const page = await get('/orgs/minzdrav/plans/contract?year=2026');
    expect(page.statusCode).toBe(200);
    // 0.4·28.6 (1.1) + 0.2·37.5 (1.2) + 0.2·40 (2.1) + 0.2·100 (3.1) = 46.9
    expect(page.body).toMatch(/Итог за 2026 год<\/dt>\s*<dd[^>]*>\s*47 %/);
    expect(page.body).toContain('Средний срок ответа на обращение');
    expect(page.body).not.toContain('Среднее время ожидания приёма терапевта');
    expect((await get('/orgs/kaliningrad/plans/contract')).body).toContain(
      'Показатели эффективного контракта не заданы.',
    );
    expect((await get('/orgs/nowhere/plans/contract')).statusCode).toBe(404);
  });

  it('list a municipal plan on the municipality’s section', async () => {
    const page = await get('/orgs/kaliningrad/plans');
    expect(page.body).toContain('План «Открытый муниципалитет»');
    expect(page.body).toContain('Муниципальный план по открытости');
  });
});
