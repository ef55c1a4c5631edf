import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { InvalidInput } from '../../platform/errors/index.ts';
import { findUserContact } from '../accounts/index.ts';
import { councilForStaff } from './council-access.ts';
import { type OpinionRequestRow, councilsRepository as repo } from './councils.repository.ts';

/** A council or the project office asks an expert of the pool for an opinion; the expert is told by mail. */
export async function askPoolOpinion(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: { councilId: string; poolMemberId: string; question: string },
): Promise<OpinionRequestRow> {
  return deps.db.transaction(async (tx) => {
    const council = await councilForStaff(tx, origin.actor, input.councilId);
    const expert = await repo.findPoolMember(tx, input.poolMemberId);
    if (!expert) throw new InvalidInput([{ field: 'poolMemberId', message: 'councils.err.poolMember' }]);
    const row = await repo.insertOpinionRequest(tx, {
      councilId: council.id,
      poolMemberId: expert.id,
      question: input.question,
      createdAt: deps.clock.now(),
    });
    const contact = expert.userId ? await findUserContact(tx, expert.userId) : undefined;
    if (contact)
      await deps.mail.send(tx, {
        to: contact.email,
        kind: 'councils.opinion_request',
        subject: `Просьба дать экспертное мнение: ${council.nameRu}`,
        text: `${council.nameRu} просит вас как эксперта открытого пула дать мнение.\n\n${input.question}\n\nОтветить: ${deps.config.publicUrl}/cabinet/councils/opinions/${row.id}`,
      });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_opinion.request',
      objectType: 'council_opinion_request',
      objectId: row.id,
      orgId: council.orgId,
    });
    return row;
  });
}
