import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, type FieldError, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import type { ScoreInput } from './councils.input.ts';
import { councilsPolicy } from './councils.policy.ts';
import { councilsRepository as repo } from './councils.repository.ts';

/**
 * An expert of the expert council scores one candidate on every criterion, on
 * the call's scale, once; or declares a conflict of interest and so does not
 * score them. A candidate never scores themself (task 1.1).
 */
export async function scoreCandidate(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { applicationId: string; score: ScoreInput },
): Promise<{ callId: string }> {
  return deps.db.transaction(async (tx) => {
    const actor = origin.actor;
    if (!isSignedIn(actor)) throw new NotFound();
    const app = await repo.findApplication(tx, input.applicationId);
    if (!app) throw new NotFound('council_application');
    const call = await repo.findCall(tx, app.callId);
    if (!call) throw new NotFound('council_call');
    const isExpertMember = await repo.isCurrentExpert(tx, actor.userId, toLocalDate(deps.clock.now()));
    authorize(isExpertMember);
    if (call.status !== 'open' || app.status !== 'complete') throw new Conflict('councils.err.notScorable');
    const recusals = await repo.recusalsOfCall(tx, call.id);
    const recused = recusals.some((r) => r.applicationId === app.id && r.expertUserId === actor.userId);
    if (app.userId === actor.userId) throw new Conflict('councils.err.ownApplication');
    if (recused) throw new Conflict('councils.err.recused');
    authorize(councilsPolicy.canScore(actor, { isExpertMember, candidateUserId: app.userId, recused }));
    const already = (await repo.scoresOfCall(tx, call.id)).some(
      (s) => s.applicationId === app.id && s.expertUserId === actor.userId,
    );
    if (already) throw new Conflict('councils.err.alreadyScored');

    const council = await repo.findCouncil(tx, call.councilId);
    if (input.score.conflict) {
      await repo.insertRecusal(tx, {
        applicationId: app.id,
        expertUserId: actor.userId,
        reason: input.score.reason ?? '',
        createdAt: deps.clock.now(),
      });
      await recordAction(tx, {
        actor,
        ip: origin.ip,
        action: 'council_application.recuse',
        objectType: 'council_application',
        objectId: app.id,
        orgId: council?.orgId ?? null,
      });
      return { callId: call.id };
    }

    const criteria = await repo.criteriaOf(tx, call.id);
    const errors: FieldError[] = [];
    const values = criteria.map((c) => {
      const raw = (input.score.scores[c.id] ?? '').trim();
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || n > call.scaleMax)
        errors.push({
          field: `score-${c.id}`,
          message: raw ? 'councils.err.scoreRange' : 'councils.err.scoreMissing',
        });
      return { criterionId: c.id, score: n };
    });
    if (errors.length) throw new InvalidInput(errors);
    await repo.insertScores(
      tx,
      values.map((v) => ({
        ...v,
        applicationId: app.id,
        expertUserId: actor.userId,
        createdAt: deps.clock.now(),
      })),
    );
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'council_application.score',
      objectType: 'council_application',
      objectId: app.id,
      orgId: council?.orgId ?? null,
    });
    return { callId: call.id };
  });
}
