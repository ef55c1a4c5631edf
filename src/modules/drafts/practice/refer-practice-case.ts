import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import type { PracticeReferralInput } from './practice.input.ts';
import { practicePolicy } from './practice.policy.ts';
import { type PracticeReferralRow, practiceRepository as repo } from './practice.repository.ts';

/**
 * Staff take a case to the reference groups or the public council (7.5: the
 * practice of applying the body's acts is considered there); recorded on the
 * case, shown on its page and in the audit log.
 */
export async function referPracticeCase(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id: string; referral: PracticeReferralInput },
): Promise<PracticeReferralRow> {
  return deps.db.transaction(async (tx) => {
    const c = await repo.findById(tx, input.id);
    if (!c) throw new NotFound();
    authorize(practicePolicy.canWork(origin.actor, c.orgId), !practicePolicy.canView(origin.actor, c));
    if (!isSignedIn(origin.actor)) throw new NotFound();
    const r = await repo.insertReferral(tx, {
      caseId: c.id,
      target: input.referral.target,
      note: input.referral.note,
      referredBy: origin.actor.userId,
      createdAt: deps.clock.now(),
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'practice.refer',
      objectType: 'practice_case',
      objectId: c.id,
      orgId: c.orgId,
      details: { target: r.target },
    });
    return r;
  });
}
