import { describe, expect, it } from 'vitest';
import type { ApplicationRow, CriterionRow, ScoreRow } from './councils.repository.ts';
import { pendingExperts, rankCandidates } from './ranking.ts';

const app = (id: string, userId: string, minute: number): ApplicationRow => ({
  id,
  callId: 'call',
  userId,
  fullName: id,
  referenceGroup: null,
  expertise: 'x',
  motivation: 'x',
  documents: [],
  noConflict: true,
  poolConsent: true,
  status: 'complete',
  checkNote: null,
  createdAt: new Date(Date.UTC(2026, 2, 2, 9, minute)),
});
const crit = (id: string, weight: number): CriterionRow => ({
  id,
  callId: 'call',
  nameRu: id,
  weight,
  position: 1,
});
const score = (applicationId: string, criterionId: string, expertUserId: string, s: number): ScoreRow => ({
  id: `${applicationId}-${criterionId}-${expertUserId}`,
  applicationId,
  criterionId,
  expertUserId,
  score: s,
  createdAt: new Date(),
});

describe('reconciling the experts’ scores', () => {
  const criteria = [crit('experience', 3), crit('ideas', 1)];

  it('ranks by the weighted mean of each criterion’s mean over the experts who scored', () => {
    const ranked = rankCandidates([app('a', 'ua', 0), app('b', 'ub', 1)], criteria, [
      score('a', 'experience', 'e1', 9),
      score('a', 'experience', 'e2', 7),
      score('a', 'ideas', 'e1', 6),
      score('a', 'ideas', 'e2', 4),
      // b was scored by one expert only (the other declared a conflict)
      score('b', 'experience', 'e1', 5),
      score('b', 'ideas', 'e1', 8),
    ]);
    expect(ranked.map((r) => [r.application.id, r.rank, r.total, r.experts])).toEqual([
      ['a', 1, 7.25, 2],
      ['b', 2, 5.75, 1],
    ]);
    expect(ranked[0]?.means.get('experience')).toBe(8);
  });

  it('breaks a tie by who applied first', () => {
    const ranked = rankCandidates(
      [app('late', 'u1', 5), app('early', 'u2', 1)],
      criteria,
      ['late', 'early'].flatMap((a) => [score(a, 'experience', 'e1', 5), score(a, 'ideas', 'e1', 5)]),
    );
    expect(ranked.map((r) => r.application.id)).toEqual(['early', 'late']);
  });

  it('owes a score from every expert but the candidate and those who declared a conflict', () => {
    const a = app('a', 'e3', 0);
    const experts = [{ userId: 'e1' }, { userId: 'e2' }, { userId: 'e3' }, { userId: 'e4' }];
    const scores = [score('a', 'experience', 'e1', 5)];
    const recusals = [{ applicationId: 'a', expertUserId: 'e2' }];
    expect(pendingExperts(a, experts, scores, recusals)).toEqual(['e4']);
  });
});
