import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../platform/errors/index.ts';
import type { RatingInput } from './appeals.input.ts';
import { appealsPolicy } from './appeals.policy.ts';
import { appealsRepository as repo } from './appeals.repository.ts';

/** The author rates the answer once (task 4.5): satisfied or not, and why; the history shows it. */
export async function rateAnswer(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { number: string; rating: RatingInput },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const appeal = await repo.findByNumber(tx, input.number);
    if (!appeal) throw new NotFound('appeal');
    authorize(appealsPolicy.canReadAsAuthor(origin.actor, appeal), true);
    authorize(appealsPolicy.canRate(origin.actor, appeal));
    if (!isSignedIn(origin.actor)) return;
    const answers = await repo.sentAnswers(tx, appeal.id);
    const now = deps.clock.now();
    const r = input.rating;
    const inserted = await repo.insertRating(tx, {
      appealId: appeal.id,
      answerId: answers.at(-1)?.id ?? null,
      userId: origin.actor.userId,
      satisfied: r.satisfied,
      reasonCode: r.satisfied ? null : (r.reasonCode ?? null),
      reason: r.reason,
      createdAt: now,
    });
    if (!inserted) throw new Conflict('appeals.rating.already');
    await repo.insertEvent(tx, {
      appealId: appeal.id,
      at: now,
      kind: 'rated',
      actorUserId: origin.actor.userId,
      details: { satisfied: r.satisfied },
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.rate',
      objectType: 'appeal',
      objectId: appeal.id,
      orgId: appeal.orgId,
      details: { number: appeal.number, satisfied: r.satisfied },
    });
  });
}
