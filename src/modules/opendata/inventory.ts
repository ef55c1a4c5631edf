import type { z } from 'zod';
import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationBySlug, type OrgRow } from '../orgs/index.ts';
import type { informationResourceInput } from './opendata.input.ts';
import { opendataPolicy } from './opendata.policy.ts';
import { type ResourceRow, opendataRepository as repo } from './opendata.repository.ts';
import { REGENERATE_QUEUE } from './queues.ts';

/** A body's inventory of information resources (10.5), public. */
export async function getInventory(
  deps: Pick<Deps, 'db'>,
  slug: string,
): Promise<{ org: OrgRow; items: ResourceRow[] }> {
  const org = await findOrganizationBySlug(deps.db, slug);
  if (!org) throw new NotFound('organization');
  return { org, items: await repo.resources(deps.db, org.id) };
}

/** The inventory for its steward (refused to anyone else). */
export async function getInventoryForSteward(deps: Pick<Deps, 'db'>, origin: Origin, slug: string) {
  const inv = await getInventory(deps, slug);
  authorize(opendataPolicy.canManage(origin.actor, inv.org.id));
  return inv;
}

/** Add a system or register to the body's inventory: whether it can be published, why not, or when; audited. */
export async function addInformationResource(
  deps: Pick<Deps, 'db' | 'jobs'>,
  origin: Origin,
  input: { slug: string } & z.infer<typeof informationResourceInput>,
): Promise<ResourceRow> {
  const { org } = await getInventoryForSteward(deps, origin, input.slug);
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertResource(tx, {
      orgId: org.id,
      name: input.name,
      description: input.description,
      publishable: input.publishable,
      reason: input.publishable === 'no' ? (input.reason ?? null) : null,
      plannedFor: input.publishable === 'later' ? (input.plannedFor ?? null) : null,
      referenceBook: input.referenceBook,
      datasetIdentifier: input.datasetIdentifier,
    });
    await recordAction(tx, {
      ...origin,
      action: 'information_resource.add',
      objectType: 'information_resource',
      objectId: row.id,
      orgId: org.id,
    });
    // the inventory is itself a dataset
    await deps.jobs.enqueue(tx, REGENERATE_QUEUE, {}, { singletonKey: 'opendata', startAfterSeconds: 10 });
    return row;
  });
}
