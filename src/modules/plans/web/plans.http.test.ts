import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { plansRepository } from '../plans.repository.ts';
import { seedPlanTemplate } from '../seed-plans.ts';

let t: TestApp;
let editor: SignedIn;
let head: SignedIn;
let office: SignedIn;
let outsider: SignedIn;
let templateId: string;
let minzdravId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps, { demoOfficials: true });
  templateId = (await seedPlanTemplate(t.deps)).template as string;
  minzdravId = (
    await t.deps.db.query.organizations.findFirst({ where: (o, { eq }) => eq(o.slug, 'minzdrav') })
  )?.id as string;
  editor = await signedInAs(t, 'editor', 'minzdrav');
  head = await signedInAs(t, 'head', 'minzdrav');
  office = await signedInAs(t, 'project_office', null);
  outsider = await signedInAs(t, 'editor', 'minfin');
});
afterAll(async () => {
  await t?.close();
});

const location = (res: { headers: Record<string, unknown> }) => String(res.headers.location);

/** Create a plan from the template through the form; returns its staff address. */
async function createFromTemplate(title: string): Promise<string> {
  const res = await editor.post('/manage/plans/new', {
    orgId: minzdravId,
    templateId,
    kind: 'departmental_openness',
    titleRu: title,
    summaryRu: '',
    periodStart: '2026',
    periodEnd: '2027',
  });
  expect(res.statusCode).toBe(303);
  return location(res).replace(/\?.*$/, '');
}

async function firstIndicator(planUrl: string) {
  const planId = planUrl.split('/').pop() as string;
  const items = await plansRepository.items(t.deps.db, planId);
  const indicator = items.find((i) => i.code === '1.1');
  if (!indicator) throw new Error('no 1.1');
  return { planId, indicator };
}

