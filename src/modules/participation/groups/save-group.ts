import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { findOrganizationById } from '../../orgs/index.ts';
import type { GroupInput } from './groups.input.ts';
import { groupsPolicy } from './groups.policy.ts';
import { type GroupRow, groupsRepository as repo } from './groups.repository.ts';
import { indexGroup } from './groups.search.ts';

/** Define a body's reference group or edit one (task 2.1); a group never moves to another body; audited. */
export async function saveGroup(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { id?: string | undefined; group: GroupInput },
): Promise<GroupRow> {
  const existing = input.id ? await repo.groupById(deps.db, input.id) : undefined;
  if (input.id && !existing) throw new NotFound('reference_group');
  const orgId = existing?.orgId ?? input.group.orgId;
  authorize(groupsPolicy.canManage(origin.actor, orgId), existing !== undefined);
  const { name, who, why, how, channels, needsApproval } = input.group;
  return deps.db.transaction(async (tx) => {
    let row: GroupRow;
    if (existing) {
      await repo.updateGroup(tx, existing.id, { name, who, why, how, channels, needsApproval });
      row = { ...existing, name, who, why, how, channels, needsApproval };
    } else {
      row = await repo.insertGroup(tx, { orgId, name, who, why, how, channels, needsApproval });
    }
    await recordAction(tx, {
      ...origin,
      action: existing ? 'reference_group.update' : 'reference_group.create',
      objectType: 'reference_group',
      objectId: row.id,
      orgId,
      details: { needsApproval },
    });
    await indexGroup(tx, row, await findOrganizationById(tx, orgId));
    return row;
  });
}
