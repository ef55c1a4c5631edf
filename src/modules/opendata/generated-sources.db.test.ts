import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { visitor } from '../../../test/forms.ts';
import { findOrganizationBySlug, seedOrganizations } from '../orgs/index.ts';
import { regenerateSources } from './generated-sources.ts';
import { opendataRepository as repo } from './opendata.repository.ts';
import { seedDemoOpendata } from './seed-demo-opendata.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  t.deps.clock.set('2026-03-02T09:00:00Z');
  await seedDemoOpendata(t.deps);
});
afterAll(() => t.close());

describe('datasets generated from the portal’s own registries (10.4)', () => {
  it('publishes each body’s list of datasets and the region’s, as files of the register', async () => {
    const first = await regenerateSources(t.deps);
    // five bodies with demo datasets and the region-wide list; the five reference books the portal keeps
    // (10.2), owned by the government, so the government's own list too; Минздрав's demo inventory and the
    // region's; no documents are published here
    expect(first.written).toBe(14);
    const minzdrav = await findOrganizationBySlug(t.deps.db, 'minzdrav');
    const own = await repo.byIdentifier(t.deps.db, `${minzdrav?.inn}-datasets`);
    expect(own?.source).toBe('generated:datasets');
    const meta = (await visitor(t.app).get(`/opendata/${own?.identifier}/meta.json`)).json();
    const data = (
      await visitor(t.app).get(new URL(meta.data[0].source.replace(/\.csv$/, '.json')).pathname)
    ).json();
    expect(data).toEqual([
      // the demo inventory of Минздрав, a generated dataset registered earlier in the same run
      expect.objectContaining({ identifier: `${minzdrav?.inn}-inventory`, frequency: 'on_change' }),
      {
        identifier: `${minzdrav?.inn}-medorgs`,
        title: 'Перечень медицинских организаций, участвующих в программе госгарантий',
        topic: 'health',
        frequency: 'quarterly',
        modified: '2026-03-02',
        quality: expect.any(Number),
      },
    ]);
    const government = await findOrganizationBySlug(t.deps.db, 'government');
    const region = await repo.byIdentifier(t.deps.db, `${government?.inn}-regiondatasets`);
    const regionMeta = (await visitor(t.app).get(`/opendata/${region?.identifier}/meta.json`)).json();
    const regionRows = (
      await visitor(t.app).get(new URL(regionMeta.data[0].source.replace(/\.csv$/, '.json')).pathname)
    ).json();
    // the five demo datasets, the five reference books, Минздрав's and the region's inventories
    expect(regionRows).toHaveLength(12);
  });

  it('a run with nothing changed writes no version; a change writes one only where it shows', async () => {
    expect((await regenerateSources(t.deps)).written).toBe(0);
    t.deps.clock.set('2026-03-10T09:00:00Z');
    const minzdrav = await findOrganizationBySlug(t.deps.db, 'minzdrav');
    const ds = await repo.byIdentifier(t.deps.db, `${minzdrav?.inn}-medorgs`);
    if (!ds) throw new Error('demo dataset missing');
    await repo.touch(t.deps.db, ds.id, t.deps.clock.now());
    // minzdrav's own list and the region's list change; nobody else's
    expect((await regenerateSources(t.deps)).written).toBe(2);
    const own = await repo.byIdentifier(t.deps.db, `${minzdrav?.inn}-datasets`);
    expect(await repo.versions(t.deps.db, own?.id ?? '')).toHaveLength(2);
  });
});
