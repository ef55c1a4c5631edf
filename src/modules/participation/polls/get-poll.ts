import { type Actor, isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { type PeriodState, periodState, todayOf } from './poll-state.ts';
import { pollsPolicy, type VoteRefusal } from './polls.policy.ts';
import { type PollRow, type PollVoteRow, pollsRepository as repo } from './polls.repository.ts';

export type PollResults = { voters: number; counts: number[] };

export type PollView = {
  poll: PollRow;
  state: PeriodState;
  /** null while the results are hidden (until the close, unless the poll shows them live) */
  results: PollResults | null;
  ownVote: PollVoteRow | undefined;
  /** why this person may not vote (null: may) */
  refusal: VoteRefusal;
  /** the poll takes a declared residence and this person has none yet */
  asksResidence: boolean;
};

/** A published poll (a draft for its staff) with what this person may see and do (task 8.5). */
export async function getPoll(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string): Promise<PollView> {
  const poll = await repo.pollById(deps.db, id);
  if (!poll || !pollsPolicy.canSeePoll(actor, poll)) throw new NotFound('poll');
  const today = todayOf(deps.clock);
  const [ownVote, residences, results] = await Promise.all([
    isSignedIn(actor) ? repo.voteOf(deps.db, poll.id, actor.userId) : undefined,
    isSignedIn(actor) && poll.eligibility === 'residents' ? repo.residencesOf(deps.db, actor.userId) : [],
    pollsPolicy.canSeeResults(actor, poll, today) ? pollResults(deps, poll) : null,
  ]);
  const refusal = pollsPolicy.voteRefusal(actor, poll, residences);
  return {
    poll,
    state: periodState(poll, today),
    results,
    ownVote,
    refusal,
    asksResidence: refusal === 'residence' && poll.residenceSource === 'declared',
  };
}

/** The counts per option in the poll's order. */
export async function pollResults(deps: Pick<Deps, 'db'>, poll: PollRow): Promise<PollResults> {
  const { voters, counts } = await repo.tally(deps.db, poll.id);
  return { voters, counts: poll.options.map((_, i) => counts.get(i) ?? 0) };
}

/** Published polls of the region or of one body, with each one's state today. */
export async function listPolls(
  deps: Pick<Deps, 'db' | 'clock'>,
  opts: { orgId?: string; topic?: string },
): Promise<{ poll: PollRow; state: PeriodState }[]> {
  const today = todayOf(deps.clock);
  const rows = await repo.publishedPolls(deps.db, opts);
  return rows.map((poll) => ({ poll, state: periodState(poll, today) }));
}

/** The polls of the bodies this person runs, for /manage/polls. */
export async function listPollsForStaff(deps: Pick<Deps, 'db'>, actor: Actor): Promise<PollRow[]> {
  return repo.pollsOf(deps.db, pollsPolicy.managedOrgIds(actor));
}

/** One poll to edit: 404 for anyone who does not run it. */
export async function getPollForStaff(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<PollRow> {
  const poll = await repo.pollById(deps.db, id);
  if (!poll || !pollsPolicy.canManage(actor, poll.orgId)) throw new NotFound('poll');
  return poll;
}
