import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput } from '../../platform/errors/index.ts';
import { findOrganizationBySlug } from '../orgs/index.ts';
import type { ProposeDatasetInput } from './opendata.input.ts';
import { opendataPolicy } from './opendata.policy.ts';
import { type ProposalRow, opendataRepository as repo } from './opendata.repository.ts';

/** A signed-in person proposes a dataset to a body (10.3): it is listed at once as «новое»; audited. */
export async function proposeDataset(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: ProposeDatasetInput,
): Promise<ProposalRow> {
  authorize(opendataPolicy.canPropose(origin.actor));
  const org = await findOrganizationBySlug(deps.db, input.org);
  if (!org) throw new InvalidInput([{ field: 'org', message: 'opendata.field.proposalOrg.required' }]);
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertProposal(tx, {
      orgId: org.id,
      userId: isSignedIn(origin.actor) ? origin.actor.userId : null,
      title: input.title,
      description: input.description,
      reason: input.reason,
      status: 'new',
      createdAt: deps.clock.now(),
    });
    await recordAction(tx, {
      ...origin,
      action: 'dataset_proposal.submit',
      objectType: 'dataset_proposal',
      objectId: row.id,
      orgId: org.id,
    });
    return row;
  });
}
