import type { Deps } from '../../platform/deps.ts';
import { InvalidInput } from '../../platform/errors/index.ts';
import { consultRepository } from './consult/consult.repository.ts';
import { discussionsRepository } from './discussions/discussions.repository.ts';
import { pollsRepository } from './polls/polls.repository.ts';

/** A body's participation in a period (task 2.4's feed into the openness monitoring). */
export type ParticipationFigures = {
  orgId: string;
  /** discussions open at some moment of the period (standalone topics and those attached to drafts, plans, …) */
  discussionsHeld: number;
  /** comments published in the period by participants (the body's official replies not counted) */
  comments: number;
  /** published polls whose period meets it */
  polls: number;
  /** votes cast in the period */
  votes: number;
  /** consultation questions answered in the period (hidden ones not counted) */
  answeredQuestions: number;
};

/**
 * Per-body participation figures for [from, to): public figures, so no access
 * check; one row for each body asked for (zeros included), or, without
 * `orgIds`, for every body with any figure above zero.
 */
export async function getParticipationFigures(
  deps: Pick<Deps, 'db'>,
  input: { from: Date; to: Date; orgIds?: string[] },
): Promise<ParticipationFigures[]> {
  const { from, to, orgIds } = input;
  if (!(from < to)) throw new InvalidInput([{ field: 'to', message: 'participation.figures.period' }]);
  const [disc, polls, answered] = await Promise.all([
    discussionsRepository.figures(deps.db, from, to, orgIds),
    pollsRepository.figures(deps.db, from, to, orgIds),
    consultRepository.answeredCounts(deps.db, from, to, orgIds),
  ]);
  const rows = new Map<string, ParticipationFigures>();
  const row = (orgId: string) => {
    let r = rows.get(orgId);
    if (!r) {
      r = { orgId, discussionsHeld: 0, comments: 0, polls: 0, votes: 0, answeredQuestions: 0 };
      rows.set(orgId, r);
    }
    return r;
  };
  for (const id of orgIds ?? []) row(id);
  for (const d of disc) Object.assign(row(d.orgId), { discussionsHeld: d.discussions, comments: d.comments });
  for (const p of polls) Object.assign(row(p.orgId), { polls: p.polls, votes: p.votes });
  for (const a of answered) row(a.orgId).answeredQuestions = a.answered;
  return [...rows.values()];
}
