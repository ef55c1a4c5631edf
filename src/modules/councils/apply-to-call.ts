import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../platform/errors/index.ts';
import type { ApplicationInput } from './councils.input.ts';
import { councilsPolicy } from './councils.policy.ts';
import { type ApplicationRow, councilsRepository as repo } from './councils.repository.ts';

/**
 * A signed-in person applies to a call with the statement of no conflict of
 * interest. Refused after the last day and for a second application.
 */
export async function applyToCall(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { callId: string; application: ApplicationInput },
): Promise<ApplicationRow> {
  return deps.db.transaction(async (tx) => {
    authorize(councilsPolicy.canTakePart(origin.actor));
    if (origin.actor.kind !== 'user') throw new NotFound();
    const call = await repo.findCall(tx, input.callId);
    if (!call) throw new NotFound('council_call');
    const today = toLocalDate(deps.clock.now());
    if (call.status !== 'open' || today > call.closesOn) throw new Conflict('councils.err.callClosed');
    if (today < call.opensOn) throw new Conflict('councils.err.callNotOpen');
    const row = await repo.insertApplication(tx, {
      ...input.application,
      callId: call.id,
      userId: origin.actor.userId,
      createdAt: deps.clock.now(),
    });
    if (!row) throw new Conflict('councils.err.alreadyApplied');
    const council = await repo.findCouncil(tx, call.councilId);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_application.submit',
      objectType: 'council_application',
      objectId: row.id,
      orgId: council?.orgId ?? null,
      details: { callId: call.id },
    });
    return row;
  });
}
