import type { ApplicationRow, CriterionRow, ScoreRow } from './councils.repository.ts';

export type RankedCandidate = {
  application: ApplicationRow;
  /** criterion id → the experts' mean score */
  means: Map<string, number>;
  /** weighted mean over the criteria, on the call's scale, two decimals */
  total: number;
  experts: number;
  rank: number;
};

/**
 * Reconcile the experts' independent scores (task 1.1): each criterion's mean
 * over the experts who scored it, weighted by the criteria's weights; ranked by
 * the total, ties by who applied first.
 */
export function rankCandidates(
  applications: ApplicationRow[],
  criteria: CriterionRow[],
  scores: ScoreRow[],
): RankedCandidate[] {
  const weightSum = criteria.reduce((s, c) => s + c.weight, 0) || 1;
  const rows = applications.map((application) => {
    const mine = scores.filter((s) => s.applicationId === application.id);
    const means = new Map<string, number>();
    for (const c of criteria) {
      const of = mine.filter((s) => s.criterionId === c.id);
      if (of.length) means.set(c.id, of.reduce((s, x) => s + x.score, 0) / of.length);
    }
    const weighted = criteria.reduce((s, c) => s + (means.get(c.id) ?? 0) * c.weight, 0) / weightSum;
    return {
      application,
      means,
      total: Math.round(weighted * 100) / 100,
      experts: new Set(mine.map((s) => s.expertUserId)).size,
      rank: 0,
    };
  });
  rows.sort(
    (a, b) => b.total - a.total || a.application.createdAt.getTime() - b.application.createdAt.getTime(),
  );
  rows.forEach((r, i) => {
    r.rank = i + 1;
  });
  return rows;
}

/**
 * Which experts still owe a score for a candidate: every scorer but the
 * candidate themself and those who declared a conflict, minus those who scored.
 */
export function pendingExperts(
  application: ApplicationRow,
  experts: { userId: string }[],
  scores: ScoreRow[],
  recusals: { applicationId: string; expertUserId: string }[],
): string[] {
  return experts
    .map((e) => e.userId)
    .filter(
      (u) =>
        u !== application.userId &&
        !recusals.some((r) => r.applicationId === application.id && r.expertUserId === u) &&
        !scores.some((s) => s.applicationId === application.id && s.expertUserId === u),
    );
}
