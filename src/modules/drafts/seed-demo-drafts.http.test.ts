import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { visitor } from '../../../test/forms.ts';
import { seedOrganizations } from '../orgs/index.ts';
import { registerDraftSections, seedDemoDrafts } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  await registerDraftSections(t.deps);
});
afterAll(() => t.close());

it('fills the plans and three drafts at different stages, once', async () => {
  expect(await seedDemoDrafts(t.deps)).toEqual({ drafts: 3, planItems: 3 });
  expect(await seedDemoDrafts(t.deps)).toEqual({ drafts: 0, planItems: 0 });
  const v = visitor(t.app);
  const list = await v.get('/drafts');
  expect(list.body).toContain('Найдено проектов: 3');
  expect((await v.get('/drafts?stage=discussion')).body).toContain('О поддержке добровольческой');
  expect((await v.get('/orgs/kaliningrad/drafts')).body).toContain('Принят');
  expect((await v.get('/orgs/minzdrav/drafts?stage=notice')).body).toContain('маршрутизации');
  const plan = await v.get('/orgs/government/legislative-plan');
  expect(plan.body).toContain('Волонтёрские организации не знают');
  expect(plan.body).toContain('Общественный совет поддерживает');
  const home = await v.get('/orgs/minzdrav');
  expect(home.body).toContain('href="/orgs/minzdrav/drafts"');
  const law = list.body.match(/href="\/drafts\/([0-9a-f-]{36})">О поддержке добровольческой/)?.[1];
  const card = await v.get(`/drafts/${law}`);
  expect(card.body).toContain('Сейчас: Обсуждение текста');
  expect(card.body).toContain('Осталось дней:');
});
