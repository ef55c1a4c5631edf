import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findOrganizationBySlug, findOrganizationsByIds, type OrgRow } from '../orgs/index.ts';
import { type CycleRow, type ResultRow, monitoringRepository as repo } from './monitoring.repository.ts';

export type RatingRow = ResultRow & { org: OrgRow; change: number | null };
export type Rating = { cycle: CycleRow; years: number[]; executive: RatingRow[]; municipal: RatingRow[] };

async function publishedCycle(deps: Pick<Deps, 'db'>, year: number): Promise<CycleRow> {
  const cycle = Number.isInteger(year) ? await repo.cycleOfYear(deps.db, year) : undefined;
  if (cycle?.status !== 'published') throw new NotFound('rating');
  return cycle;
}

/** The newest year with a published rating, or null. */
export async function latestRatingYear(deps: Pick<Deps, 'db'>): Promise<number | null> {
  return (await repo.publishedYears(deps.db))[0] ?? null;
}

/**
 * A published rating: bodies and municipalities ranked apart, each with its
 * index by mechanism and the change of its index against the previous
 * published year. Public: no access check (only published snapshots are read).
 */
export async function getRating(deps: Pick<Deps, 'db'>, year: number): Promise<Rating> {
  const cycle = await publishedCycle(deps, year);
  const [results, previous, years] = await Promise.all([
    repo.results(deps.db, cycle.id),
    repo.publishedBefore(deps.db, cycle.year),
    repo.publishedYears(deps.db),
  ]);
  const before = new Map(
    (previous ? await repo.results(deps.db, previous.id) : []).map((r) => [r.orgId, r.index]),
  );
  const orgs = new Map(
    (
      await findOrganizationsByIds(
        deps.db,
        results.map((r) => r.orgId),
      )
    ).map((o) => [o.id, o]),
  );
  const rows = results.flatMap((r) => {
    const org = orgs.get(r.orgId);
    if (!org) return [];
    const prev = before.get(r.orgId);
    return [{ ...r, org, change: prev === undefined ? null : Math.round((r.index - prev) * 10) / 10 }];
  });
  return {
    cycle,
    years,
    executive: rows.filter((r) => r.level === 'executive'),
    municipal: rows.filter((r) => r.level === 'municipal'),
  };
}

/** One organisation's place and every point of its index in a published year. */
export async function getOrgRating(
  deps: Pick<Deps, 'db'>,
  input: { year: number; slug: string },
): Promise<{ rating: Rating; row: RatingRow; count: number }> {
  const org = await findOrganizationBySlug(deps.db, input.slug);
  if (!org) throw new NotFound('organization');
  const rating = await getRating(deps, input.year);
  const table = org.level === 'municipal' ? rating.municipal : rating.executive;
  const row = table.find((r) => r.orgId === org.id);
  if (!row) throw new NotFound('rating');
  return { rating, row, count: table.length };
}

/** The years an organisation was rated in, newest first, with its index and place. */
export async function getOrgRatingHistory(
  deps: Pick<Deps, 'db'>,
  slug: string,
): Promise<{ org: OrgRow; years: { year: number; index: number; rank: number }[] }> {
  const org = await findOrganizationBySlug(deps.db, slug);
  if (!org) throw new NotFound('organization');
  const out: { year: number; index: number; rank: number }[] = [];
  for (const year of await repo.publishedYears(deps.db)) {
    const cycle = await repo.cycleOfYear(deps.db, year);
    const r = cycle ? (await repo.results(deps.db, cycle.id)).find((x) => x.orgId === org.id) : undefined;
    if (r) out.push({ year, index: r.index, rank: r.rank });
  }
  return { org, years: out };
}
