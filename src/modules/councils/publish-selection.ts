import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { inTurn } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors/index.ts';
import { councilForStaff } from './council-access.ts';
import { councilsRepository as repo } from './councils.repository.ts';
import { pendingExperts, rankCandidates } from './ranking.ts';

/** A selected member's term, from the day the list is published. */
const TERM_YEARS = 3;

/**
 * Publish the ranked list with the scores and the decision: the top complete
 * candidates up to the places are selected and join the council for a term; the others who agreed join the
 * expert pool (section V). Refused while an expert still owes a score.
 */
export async function publishSelection(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { callId: string; decisionRu: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const call = await repo.findCall(tx, input.callId, true);
    if (!call) throw new NotFound('council_call');
    const council = await councilForStaff(tx, origin.actor, call.councilId);
    if (call.status !== 'open') throw new Conflict('councils.err.callPublished');
    const now = deps.clock.now();
    const today = toLocalDate(now);
    const applications = await repo.applicationsOf(tx, call.id);
    if (applications.some((a) => a.status === 'submitted'))
      throw new Conflict('councils.err.uncheckedApplications');
    const complete = applications.filter((a) => a.status === 'complete');
    if (complete.length === 0) throw new Conflict('councils.err.noCandidates');
    const [criteria, scores, recusals, experts] = await inTurn([
      () => repo.criteriaOf(tx, call.id),
      () => repo.scoresOfCall(tx, call.id),
      () => repo.recusalsOfCall(tx, call.id),
      () => repo.currentExperts(tx, today),
    ]);
    if (complete.some((a) => pendingExperts(a, experts, scores, recusals).length > 0))
      throw new Conflict('councils.err.scoresPending');
    const ranked = rankCandidates(complete, criteria, scores);
    for (const r of ranked) {
      const selected = r.rank <= call.places;
      await repo.setApplicationStatus(tx, r.application.id, selected ? 'selected' : 'not_selected');
      if (selected)
        await repo.insertMember(tx, {
          councilId: council.id,
          userId: r.application.userId,
          fullName: r.application.fullName,
          position: 'member',
          affiliation: r.application.referenceGroup ?? r.application.expertise,
          termStart: today,
          termEnd: `${Number(today.slice(0, 4)) + TERM_YEARS}${today.slice(4).replace('-02-29', '-02-28')}`,
        });
      if (!selected && r.application.poolConsent)
        await repo.upsertPoolMember(tx, {
          userId: r.application.userId,
          fullName: r.application.fullName,
          expertise: r.application.expertise,
          callId: call.id,
          consentAt: r.application.createdAt,
          createdAt: now,
        });
    }
    await repo.publishCall(tx, call.id, input.decisionRu, now);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_call.publish',
      objectType: 'council_call',
      objectId: call.id,
      orgId: council.orgId,
      details: { candidates: ranked.length, selected: Math.min(ranked.length, call.places) },
    });
  });
}
