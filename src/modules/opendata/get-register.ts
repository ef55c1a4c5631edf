import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import {
  findOrganizationBySlug,
  findOrganizationsByIds,
  listAllOrganizations,
  type OrgRow,
} from '../orgs/index.ts';
import { parseFileStamp } from './format.ts';
import { type DatasetSummary, opendataRepository as repo } from './opendata.repository.ts';
import { type Quality, qualityOf } from './quality.ts';

export type RegisterEntry = DatasetSummary & { org: OrgRow; quality: Quality };

/** The public register, region-wide or of one body (by slug): every dataset, each with its body and quality. */
export async function getRegister(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { slug?: string } = {},
): Promise<{ org: OrgRow | null; entries: RegisterEntry[] }> {
  let org: OrgRow | null = null;
  if (input.slug !== undefined) {
    org = (await findOrganizationBySlug(deps.db, input.slug)) ?? null;
    if (!org) throw new NotFound('organization');
  }
  const rows = await repo.summaries(deps.db, org ? [org.id] : undefined);
  const orgs = org ? [org] : await findOrganizationsByIds(deps.db, [...new Set(rows.map((r) => r.orgId))]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const now = deps.clock.now();
  const entries = rows.flatMap((r) => {
    const o = byId.get(r.orgId);
    return o ? [{ ...r, org: o, quality: qualityOf(r, now) }] : [];
  });
  return { org, entries };
}

/** One dataset's passport: the dataset, its body, every structure and data version, its quality. */
export async function getPassport(deps: Pick<Deps, 'db' | 'clock'>, identifier: string) {
  const ds = await repo.byIdentifier(deps.db, identifier);
  if (!ds) throw new NotFound('dataset');
  const [[org], structures, versions] = await Promise.all([
    findOrganizationsByIds(deps.db, [ds.orgId]),
    repo.structures(deps.db, ds.id),
    repo.versions(deps.db, ds.id),
  ]);
  if (!org) throw new NotFound('organization');
  const summary: DatasetSummary = { ...ds, latest: versions[0] ?? null, structure: structures[0] ?? null };
  return { dataset: ds, org, structures, versions, quality: qualityOf(summary, deps.clock.now()) };
}
export type Passport = Awaited<ReturnType<typeof getPassport>>;

/** A file of a dataset by its methodology name: `structure-<stamp>` or `data-<stamp>-structure-<stamp>`. */
export function findVersionFile(p: Passport, name: string) {
  const s = /^structure-(\d{8}T\d{4})$/.exec(name);
  if (s) {
    const at = parseFileStamp(s[1] as string);
    const structure = at && p.structures.find((x) => x.stamp.getTime() === at.getTime());
    return structure ? ({ kind: 'structure', structure } as const) : null;
  }
  const d = /^data-(\d{8}T\d{4})-structure-(\d{8}T\d{4})$/.exec(name);
  if (!d) return null;
  const at = parseFileStamp(d[1] as string);
  const sat = parseFileStamp(d[2] as string);
  const version = at && p.versions.find((v) => v.stamp.getTime() === at.getTime());
  const structure = version && p.structures.find((x) => x.id === version.structureId);
  if (!version || !structure || !sat || structure.stamp.getTime() !== sat.getTime()) return null;
  return { kind: 'data', version, structure } as const;
}

/** Quality summed per body (for the monitoring of openness): datasets, their mean score, how many are fresh. */
export async function opendataQualityByOrg(
  deps: Pick<Deps, 'db' | 'clock'>,
): Promise<{ orgId: string; slug: string; datasets: number; meanScore: number; fresh: number }[]> {
  const [orgs, rows] = await Promise.all([listAllOrganizations(deps.db), repo.summaries(deps.db)]);
  const now = deps.clock.now();
  return orgs.map((o) => {
    const mine = rows.filter((r) => r.orgId === o.id).map((r) => qualityOf(r, now));
    const sum = mine.reduce((a, q) => a + q.score, 0);
    return {
      orgId: o.id,
      slug: o.slug,
      datasets: mine.length,
      meanScore: mine.length ? Math.round(sum / mine.length) : 0,
      fresh: mine.filter((q) => q.checks.fresh).length,
    };
  });
}
