import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import { regenerateSources } from '../generated-sources.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
});
afterAll(() => t.close());

describe('the inventory of information resources (10.5)', () => {
  it('a steward adds resources; «why not» and «when» are asked in plain words; the inventory is public and a dataset', async () => {
    const steward = await signedInAs(t, 'data_steward', 'minsoc');
    const url = '/manage/opendata/inventory/minsoc';
    const missing = await steward.post(url, {
      name: 'Реестр получателей мер социальной поддержки',
      description: 'Сведения о гражданах, получающих меры поддержки',
      publishable: 'no',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Объясните, почему ресурс нельзя опубликовать');
    expect(missing.body).toContain('Реестр получателей мер социальной поддержки');
    const no = await steward.post(url, {
      name: 'Реестр получателей мер социальной поддержки',
      description: 'Сведения о гражданах, получающих меры поддержки',
      publishable: 'no',
      reason: 'Содержит персональные данные (152-ФЗ)',
    });
    expect(no.statusCode).toBe(303);
    const later = await steward.post(url, {
      name: 'Реестр организаций социального обслуживания',
      description: 'Поставщики социальных услуг области',
      publishable: 'later',
      plannedFor: 'IV квартал 2026',
    });
    expect(later.statusCode).toBe(303);

    const page = await visitor(t.app).get('/orgs/minsoc/opendata/inventory');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Содержит персональные данные (152-ФЗ)');
    expect(page.body).toContain('IV квартал 2026');

    await regenerateSources(t.deps);
    const org = await findOrganizationBySlug(t.deps.db, 'minsoc');
    const meta = (await visitor(t.app).get(`/opendata/${org?.inn}-inventory/meta.json`)).json();
    const rows = (
      await visitor(t.app).get(new URL(meta.data[0].source.replace(/\.csv$/, '.json')).pathname)
    ).json();
    expect(rows.map((r: { publishable: string }) => r.publishable)).toEqual(['later', 'no']); // by name
  });

  it('a steward of another body may not change this inventory', async () => {
    const other = await signedInAs(t, 'data_steward', 'minzdrav');
    expect((await other.get('/manage/opendata/inventory/minsoc')).statusCode).toBe(403);
  });
});
