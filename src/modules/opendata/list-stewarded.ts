import type { Origin } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { findOrganizationsByIds, listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import { opendataPolicy } from './opendata.policy.ts';
import { type DatasetSummary, opendataRepository as repo } from './opendata.repository.ts';

/** The bodies a steward keeps data for and their datasets (the staff list); refused to anyone who keeps none. */
export async function listStewarded(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
): Promise<{ orgs: OrgRow[]; datasets: DatasetSummary[] }> {
  const scope = opendataPolicy.stewardOf(origin.actor);
  authorize(scope === 'all' || scope.length > 0);
  const orgs =
    scope === 'all' ? await listAllOrganizations(deps.db) : await findOrganizationsByIds(deps.db, scope);
  const datasets = await repo.summaries(
    deps.db,
    orgs.map((o) => o.id),
  );
  return { orgs, datasets };
}
