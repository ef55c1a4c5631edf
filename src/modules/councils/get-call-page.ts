import { type Actor, isSignedIn } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { councilForStaff } from './council-access.ts';
import {
  type ApplicationRow,
  type CallRow,
  type CouncilRow,
  type CriterionRow,
  councilsRepository as repo,
  type ScoreRow,
} from './councils.repository.ts';
import { pendingExperts, type RankedCandidate, rankCandidates } from './ranking.ts';

export type CallPage = {
  call: CallRow;
  council: CouncilRow;
  criteria: CriterionRow[];
  /** open for applications today */
  accepting: boolean;
  /** the published ranked list (only once published) */
  ranked: RankedCandidate[] | null;
  /** the signed-in person's own application */
  mine: ApplicationRow | undefined;
};

/** A call as the public sees it: dates, criteria, places; the ranked list with scores once published. */
export async function getCallPage(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  callId: string,
): Promise<CallPage> {
  const call = await repo.findCall(deps.db, callId);
  if (!call) throw new NotFound('council_call');
  const council = await repo.findCouncil(deps.db, call.councilId);
  if (!council) throw new NotFound('council');
  const today = toLocalDate(deps.clock.now());
  const [criteria, applications] = await Promise.all([
    repo.criteriaOf(deps.db, call.id),
    repo.applicationsOf(deps.db, call.id),
  ]);
  let ranked: RankedCandidate[] | null = null;
  if (call.status === 'published') {
    const decided = applications.filter((a) => a.status === 'selected' || a.status === 'not_selected');
    ranked = rankCandidates(decided, criteria, await repo.scoresOfCall(deps.db, call.id));
  }
  return {
    call,
    council,
    criteria,
    accepting: call.status === 'open' && call.opensOn <= today && today <= call.closesOn,
    ranked,
    mine: isSignedIn(actor) ? applications.find((a) => a.userId === actor.userId) : undefined,
  };
}

export type StaffCallPage = {
  call: CallRow;
  council: CouncilRow;
  criteria: CriterionRow[];
  applications: ApplicationRow[];
  /** application id → names of experts who still owe a score */
  pending: Map<string, string[]>;
  /** the reconciled ranking of complete candidates, once every expert has scored */
  ranking: RankedCandidate[] | null;
};

/** The staff view of a call: applications to check, who still owes scores, the reconciled ranking. */
export async function getCallForStaff(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  callId: string,
): Promise<StaffCallPage> {
  const call = await repo.findCall(deps.db, callId);
  if (!call) throw new NotFound('council_call');
  const council = await councilForStaff(deps.db, actor, call.councilId);
  const [criteria, applications, scores, recusals, experts] = await Promise.all([
    repo.criteriaOf(deps.db, call.id),
    repo.applicationsOf(deps.db, call.id),
    repo.scoresOfCall(deps.db, call.id),
    repo.recusalsOfCall(deps.db, call.id),
    repo.currentExperts(deps.db, toLocalDate(deps.clock.now())),
  ]);
  const nameOf = new Map(experts.map((e) => [e.userId, e.fullName]));
  const pending = new Map(
    applications
      .filter((a) => a.status === 'complete')
      .map((a) => [a.id, pendingExperts(a, experts, scores, recusals).map((u) => nameOf.get(u) ?? u)]),
  );
  const complete = applications.filter(
    (a) => a.status === 'complete' || a.status === 'selected' || a.status === 'not_selected',
  );
  const allIn = [...pending.values()].every((p) => p.length === 0);
  return {
    call,
    council,
    criteria,
    applications,
    pending,
    ranking: complete.length && allIn ? rankCandidates(complete, criteria, scores) : null,
  };
}

export type ScoringPage = {
  call: CallRow;
  council: CouncilRow;
  application: ApplicationRow;
  criteria: CriterionRow[];
  /** the expert's own scores, if given */
  mine: ScoreRow[];
  recused: boolean;
  isCandidate: boolean;
  /** every expert's scores, shown only once all of them have scored this candidate */
  others: ScoreRow[] | null;
};

/** What an expert sees when scoring a candidate: never another expert's score before all have scored. */
export async function getScoringPage(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  applicationId: string,
): Promise<ScoringPage> {
  if (!isSignedIn(actor)) throw new NotFound();
  const application = await repo.findApplication(deps.db, applicationId);
  if (!application) throw new NotFound('council_application');
  const today = toLocalDate(deps.clock.now());
  authorize(await repo.isCurrentExpert(deps.db, actor.userId, today));
  const call = await repo.findCall(deps.db, application.callId);
  const council = call && (await repo.findCouncil(deps.db, call.councilId));
  if (!call || !council) throw new NotFound('council_call');
  const [criteria, scores, recusals, experts] = await Promise.all([
    repo.criteriaOf(deps.db, call.id),
    repo.scoresOfCall(deps.db, call.id),
    repo.recusalsOfCall(deps.db, call.id),
    repo.currentExperts(deps.db, today),
  ]);
  const ofThis = scores.filter((s) => s.applicationId === application.id);
  const allIn = pendingExperts(application, experts, scores, recusals).length === 0;
  return {
    call,
    council,
    application,
    criteria,
    mine: ofThis.filter((s) => s.expertUserId === actor.userId),
    recused: recusals.some((r) => r.applicationId === application.id && r.expertUserId === actor.userId),
    isCandidate: application.userId === actor.userId,
    others: allIn ? ofThis : null,
  };
}
