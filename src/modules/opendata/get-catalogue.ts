import type { Deps } from '../../platform/deps.ts';
import { findOrganizationsByIds } from '../orgs/index.ts';
import type { FullDataset } from './api/ckan-dicts.ts';
import { opendataRepository as repo } from './opendata.repository.ts';

/**
 * The whole catalogue with every version and structure, for the CKAN API and
 * DCAT: four queries whatever its size. A region's register holds hundreds to
 * a few thousand datasets, so searching it in memory is cheaper than a search
 * index of its own; past that, package_search moves to SQL.
 */
export async function getCatalogue(deps: Pick<Deps, 'db'>): Promise<FullDataset[]> {
  const all = await repo.all(deps.db);
  const ids = all.map((d) => d.id);
  const [{ versions, structures }, orgs] = await Promise.all([
    repo.versionsOf(deps.db, ids),
    findOrganizationsByIds(deps.db, [...new Set(all.map((d) => d.orgId))]),
  ]);
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  const group = <T extends { datasetId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.datasetId, [...(m.get(r.datasetId) ?? []), r]);
    return m;
  };
  const versionsOf = group(versions);
  const structuresOf = group(structures);
  return all.flatMap((dataset) => {
    const org = orgOf.get(dataset.orgId);
    if (!org) return [];
    return [
      {
        dataset,
        org,
        versions: versionsOf.get(dataset.id) ?? [],
        structures: structuresOf.get(dataset.id) ?? [],
      },
    ];
  });
}
