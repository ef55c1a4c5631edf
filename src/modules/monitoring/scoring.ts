import { mechanisms, shareOf } from './monitoring.model.ts';
import type { ResultLine, Thresholds } from './monitoring.tables.ts';

/** A criterion as the index needs it. */
export type ScoredCriterion = {
  code: string;
  task: string;
  mechanism: string;
  questionRu: string;
  source: string;
  scale: string;
  thresholds: Thresholds | null;
  weight: number;
  evidenceRu: string | null;
};

/** What was found for one criterion of one organisation. */
export type FoundValue = {
  /** null: no data, the criterion is left out and the other weights count for it */
  value: number | null;
  basis: string;
  evidence?: string | null | undefined;
  comments?: string[] | undefined;
};

export type IndexResult = {
  index: number;
  byMechanism: Record<string, number | null>;
  lines: ResultLine[];
};

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * The composite index of one organisation, 0–100: each criterion earns
 * weight × share (the share its value earns on its scale, monitoring.model.ts
 * shareOf); the sum is divided by the weights of the criteria that have a
 * value, times 100. A criterion without data (too few appeals to publish a
 * share, no expert assigned) is left out, so the others' weights count for it;
 * an unanswered self-assessment question has the value 0 and counts. The
 * index by mechanism is the same sum over that mechanism's criteria.
 */
export function computeIndex(
  criteria: readonly ScoredCriterion[],
  found: (c: ScoredCriterion) => FoundValue,
): IndexResult {
  const rows = criteria.map((c) => {
    const f = found(c);
    const share = f.value === null ? null : shareOf(c.scale, c.thresholds, f.value);
    return { c, f, share };
  });
  const counted = rows.filter((r) => r.share !== null);
  const total = counted.reduce((a, r) => a + r.c.weight, 0);
  const lines: ResultLine[] = rows.map(({ c, f, share }) => ({
    code: c.code,
    task: c.task,
    mechanism: c.mechanism,
    question: c.questionRu,
    source: c.source,
    scale: c.scale,
    weight: c.weight,
    value: f.value,
    share: share === null ? null : round(share, 4),
    points: share === null || total === 0 ? 0 : round((100 * c.weight * share) / total, 2),
    maxPoints: share === null || total === 0 ? 0 : round((100 * c.weight) / total, 2),
    evidence: f.evidence ?? null,
    comments: f.comments ?? [],
    basis: f.basis,
  }));
  const earned = counted.reduce((a, r) => a + r.c.weight * (r.share as number), 0);
  const byMechanism: Record<string, number | null> = {};
  for (const m of mechanisms) {
    const mine = counted.filter((r) => r.c.mechanism === m);
    const w = mine.reduce((a, r) => a + r.c.weight, 0);
    if (criteria.some((c) => c.mechanism === m))
      byMechanism[m] =
        w === 0 ? null : round((100 * mine.reduce((a, r) => a + r.c.weight * (r.share as number), 0)) / w, 1);
  }
  return { index: total === 0 ? 0 : round((100 * earned) / total, 1), byMechanism, lines };
}

/**
 * The experts' value of one criterion: one score is taken as it is; two or more
 * within the threshold give their mean; further apart they need the project
 * office's reconciled value (`pending` until then, the mean meanwhile).
 */
export function expertValue(
  scores: readonly number[],
  threshold: number,
  reconciled: number | null,
): { value: number | null; pending: boolean; spread: number } {
  if (scores.length === 0) return { value: reconciled, pending: false, spread: 0 };
  const spread = Math.max(...scores) - Math.min(...scores);
  if (reconciled !== null) return { value: reconciled, pending: false, spread };
  const mean = round(scores.reduce((a, s) => a + s, 0) / scores.length, 2);
  return { value: mean, pending: spread > threshold, spread };
}

/** Ranks by index within a table, highest first; equal indexes share a rank. */
export function rank<T extends { index: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.index - a.index);
  return sorted.map((r, i) => ({
    ...r,
    rank: sorted.findIndex((s) => s.index === r.index) + 1 || i + 1,
  }));
}
