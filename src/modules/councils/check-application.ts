import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors/index.ts';
import { councilForStaff } from './council-access.ts';
import { councilsRepository as repo } from './councils.repository.ts';

/** Staff check that an application is complete (it then goes to the experts) or not (with a note). */
export async function checkApplication(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { applicationId: string; outcome: 'complete' | 'incomplete'; checkNote: string | null },
): Promise<{ callId: string }> {
  return deps.db.transaction(async (tx) => {
    const app = await repo.findApplication(tx, input.applicationId);
    if (!app) throw new NotFound('council_application');
    const call = await repo.findCall(tx, app.callId, true);
    if (!call) throw new NotFound('council_call');
    const council = await councilForStaff(tx, origin.actor, call.councilId);
    if (call.status !== 'open') throw new Conflict('councils.err.callPublished');
    await repo.setApplicationStatus(tx, app.id, input.outcome, input.checkNote);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_application.check',
      objectType: 'council_application',
      objectId: app.id,
      orgId: council.orgId,
      details: { outcome: input.outcome },
    });
    return { callId: call.id };
  });
}
