import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { councilForStaff } from './council-access.ts';
import type { CouncilInput } from './councils.input.ts';
import { councilsRepository as repo } from './councils.repository.ts';
import { indexCouncil } from './councils.search.ts';

/** Change a body's name, regulation and the «how to take part» text. */
export async function updateCouncil(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { councilId: string; council: CouncilInput },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const council = await councilForStaff(tx, origin.actor, input.councilId);
    await repo.updateCouncil(tx, council.id, { ...input.council, updatedAt: deps.clock.now() });
    await indexCouncil(tx, { ...council, ...input.council });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council.update',
      objectType: 'council',
      objectId: council.id,
      orgId: council.orgId,
    });
  });
}
