import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput } from '../../../platform/errors/index.ts';
import { listResponsibleOfficials } from '../../orgs/index.ts';
import { regionInstant } from './chat-hours.ts';
import type { ConsultationInput } from './consult.input.ts';
import { consultPolicy } from './consult.policy.ts';
import { type ConsultationRow, consultRepository as repo } from './consult.repository.ts';
import { indexConsultation } from './consult.search.ts';

/** Schedule a body's online consultation (task 8.5): topic, official, window; audited. */
export async function scheduleConsultation(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: ConsultationInput,
): Promise<ConsultationRow> {
  authorize(consultPolicy.canRun(origin.actor, input.orgId));
  let name = input.officialName;
  let position = input.officialPosition;
  if (input.officialId) {
    const official = (await listResponsibleOfficials(deps.db, input.orgId)).find(
      (o) => o.id === input.officialId,
    );
    if (!official) throw new InvalidInput([{ field: 'officialId', message: 'consult.official.required' }]);
    name = official.fullName;
    position = official.position;
  }
  const startsAt = regionInstant(input.date, input.from);
  const endsAt = regionInstant(input.date, input.to);
  if (endsAt <= deps.clock.now()) throw new InvalidInput([{ field: 'date', message: 'consult.date.past' }]);
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertConsultation(tx, {
      orgId: input.orgId,
      topic: input.topic,
      description: input.description,
      officialId: input.officialId,
      officialName: name as string,
      officialPosition: position as string,
      startsAt,
      endsAt,
      createdBy: isSignedIn(origin.actor) ? origin.actor.userId : null,
    });
    await indexConsultation(tx, row);
    await recordAction(tx, {
      ...origin,
      action: 'consultation.schedule',
      objectType: 'consultation',
      objectId: row.id,
      orgId: row.orgId,
      details: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    return row;
  });
}
