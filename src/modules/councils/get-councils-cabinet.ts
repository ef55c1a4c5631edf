import { type Actor, isSignedIn } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import {
  type ApplicationRow,
  type OpinionRequestRow,
  type PoolMemberRow,
  councilsRepository as repo,
} from './councils.repository.ts';

export type ScoringTask = {
  application: ApplicationRow;
  callTitle: string;
  done: boolean;
  recused: boolean;
  own: boolean;
};

export type CouncilsCabinet = {
  applications: (ApplicationRow & { callTitle: string })[];
  registrations: Awaited<ReturnType<typeof repo.registrationsOfUser>>;
  isExpert: boolean;
  scoring: ScoringTask[];
  pool: PoolMemberRow | undefined;
  opinions: (OpinionRequestRow & { councilName: string })[];
};

/** «Советы» in the cabinet: my applications and registrations; candidates to score (experts); requests for opinions (pool). */
export async function getCouncilsCabinet(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
): Promise<CouncilsCabinet> {
  if (!isSignedIn(actor)) throw new NotFound();
  const today = toLocalDate(deps.clock.now());
  const [applications, registrations, isExpert, pool] = await Promise.all([
    repo.applicationsOfUser(deps.db, actor.userId),
    repo.registrationsOfUser(deps.db, actor.userId),
    repo.isCurrentExpert(deps.db, actor.userId, today),
    repo.poolMemberOfUser(deps.db, actor.userId),
  ]);
  const scoring: ScoringTask[] = [];
  if (isExpert)
    for (const call of await repo.callsBeingScored(deps.db)) {
      const [apps, scores, recusals] = await Promise.all([
        repo.applicationsOf(deps.db, call.id),
        repo.scoresOfCall(deps.db, call.id),
        repo.recusalsOfCall(deps.db, call.id),
      ]);
      for (const a of apps.filter((x) => x.status === 'complete'))
        scoring.push({
          application: a,
          callTitle: call.titleRu,
          done: scores.some((s) => s.applicationId === a.id && s.expertUserId === actor.userId),
          recused: recusals.some((r) => r.applicationId === a.id && r.expertUserId === actor.userId),
          own: a.userId === actor.userId,
        });
    }
  const opinions = pool ? await repo.opinionRequestsTo(deps.db, pool.id) : [];
  return { applications, registrations, isExpert, scoring, pool, opinions };
}

/** One request for an opinion, for the pool expert it was sent to (anyone else: 404). */
export async function getOpinionRequest(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  requestId: string,
): Promise<OpinionRequestRow & { councilName: string }> {
  if (!isSignedIn(actor)) throw new NotFound();
  const request = await repo.findOpinionRequest(deps.db, requestId);
  const expert = request && (await repo.findPoolMember(deps.db, request.poolMemberId));
  if (!request || !expert || expert.userId !== actor.userId) throw new NotFound('council_opinion_request');
  const council = await repo.findCouncil(deps.db, request.councilId);
  return { ...request, councilName: council?.nameRu ?? '' };
}
