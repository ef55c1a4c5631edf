import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { plansRepository } from '../plans.repository.ts';
import { seedPlanTemplate } from '../seed-plans.ts';

let t: TestApp;
let editor: SignedIn;
let planId: string;
let publicUrl: string;
let indicatorId: string;
let otherItemId: string;

const commentIdOf = (location: unknown) => String(location).split('#comment-')[1] as string;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps, { demoOfficials: true });
  const templateId = (await seedPlanTemplate(t.deps)).template as string;
  const minzdrav = await t.deps.db.query.organizations.findFirst({
    where: (o, { eq }) => eq(o.slug, 'minzdrav'),
  });
  editor = await signedInAs(t, 'editor', 'minzdrav');
  const res = await editor.post('/manage/plans/new', {
    orgId: minzdrav?.id as string,
    templateId,
    kind: 'departmental_openness',
    titleRu: 'План Минздрава по открытости на 2026–2027 годы',
    summaryRu: '',
    periodStart: '2026',
    periodEnd: '2027',
  });
  expect(res.statusCode).toBe(303);
  planId = String(res.headers.location).replace(/\?.*$/, '').split('/').pop() as string;
  publicUrl = `/orgs/minzdrav/plans/${planId}`;
  const items = await plansRepository.items(t.deps.db, planId);
  indicatorId = items.find((i) => i.code === '1.1')?.id as string;
  otherItemId = items.find((i) => i.code === '1.2')?.id as string;
  expect(indicatorId && otherItemId).toBeTruthy();
});
afterAll(async () => {
  await t?.close();
});

