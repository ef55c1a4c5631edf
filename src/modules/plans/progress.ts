/*
 * The rules readers see on every plan page (docs in the module README):
 *
 * Status of an indicator in a period, from its target T and latest actual A:
 *   - achieved: A meets T (A ≥ T when higher is better, A ≤ T when lower is better);
 *   - at risk: A misses T by no more than AT_RISK_MARGIN (10 %) of T;
 *   - not achieved: A misses T by more;
 *   - no data: the period has a target but no actual yet.
 *
 * Progress of an indicator: its latest period with both a target and an actual,
 * as the share of the way from the baseline to the target (clamped to 0–100 %);
 * without a baseline (or a baseline equal to the target), A/T for higher-is-better
 * and T/A for lower-is-better, clamped. An activity: done 100 %, otherwise 0 %
 * (cancelled ones do not count). A task, goal or plan: the weighted average of
 * its children that have progress, by the weights on the plan.
 */

export const AT_RISK_MARGIN = 0.1;

export type Direction = 'up' | 'down';
export type PeriodStatus = 'achieved' | 'at_risk' | 'not_achieved' | 'no_data';

/** A period of a plan: a year `2026` or a quarter `2026-Q1`. */
export const PERIOD_RE = /^(\d{4})(?:-Q([1-4]))?$/;

export function parsePeriod(p: string): { year: number; quarter: number | null } | null {
  const m = PERIOD_RE.exec(p);
  if (!m) return null;
  return { year: Number(m[1]), quarter: m[2] ? Number(m[2]) : null };
}

/** Is the period within the plan's years? */
export function periodInPlan(period: string, plan: { periodStart: number; periodEnd: number }): boolean {
  const p = parsePeriod(period);
  return p !== null && p.year >= plan.periodStart && p.year <= plan.periodEnd;
}

/** Sort key: quarters of a year before the year itself. */
export function periodKey(p: string): number {
  const x = parsePeriod(p);
  if (!x) return 0;
  return x.year * 10 + (x.quarter ?? 5);
}

export function comparePeriods(a: string, b: string): number {
  return periodKey(a) - periodKey(b);
}

/** The status of one period from target and actual (see the rule above). */
export function periodStatus(target: number, actual: number | undefined, direction: Direction): PeriodStatus {
  if (actual === undefined) return 'no_data';
  const meets = direction === 'up' ? actual >= target : actual <= target;
  if (meets) return 'achieved';
  const miss = Math.abs(actual - target);
  return miss <= Math.abs(target) * AT_RISK_MARGIN ? 'at_risk' : 'not_achieved';
}

const clamp = (x: number) => Math.max(0, Math.min(100, x));

/** Progress of an indicator in percent (0–100) from its target, actual and baseline; null when it cannot be said. */
export function indicatorProgress(
  target: number,
  actual: number,
  direction: Direction,
  baseline: number | null,
): number {
  if (baseline !== null && baseline !== target)
    return clamp(((actual - baseline) / (target - baseline)) * 100);
  if (direction === 'up') return target === 0 ? (actual >= 0 ? 100 : 0) : clamp((actual / target) * 100);
  return actual === 0 ? 100 : clamp((target / actual) * 100);
}

export type IndicatorSeries = {
  direction: Direction;
  baseline: number | null;
  targets: ReadonlyMap<string, number>;
  /** the latest reported actual per period */
  actuals: ReadonlyMap<string, number>;
};

export type PeriodRow = {
  period: string;
  target: number | undefined;
  actual: number | undefined;
  status: PeriodStatus | null;
};

/** Every period with a target or an actual, in order, with its status. */
export function periodRows(s: IndicatorSeries): PeriodRow[] {
  const periods = [...new Set([...s.targets.keys(), ...s.actuals.keys()])].sort(comparePeriods);
  return periods.map((period) => {
    const target = s.targets.get(period);
    const actual = s.actuals.get(period);
    return {
      period,
      target,
      actual,
      status: target === undefined ? null : periodStatus(target, actual, s.direction),
    };
  });
}

/** The latest period that has both a target and an actual: the indicator's current state. */
export function currentState(
  s: IndicatorSeries,
): { period: string; status: PeriodStatus; progress: number } | null {
  const rows = periodRows(s).filter((r) => r.target !== undefined && r.actual !== undefined);
  const last = rows.at(-1);
  if (!last || last.target === undefined || last.actual === undefined) return null;
  return {
    period: last.period,
    status: periodStatus(last.target, last.actual, s.direction),
    progress: indicatorProgress(last.target, last.actual, s.direction, s.baseline),
  };
}

/** Weighted average of the children's progress that exists; null when none has any. */
export function rollUp(children: readonly { progress: number | null; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of children) {
    if (c.progress === null || c.weight <= 0) continue;
    sum += c.progress * c.weight;
    weights += c.weight;
  }
  return weights === 0 ? null : sum / weights;
}

/** The progress of an activity: done 100, cancelled none, otherwise 0. */
export function activityProgress(status: string | null): number | null {
  if (status === 'cancelled') return null;
  return status === 'done' ? 100 : 0;
}

/** An activity whose deadline has passed without it being done is at risk. */
export function activityAtRisk(
  a: { deadline: string | null; activityStatus: string | null },
  today: string,
): boolean {
  return (
    a.deadline !== null &&
    a.deadline < today &&
    a.activityStatus !== 'done' &&
    a.activityStatus !== 'cancelled'
  );
}

/**
 * Does the history of reported actuals contradict the direction? A
 * lower-is-better indicator whose baseline is below the target (or a
 * higher-is-better one whose baseline is above it) aims the wrong way.
 */
export function directionContradictsBaseline(
  direction: Direction,
  baseline: number | null,
  targets: readonly number[],
): boolean {
  if (baseline === null || targets.length === 0) return false;
  const last = targets.at(-1) as number;
  return direction === 'up' ? last < baseline : last > baseline;
}