describe('a departmental openness plan from the template', () => {
  let planUrl: string;

  it('is created by the body with the template’s directions and indicators', async () => {
    planUrl = await createFromTemplate('План Минздрава по открытости на 2026–2027 годы');
    const page = await editor.get(planUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Информационная открытость органа власти');
    expect(page.body).toContain('Доля обращений граждан, рассмотренных в установленный срок');
    // the template itself is not public; another body's editor cannot open this plan in /manage
    const { planId } = await firstIndicator(planUrl);
    expect((await t.app.inject(`/orgs/government/plans/${templateId}`)).statusCode).toBe(404);
    expect((await outsider.get(`/manage/plans/${planId}`)).statusCode).toBe(403);
  });

  it('takes targets and actuals; the public page shows the chart, the table and the computed status', async () => {
    const { planId, indicator } = await firstIndicator(planUrl);
    const itemUrl = `${planUrl}/items/${indicator.id}`;
    const targets = await editor.post(
      `${itemUrl}/targets`,
      { 'target_2026-Q1': '60', target_2026: '80', target_2027: '90' },
      { from: itemUrl },
    );
    expect(targets.statusCode).toBe(303);
    const actual = await editor.post(
      `${itemUrl}/actuals`,
      {
        period: '2026',
        value: '75,5',
        reportedOn: '2026-02-10',
        source: 'Журнал регистрации обращений',
        comment: '',
      },
      { from: itemUrl },
    );
    expect(actual.statusCode).toBe(303);

    const pub = await t.app.inject(`/orgs/minzdrav/plans/${planId}/items/${indicator.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('<svg');
    expect(pub.body).toContain('role="img"');
    expect(pub.body).toMatch(
      /2026 г\.<\/t[hd]>\s*<td[^>]*>80<\/td>\s*<td[^>]*>75,5<\/td>\s*<td[^>]*>Под угрозой/,
    );
    expect(pub.body).toContain('Журнал регистрации обращений');
    const plan = await t.app.inject(`/orgs/minzdrav/plans/${planId}`);
    expect(plan.body).toContain('Под угрозой');
    expect(plan.body).toContain('Как считается выполнение');
    // «под угрозой» keeps the branch at risk and drops the others
    const risk = await t.app.inject(`/orgs/minzdrav/plans/${planId}?show=risk`);
    expect(risk.body).toContain('Доля обращений граждан');
    expect(risk.body).not.toContain('Число заседаний общественного совета');
  });

  it('refuses a period outside the plan, a non-numeric value and a target against the direction', async () => {
    const { indicator } = await firstIndicator(planUrl);
    const itemUrl = `${planUrl}/items/${indicator.id}`;
    const outside = await editor.post(
      `${itemUrl}/actuals`,
      { period: '2030', value: '70', reportedOn: '2026-02-10', source: 'x' },
      { from: itemUrl },
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.body).toContain('вне периода плана');
    expect(outside.body).toContain('value="2030"');
    const words = await editor.post(
      `${itemUrl}/actuals`,
      { period: '2026', value: 'около семидесяти', reportedOn: '2026-02-10', source: 'x' },
      { from: itemUrl },
    );
    expect(words.statusCode).toBe(422);
    expect(words.body).toContain('Значение должно быть числом');
    expect(words.body).toContain('около семидесяти');
    const targetOutside = await editor.post(`${itemUrl}/targets`, { target_2031: '5' }, { from: itemUrl });
    expect(targetOutside.statusCode).toBe(422);
    // a lower-is-better indicator with a baseline: a target above it contradicts the direction
    const items = await plansRepository.items(t.deps.db, planUrl.split('/').pop() as string);
    const days = items.find((i) => i.code === '3.1');
    const daysUrl = `${planUrl}/items/${days?.id}`;
    const base = await editor.post(
      daysUrl,
      {
        parentId: days?.parentId ?? '',
        titleRu: days?.titleRu ?? '',
        unit: 'раб. дн.',
        direction: 'down',
        baseline: '20',
        baselineYear: '2025',
        weight: '1',
      },
      { from: daysUrl },
    );
    expect(base.statusCode).toBe(303);
    const against = await editor.post(`${daysUrl}/targets`, { target_2026: '25' }, { from: daysUrl });
    expect(against.statusCode).toBe(422);
    expect(against.body).toContain('противоречат направлению');
  });

  it('adds an indicator to the tree through the form, and says what to fix', async () => {
    const { planId } = await firstIndicator(planUrl);
    const goal = (await plansRepository.items(t.deps.db, planId)).find((i) => i.code === '2');
    const bad = await editor.post(`${planUrl}/items/new`, {
      kind: 'indicator',
      parentId: goal?.id ?? '',
      titleRu: 'Охват',
      weight: 'много',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Укажите единицу измерения');
    expect(bad.body).toContain('Вес — положительное число');
    const ok = await editor.post(`${planUrl}/items/new`, {
      kind: 'indicator',
      parentId: goal?.id ?? '',
      code: '2.3',
      titleRu: 'Число участников онлайн-консультаций',
      unit: 'чел.',
      direction: 'up',
      weight: '0,5',
    });
    expect(ok.statusCode).toBe(303);
    expect((await t.app.inject(`/orgs/minzdrav/plans/${planId}`)).body).toContain(
      'Число участников онлайн-консультаций',
    );
  });

  it('goes through discussion, agreement by the commission and approval by the head, with the history shown', async () => {
    const { planId } = await firstIndicator(planUrl);
    const step = (who: SignedIn, fields: Record<string, string>) =>
      who.post(`${planUrl}/step`, fields, { from: planUrl });
    expect((await step(editor, { action: 'start_discussion' })).statusCode).toBe(303);
    expect((await t.app.inject(`/orgs/minzdrav/plans/${planId}`)).body).toContain('На обсуждении');
    // leaving discussion needs its result
    const noResult = await step(editor, { action: 'submit' });
    expect(noResult.statusCode).toBe(422);
    expect(noResult.body).toContain('Опишите итоги общественного обсуждения');
    expect(
      (await step(editor, { action: 'submit', discussionResult: 'Поступило 12 предложений, учтено 5.' }))
        .statusCode,
    ).toBe(303);
    // the head cannot approve before the commission agrees
    const early = await head.post(`${planUrl}/step`, { action: 'approve' }, { from: planUrl });
    expect(early.statusCode).toBe(409);
    // the editor cannot agree for the commission
    expect((await editor.post(`${planUrl}/step`, { action: 'agree' }, { from: planUrl })).statusCode).toBe(
      403,
    );
    const officePage = await office.get(planUrl);
    expect(officePage.body).toContain('Согласовать (комиссия)');
    expect(
      (
        await office.post(
          `${planUrl}/step`,
          { action: 'agree', remarks: 'Уточнить срок по п. 2.1' },
          { from: officePage },
        )
      ).statusCode,
    ).toBe(303);
    expect((await head.post(`${planUrl}/step`, { action: 'approve' }, { from: planUrl })).statusCode).toBe(
      303,
    );
    const pub = await t.app.inject(`/orgs/minzdrav/plans/${planId}`);
    expect(pub.body).toContain('Утверждён');
    expect(pub.body).toContain('Итоги общественного обсуждения');
    expect(pub.body).toContain('Поступило 12 предложений, учтено 5.');
    for (const text of [
      'Вынесен на общественное обсуждение',
      'Направлен на согласование',
      'Согласован комиссией',
      'Уточнить срок по п. 2.1',
      'Утверждён руководителем',
    ])
      expect(pub.body).toContain(text);
  });

  it('refuses to edit the approved plan and routes the change to a new version, the approved one staying visible', async () => {
    const { planId, indicator } = await firstIndicator(planUrl);
    const itemUrl = `${planUrl}/items/${indicator.id}`;
    const edit = await editor.post(
      itemUrl,
      { parentId: indicator.parentId ?? '', titleRu: 'Иначе', unit: '%', direction: 'up', weight: '1' },
      { from: itemUrl },
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.body).toContain('Создайте новую редакцию');
    // actuals are still reported after approval
    const actual = await editor.post(
      `${itemUrl}/actuals`,
      { period: '2026-Q1', value: '62', reportedOn: '2026-04-05', source: 'Журнал' },
      { from: itemUrl },
    );
    expect(actual.statusCode).toBe(303);

    const version = await editor.post(`${planUrl}/new-version`, {}, { from: planUrl });
    expect(version.statusCode).toBe(303);
    const v2 = location(version).replace(/\?.*$/, '');
    const v2Id = v2.split('/').pop() as string;
    expect(v2Id).not.toBe(planId);
    const v2Item = (await plansRepository.items(t.deps.db, v2Id)).find((i) => i.code === '1.1');
    const v2ItemUrl = `${v2}/items/${v2Item?.id}`;
    const changed = await editor.post(
      v2ItemUrl,
      {
        parentId: v2Item?.parentId ?? '',
        titleRu: 'Доля обращений, рассмотренных в срок (уточнено)',
        unit: '%',
        direction: 'up',
        weight: '1',
      },
      { from: v2ItemUrl },
    );
    expect(changed.statusCode).toBe(303);
    // the approved version keeps its wording and says a new one is being prepared
    const approved = await t.app.inject(`/orgs/minzdrav/plans/${planId}`);
    expect(approved.body).toContain('Доля обращений граждан, рассмотренных в установленный срок');
    expect(approved.body).not.toContain('(уточнено)');
    expect(approved.body).toContain('Готовится редакция 2');
    // the new version carries the reported values over
    const v2Pub = await t.app.inject(`/orgs/minzdrav/plans/${v2Id}/items/${v2Item?.id}`);
    expect(v2Pub.body).toContain('75,5');
    // a second new version of the same plan is refused
    expect((await editor.post(`${planUrl}/new-version`, {}, { from: planUrl })).statusCode).toBe(409);
  });

  it('lists the body’s plans on its public section', async () => {
    const res = await t.app.inject('/orgs/minzdrav/plans');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('План Минздрава по открытости на 2026–2027 годы');
    expect((await t.app.inject('/orgs/minzdrav/plans/not-a-uuid')).statusCode).toBe(404);
    expect(
      (await t.app.inject('/orgs/minzdrav/plans/00000000-0000-4000-8000-000000000000/items/x')).statusCode,
    ).toBe(404);
  });

  it('gives every plan, indicator and value as JSON under /api/v1', async () => {
    const list = await t.app.inject('/api/v1/plans?organization=minzdrav&kind=departmental_openness');
    expect(list.statusCode).toBe(200);
    const page = list.json() as { items: { id: string; status: string; version: number }[]; total: number };
    expect(page.total).toBe(2);
    const approved = page.items.find((p) => p.status === 'approved');
    expect(approved).toBeDefined();
    const detail = await t.app.inject(`/api/v1/plans/${approved?.id}`);
    expect(detail.statusCode).toBe(200);
    const plan = detail.json() as {
      items: {
        id: string;
        code: string;
        periods: { period: string; target: number; actual: number; status: string }[];
        values: { value: number }[];
      }[];
      history: { action: string }[];
    };
    const ind = plan.items.find((i) => i.code === '1.1');
    expect(ind?.periods.find((p) => p.period === '2026')).toEqual({
      period: '2026',
      target: 80,
      actual: 75.5,
      status: 'at_risk',
    });
    expect(ind?.values.map((v) => v.value).sort()).toEqual([62, 75.5]);
    expect(plan.history.map((h) => h.action)).toContain('approve');
    const item = await t.app.inject(`/api/v1/plans/${approved?.id}/items/${ind?.id}`);
    expect(item.statusCode).toBe(200);
    // the template is not public, bad ids are 400, unknown ones 404
    expect((await t.app.inject(`/api/v1/plans/${templateId}`)).statusCode).toBe(404);
    expect((await t.app.inject('/api/v1/plans/nope')).statusCode).toBe(400);
    expect((await t.app.inject('/api/v1/plans?kind=wish')).statusCode).toBe(400);
  });
});
