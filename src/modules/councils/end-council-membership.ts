import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors/index.ts';
import { councilForStaff } from './council-access.ts';
import { councilsRepository as repo } from './councils.repository.ts';

/** End a membership before its term, with the reason (shown among past members). */
export async function endCouncilMembership(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { councilId: string; memberId: string; endedOn: string; endReason: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const council = await councilForStaff(tx, origin.actor, input.councilId);
    const member = await repo.findMember(tx, input.memberId);
    if (!member || member.councilId !== council.id) throw new NotFound('council_member');
    if (member.endedOn) throw new Conflict('councils.err.alreadyEnded');
    if (input.endedOn < member.termStart) throw new Conflict('councils.err.endBeforeStart');
    await repo.endMember(tx, member.id, input.endedOn, input.endReason);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_member.end',
      objectType: 'council_member',
      objectId: member.id,
      orgId: council.orgId,
      details: { councilId: council.id, endedOn: input.endedOn },
    });
  });
}