describe('comments on a plan through the participation engine', () => {
  it('has no discussion until staff put the plan up for discussion, then one with the items as anchors', async () => {
    expect((await t.app.inject(publicUrl)).body).not.toContain('id="discussion"');
    const managePath = `/manage/plans/${planId}`;
    const step = await editor.post(
      `${managePath}/step`,
      { action: 'start_discussion' },
      { from: managePath },
    );
    expect(step.statusCode).toBe(303);
    const plan = await plansRepository.findPlan(t.deps.db, planId);
    expect(plan?.discussionId).toBeTruthy();
    const d = await t.deps.db.query.discussions.findFirst({
      where: (x, { eq }) => eq(x.id, plan?.discussionId as string),
    });
    expect(d?.objectType).toBe('plan');
    expect(d?.objectId).toBe(planId);
    expect(d?.ownerUrl).toBe(publicUrl);
    expect(d?.anchors.map((a) => a.id)).toContain(indicatorId);
    expect(d?.anchors.find((a) => a.id === indicatorId)?.label).toMatch(/^1\.1\. /);
    // an anonymous reader sees the section and is asked to sign in
    const page = await visitor(t.app).get(publicUrl);
    expect(page.body).toContain('id="discussion"');
    expect(page.body).toContain('/sign-in?next=');
  });

  it('lets a citizen comment on an item from its page; the item page shows it, another item’s does not', async () => {
    const citizen = await signedInAs(t, 'citizen');
    const itemUrl = `${publicUrl}/items/${indicatorId}`;
    const form = await citizen.get(itemUrl);
    expect(form.statusCode).toBe(200);
    // the form points at this item
    expect(form.body).toMatch(new RegExp(`<option[^>]*value="${indicatorId}"[^>]*selected`));
    // and it returns to this page
    expect(form.body).toContain(`<input type="hidden" name="back" value="${itemUrl}"/>`);
    const res = await citizen.post(
      `/discussions/${(await plansRepository.findPlan(t.deps.db, planId))?.discussionId}/comments`,
      { anchor: indicatorId, text: 'Целевое значение на 2027 год занижено, предлагаю 95 %.', back: itemUrl },
      { from: form },
    );
    expect(res.statusCode).toBe(303);
    // back to the item's page it was written on
    expect(String(res.headers.location)).toMatch(new RegExp(`^${itemUrl}#comment-`));
    // a return address outside the plan's pages is not followed: the plan's page instead
    for (const back of [
      '//evil.example/x',
      `${publicUrl}/../../../sign-in`,
      '/orgs/minfin/plans',
      'https://evil.example',
    ]) {
      const other = await citizen.post(
        `/discussions/${(await plansRepository.findPlan(t.deps.db, planId))?.discussionId}/comments`,
        { anchor: indicatorId, text: `Проверка адреса возврата ${back.length}`, back },
      );
      expect(String(other.headers.location), back).toMatch(new RegExp(`^${publicUrl}#comment-`));
    }
    const onItem = await visitor(t.app).get(itemUrl);
    expect(onItem.body).toContain('Целевое значение на 2027 год занижено');
    expect(onItem.body).toContain('Участник №1');
    const onOther = await visitor(t.app).get(`${publicUrl}/items/${otherItemId}`);
    expect(onOther.body).toContain('id="discussion"');
    expect(onOther.body).not.toContain('Целевое значение на 2027 год занижено');
    // the plan's page shows every comment with the item it points at
    const onPlan = await visitor(t.app).get(publicUrl);
    expect(onPlan.body).toContain('Целевое значение на 2027 год занижено');
    expect(onPlan.body).toMatch(/к части: 1\.1\. /);
  });

  it('lets the body’s staff answer officially and a moderator hide a comment with the reason shown', async () => {
    const plan = await plansRepository.findPlan(t.deps.db, planId);
    const discussionId = plan?.discussionId as string;
    const citizen = await signedInAs(t, 'citizen');
    const asked = await citizen.post(`/discussions/${discussionId}/comments`, {
      anchor: indicatorId,
      text: 'Откуда берутся фактические значения?',
    });
    const questionId = commentIdOf(asked.headers.location);
    const answer = await editor.post(`/discussions/${discussionId}/comments`, {
      parentId: questionId,
      text: 'Из статистики обращений портала, раз в квартал.',
      official: 'yes',
    });
    expect(answer.statusCode).toBe(303);
    const itemPage = await visitor(t.app).get(`${publicUrl}/items/${indicatorId}`);
    expect(itemPage.body).toContain('Из статистики обращений портала, раз в квартал.');
    expect(itemPage.body).toContain('Официальный ответ');

    const rude = await citizen.post(`/discussions/${discussionId}/comments`, { text: 'Грубость о плане' });
    const rudeId = commentIdOf(rude.headers.location);
    const moderator = await signedInAs(t, 'moderator', null);
    const modPage = await moderator.get(`/manage/discussions/${discussionId}/comments/${rudeId}`);
    const hidden = await moderator.post(
      `/manage/discussions/${discussionId}/comments/${rudeId}/hide`,
      { reason: 'Нарушение правил: оскорбления' },
      { from: modPage },
    );
    expect(hidden.statusCode).toBe(303);
    const planPage = await visitor(t.app).get(publicUrl);
    expect(planPage.body).toContain('Причина: Нарушение правил: оскорбления');
    expect(planPage.body).not.toContain('Грубость о плане');
  });

  it('closes the discussion when the plan leaves it, and reopens it when the plan is put up again', async () => {
    const plan = await plansRepository.findPlan(t.deps.db, planId);
    const discussionId = plan?.discussionId as string;
    const managePath = `/manage/plans/${planId}`;
    // ten days of discussion, then the body submits the plan for agreement
    t.deps.clock.advance(10 * 86_400_000);
    const submitted = await editor.post(
      `${managePath}/step`,
      { action: 'submit', discussionResult: 'Учтено одно предложение из трёх.' },
      { from: managePath },
    );
    expect(submitted.statusCode).toBe(303);
    const closed = await t.deps.db.query.discussions.findFirst({
      where: (x, { eq }) => eq(x.id, discussionId),
    });
    expect(closed?.closesAt.getTime()).toBeLessThan(t.deps.clock.now().getTime());
    const citizen = await signedInAs(t, 'citizen');
    const late = await citizen.post(`/discussions/${discussionId}/comments`, {
      text: 'Ещё одно предложение',
    });
    expect(late.statusCode).toBeGreaterThanOrEqual(400);
    expect(late.statusCode).toBeLessThan(500);
    expect((await visitor(t.app).get(publicUrl)).body).not.toContain('Ещё одно предложение');

    // returned by the commission and put up again: comments are taken once more
    const commission = await signedInAs(t, 'project_office', null);
    const returned = await commission.post(
      `${managePath}/step`,
      { action: 'return', remarks: 'Доработать показатели' },
      { from: await commission.get(managePath) },
    );
    expect(returned.statusCode).toBe(303);
    // an item added while the plan is reworked becomes a part comments may point at
    const goal = (await plansRepository.items(t.deps.db, planId)).find((i) => i.code === '1');
    const added = await editor.post(`${managePath}/items/new`, {
      kind: 'indicator',
      parentId: goal?.id ?? '',
      code: '1.9',
      titleRu: 'Доля ответов на комментарии в срок',
      unit: '%',
      direction: 'up',
      weight: '1',
    });
    expect(added.statusCode).toBe(303);
    const again = await editor.post(
      `${managePath}/step`,
      { action: 'start_discussion' },
      { from: managePath },
    );
    expect(again.statusCode).toBe(303);
    const reopened = await t.deps.db.query.discussions.findFirst({
      where: (x, { eq }) => eq(x.id, discussionId),
    });
    expect(reopened?.closesAt.getTime()).toBe(t.deps.clock.now().getTime() + 30 * 86_400_000);
    expect(reopened?.anchors.map((a) => a.label)).toContain('1.9. Доля ответов на комментарии в срок');
    expect(reopened?.anchors.map((a) => a.id)).toContain(indicatorId);
    const ok = await citizen.post(`/discussions/${discussionId}/comments`, {
      text: 'Предложение ко второму обсуждению',
    });
    expect(ok.statusCode).toBe(303);
    const audit = await t.deps.db.$client.query<{ action: string }>(
      "select action from audit_log where action in ('discussion.close', 'discussion.reopen') order by id",
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['discussion.close', 'discussion.reopen']);
  });
});
