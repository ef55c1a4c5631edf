import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { InvalidInput } from '../../platform/errors/index.ts';
import { findUserIdByEmail } from '../accounts/index.ts';
import { councilForStaff } from './council-access.ts';
import type { MemberInput } from './councils.input.ts';
import { type MemberRow, councilsRepository as repo } from './councils.repository.ts';

/** Appoint a member with a position and a term; an e-mail links their account (experts score with it). */
export async function addCouncilMember(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { councilId: string; member: MemberInput },
): Promise<MemberRow> {
  return deps.db.transaction(async (tx) => {
    const council = await councilForStaff(tx, origin.actor, input.councilId);
    const { email, ...member } = input.member;
    const userId = email ? await findUserIdByEmail(tx, email) : null;
    if (email && !userId) throw new InvalidInput([{ field: 'email', message: 'councils.err.noAccount' }]);
    const row = await repo.insertMember(tx, { ...member, councilId: council.id, userId });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_member.add',
      objectType: 'council_member',
      objectId: row.id,
      orgId: council.orgId,
      details: { councilId: council.id, position: row.position },
    });
    return row;
  });
}
