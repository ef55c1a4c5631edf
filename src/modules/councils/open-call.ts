import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { councilForStaff } from './council-access.ts';
import type { CallInput } from './councils.input.ts';
import { type CallRow, councilsRepository as repo } from './councils.repository.ts';

/** Open a competitive selection of members: dates, places, groups, documents, weighted criteria (task 1.1). */
export async function openCall(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { councilId: string; call: CallInput },
): Promise<CallRow> {
  return deps.db.transaction(async (tx) => {
    const council = await councilForStaff(tx, origin.actor, input.councilId);
    const { criteria, ...call } = input.call;
    const row = await repo.insertCall(tx, { ...call, councilId: council.id });
    await repo.insertCriteria(
      tx,
      criteria.map((c, i) => ({ callId: row.id, nameRu: c.name, weight: c.weight, position: i + 1 })),
    );
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_call.open',
      objectType: 'council_call',
      objectId: row.id,
      orgId: council.orgId,
      details: { councilId: council.id, places: row.places },
    });
    return row;
  });
}
