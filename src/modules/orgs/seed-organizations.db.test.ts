import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { searchEntries } from '../../platform/search/search.tables.ts';
import { organizations, orgSections, responsibleOfficials } from '../schema.ts';
import { regionData } from './data/index.ts';
import {
  markOrgSectionFilled,
  reindexOrgsIfChanged,
  seedOrganizations,
  upsertOrgSection,
  upsertOrgSections,
} from './index.ts';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps?.close();
});

const counts = async () => {
  const [o] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  const [s] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(orgSections);
  const [r] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(responsibleOfficials);
  return { orgs: o?.n, sections: s?.n, officials: r?.n };
};

describe('seedOrganizations', () => {
  it('fills an empty database with every organisation of the data file, its sections and demo officials', async () => {
    const res = await seedOrganizations(deps, { demoOfficials: true });
    const n = regionData.organizations.length;
    expect(res).toMatchObject({ organizations: n, inserted: n });
    // 10 mechanisms each, plus one level-specific section for the government and each municipality.
    const municipal = regionData.organizations.filter((o) => o.level === 'municipal').length;
    expect(res.sectionsAdded).toBe(n * 10 + 1 + municipal);
    expect(res.demoOfficialsAdded).toBe(n * 6);
    const minzdrav = (
      await deps.db.select().from(organizations).where(eq(organizations.slug, 'minzdrav'))
    )[0];
    const government = (
      await deps.db.select().from(organizations).where(eq(organizations.slug, 'government'))
    )[0];
    expect(minzdrav?.parentId).toBe(government?.id);
    expect(minzdrav?.innIsDemo).toBe(true);
    expect(minzdrav?.sourceNote).toContain('Источник:');
    const officials = await deps.db
      .select()
      .from(responsibleOfficials)
      .where(eq(responsibleOfficials.orgId, minzdrav?.id as string));
    expect(officials.every((o) => o.isDemo && o.fullName.startsWith('Демо: '))).toBe(true);
  });

  it('changes nothing when run again, and keeps what staff changed', async () => {
    const before = await counts();
    await deps.db
      .update(organizations)
      .set({ phone: '+7 (4012) 11-22-33' })
      .where(eq(organizations.slug, 'minfin'));
    await deps.db.update(organizations).set({ nameRu: 'Старое имя' }).where(eq(organizations.slug, 'minfin'));
    const res = await seedOrganizations(deps, { demoOfficials: true });
    expect(res).toMatchObject({ inserted: 0, sectionsAdded: 0, demoOfficialsAdded: 0 });
    expect(await counts()).toEqual(before);
    const [minfin] = await deps.db.select().from(organizations).where(eq(organizations.slug, 'minfin'));
    expect(minfin?.phone).toBe('+7 (4012) 11-22-33');
    // The name belongs to the data file and comes back from it.
    expect(minfin?.nameRu).toBe('Министерство финансов Калининградской области');
  });

  it('lets a later module fill a section and add its own by key without the seed undoing it', async () => {
    const [kgd] = await deps.db.select().from(organizations).where(eq(organizations.slug, 'kaliningrad'));
    const orgId = kgd?.id as string;
    const at = new Date('2026-03-02T10:00:00Z');
    expect(await markOrgSectionFilled(deps.db, orgId, 'appeals', at)).toBe(true);
    expect(await markOrgSectionFilled(deps.db, orgId, 'no_such_section', at)).toBe(false);
    await upsertOrgSection(deps.db, {
      orgId,
      key: 'budget',
      path: 'budget',
      titleRu: 'Бюджет для граждан',
      titleEn: 'Citizens’ budget',
      position: 200,
    });
    await seedOrganizations(deps, { demoOfficials: true });
    const sections = await deps.db.select().from(orgSections).where(eq(orgSections.orgId, orgId));
    expect(sections.find((s) => s.key === 'appeals')?.filledAt?.toISOString()).toBe(at.toISOString());
    expect(sections.find((s) => s.key === 'budget')?.titleRu).toBe('Бюджет для граждан');
  });

  it('adds no demo officials unless asked', async () => {
    const fresh = await createTestDeps();
    try {
      const res = await seedOrganizations(fresh);
      expect(res.demoOfficialsAdded).toBe(0);
      const [r] = await fresh.db.select({ n: sql<number>`count(*)::int` }).from(responsibleOfficials);
      expect(r?.n).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

describe("what a start repeats: section registration and the organisations' search entries", () => {
  const sectionsOf = async (slug: string) => {
    const [org] = await deps.db.select().from(organizations).where(eq(organizations.slug, slug));
    return {
      orgId: org?.id as string,
      rows: await deps.db
        .select({ key: orgSections.key, titleRu: orgSections.titleRu, filledAt: orgSections.filledAt })
        .from(orgSections)
        .where(eq(orgSections.orgId, org?.id as string)),
      // the row versions: a row written again gets a new xmin
      versions: await deps.db.execute<{ key: string; xmin: string }>(
        sql`select key, xmin::text from org_sections where org_id = ${org?.id as string} order by key`,
      ),
    };
  };

  it('registers many sections in one call, rewrites only the rows that differ and keeps the filled mark', async () => {
    const { orgId } = await sectionsOf('minzdrav');
    const input = (titleRu: string) => [
      { orgId, key: 'start_a', path: 'a', titleRu, titleEn: 'A', position: 900 },
      { orgId, key: 'start_b', path: 'b', titleRu: 'Раздел Б', titleEn: 'B', position: 910 },
    ];
    expect(await upsertOrgSections(deps.db, input('Раздел А'))).toBe(2);
    const filled = new Date('2026-04-01T09:00:00Z');
    await markOrgSectionFilled(deps.db, orgId, 'start_a', filled);
    const before = await sectionsOf('minzdrav');
    // the same rows again: nothing is written, not even a new row version
    expect(await upsertOrgSections(deps.db, input('Раздел А'))).toBe(0);
    expect((await sectionsOf('minzdrav')).versions.rows).toEqual(before.versions.rows);
    // one changed title: that row alone, and its filled mark stays
    expect(await upsertOrgSections(deps.db, input('Раздел А (новое название)'))).toBe(1);
    const after = await sectionsOf('minzdrav');
    const a = after.rows.find((r) => r.key === 'start_a');
    expect(a?.titleRu).toBe('Раздел А (новое название)');
    expect(a?.filledAt?.toISOString()).toBe(filled.toISOString());
    const changed = after.versions.rows.filter(
      (r) => before.versions.rows.find((b) => b.key === r.key)?.xmin !== r.xmin,
    );
    expect(changed.map((r) => r.key)).toEqual(['start_a']);
  });

  it("rebuilds the organisations' search entries only when their organisations, sections or officials changed", async () => {
    const entry = async () =>
      (await deps.db.select().from(searchEntries).where(sql`${searchEntries.id} like 'organization:%'`)).find(
        (e) => e.url === '/orgs/minfin',
      );
    const first = await reindexOrgsIfChanged(deps);
    expect(first.orgs).toBeGreaterThan(regionData.organizations.length);
    const indexed = await entry();
    expect(indexed?.title).toBe('Министерство финансов Калининградской области');
    // a second start with nothing changed writes nothing
    expect(await reindexOrgsIfChanged(deps)).toEqual({ orgs: 0 });
    expect((await entry())?.updatedAt).toEqual(indexed?.updatedAt);
    // the seed's data renamed a body (as a release would): the next start rebuilds
    await deps.db
      .update(organizations)
      .set({ nameRu: 'Министерство финансов (переименовано)' })
      .where(eq(organizations.slug, 'minfin'));
    expect((await reindexOrgsIfChanged(deps)).orgs).toBe(first.orgs);
    expect((await entry())?.title).toBe('Министерство финансов (переименовано)');
    // and a changed official too
    await deps.db.update(responsibleOfficials).set({ fullName: 'Демо: Иванова Анна Петровна' });
    expect((await reindexOrgsIfChanged(deps)).orgs).toBe(first.orgs);
    expect(await reindexOrgsIfChanged(deps)).toEqual({ orgs: 0 });
  });
});
