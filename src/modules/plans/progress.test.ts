import { describe, expect, it } from 'vitest';
import {
  activityAtRisk,
  currentState,
  directionContradictsBaseline,
  indicatorProgress,
  periodInPlan,
  periodRows,
  periodStatus,
  rollUp,
} from './progress.ts';

describe('periodStatus', () => {
  it('says achieved when the actual meets the target in the right direction', () => {
    expect(periodStatus(80, 80, 'up')).toBe('achieved');
    expect(periodStatus(80, 95, 'up')).toBe('achieved');
    expect(periodStatus(10, 8, 'down')).toBe('achieved');
  });
  it('says at risk within 10 % of the target and not achieved beyond', () => {
    expect(periodStatus(80, 73, 'up')).toBe('at_risk');
    expect(periodStatus(80, 71, 'up')).toBe('not_achieved');
    expect(periodStatus(10, 10.9, 'down')).toBe('at_risk');
    expect(periodStatus(10, 12, 'down')).toBe('not_achieved');
  });
  it('says no data without an actual', () => {
    expect(periodStatus(80, undefined, 'up')).toBe('no_data');
  });
});

describe('progress', () => {
  it('measures the way from baseline to target, clamped', () => {
    expect(indicatorProgress(80, 60, 'up', 40)).toBe(50);
    expect(indicatorProgress(80, 100, 'up', 40)).toBe(100);
    expect(indicatorProgress(10, 20, 'down', 30)).toBe(50);
    expect(indicatorProgress(80, 30, 'up', 40)).toBe(0);
  });
  it('without a baseline uses A/T (up) or T/A (down)', () => {
    expect(indicatorProgress(80, 40, 'up', null)).toBe(50);
    expect(indicatorProgress(10, 20, 'down', null)).toBe(50);
  });
  it('rolls up by weights, skipping children without progress', () => {
    expect(
      rollUp([
        { progress: 100, weight: 3 },
        { progress: 0, weight: 1 },
        { progress: null, weight: 5 },
      ]),
    ).toBe(75);
    expect(rollUp([{ progress: null, weight: 1 }])).toBeNull();
  });
  it('takes the latest period with target and actual as the current state', () => {
    const s = {
      direction: 'up' as const,
      baseline: null,
      targets: new Map([
        ['2026-Q1', 50],
        ['2026', 80],
        ['2027', 90],
      ]),
      actuals: new Map([
        ['2026-Q1', 40],
        ['2026', 75],
      ]),
    };
    expect(currentState(s)).toMatchObject({ period: '2026', status: 'at_risk' });
    expect(periodRows(s).map((r) => r.period)).toEqual(['2026-Q1', '2026', '2027']);
    expect(periodRows(s)[2]?.status).toBe('no_data');
  });
});

describe('periods, activities, directions', () => {
  it('knows which periods belong to a plan', () => {
    const plan = { periodStart: 2026, periodEnd: 2027 };
    expect(periodInPlan('2026-Q3', plan)).toBe(true);
    expect(periodInPlan('2028', plan)).toBe(false);
    expect(periodInPlan('2026-Q5', plan)).toBe(false);
  });
  it('puts an overdue activity at risk', () => {
    expect(activityAtRisk({ deadline: '2026-03-01', activityStatus: 'planned' }, '2026-03-02')).toBe(true);
    expect(activityAtRisk({ deadline: '2026-03-01', activityStatus: 'done' }, '2026-03-02')).toBe(false);
  });
  it('finds a target that aims against the direction', () => {
    expect(directionContradictsBaseline('down', 10, [12])).toBe(true);
    expect(directionContradictsBaseline('up', 10, [12])).toBe(false);
  });
});
