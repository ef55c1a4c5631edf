import { describe, expect, it } from 'vitest';
import { weightProblems } from './activate-methodology.ts';
import { CONCEPT_TASKS, demoCriteria } from './demo-methodology.ts';
import { onScale, shareOf, weightSums } from './monitoring.model.ts';
import { computeIndex, expertValue, rank, type ScoredCriterion } from './scoring.ts';

const crit = (code: string, weight: number, scale = 'percent', mechanism = '4'): ScoredCriterion => ({
  code,
  task: code,
  mechanism,
  questionRu: code,
  source: 'automatic',
  scale,
  thresholds: scale === 'number' ? { direction: 'down', steps: [30, 20, 10] } : null,
  weight,
  evidenceRu: null,
});

describe('the demo methodology', () => {
  it('covers every task of the concept and the management items of V and VI', () => {
    const tasks = new Set(demoCriteria().map((c) => c.task));
    for (const t of CONCEPT_TASKS) expect(tasks, t).toContain(t);
    expect([...tasks].some((t) => t.startsWith('V.'))).toBe(true);
    expect([...tasks].some((t) => t.startsWith('VI.'))).toBe(true);
  });
  it('weighs 100 for executive bodies and 100 for municipalities, with every source', () => {
    expect(weightSums(demoCriteria())).toEqual({ executive: 100, municipal: 100 });
    expect(weightProblems(demoCriteria())).toEqual([]);
    expect(new Set(demoCriteria().map((c) => c.source))).toEqual(
      new Set(['automatic', 'self', 'expert', 'outside', 'survey']),
    );
  });
  it('says which sum is wrong and by how much', () => {
    const broken = demoCriteria().map((c, i) => (i === 0 ? { ...c, weight: c.weight + 1 } : c));
    const problems = weightProblems(broken);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('101');
  });
});

describe('scales', () => {
  it('refuses values outside the scale', () => {
    expect(onScale('yes_no', 2)).toBe(false);
    expect(onScale('score_0_3', 4)).toBe(false);
    expect(onScale('score_0_3', 1.5)).toBe(false);
    expect(onScale('percent', 101)).toBe(false);
    expect(onScale('number', -1)).toBe(false);
    expect(onScale('score_0_3', 3)).toBe(true);
  });
  it('turns a number into thirds by its thresholds', () => {
    const t = { direction: 'down' as const, steps: [30, 20, 10] as [number, number, number] };
    expect(shareOf('number', t, 35)).toBe(0);
    expect(shareOf('number', t, 25)).toBeCloseTo(1 / 3);
    expect(shareOf('number', t, 10)).toBe(1);
  });
});

describe('the composite index', () => {
  it('weights each criterion, leaves out the ones without data and shows each contribution', () => {
    const cs = [crit('a', 2), crit('b', 6, 'score_0_3', '1'), crit('c', 2)];
    const values: Record<string, number | null> = { a: 100, b: 1.5, c: null };
    const r = computeIndex(cs, (c) => ({ value: values[c.code] ?? null, basis: '' }));
    // (2 × 1 + 6 × 0.5) / 8 = 62.5
    expect(r.index).toBe(62.5);
    expect(r.lines.map((l) => l.points)).toEqual([25, 37.5, 0]);
    expect(r.lines.map((l) => l.maxPoints)).toEqual([25, 75, 0]);
    expect(r.byMechanism['4']).toBe(100);
    expect(r.byMechanism['1']).toBe(50);
  });
  it('an overdue answer lowers the appeals criterion by its share of the weight', () => {
    const cs = [crit('4.2-a', 1.5), crit('x', 98.5, 'yes_no', '8')];
    const before = computeIndex(cs, (c) => ({ value: c.code === 'x' ? 1 : 100, basis: '' }));
    const after = computeIndex(cs, (c) => ({ value: c.code === 'x' ? 1 : 83.3, basis: '' }));
    expect(before.index - after.index).toBeCloseTo(1.5 * (1 - 0.833), 1);
  });
});

describe('experts', () => {
  it('takes the mean within the threshold, waits for reconciliation above it', () => {
    expect(expertValue([2, 3], 1, null)).toEqual({ value: 2.5, pending: false, spread: 1 });
    expect(expertValue([0, 3], 1, null).pending).toBe(true);
    expect(expertValue([0, 3], 1, 2)).toEqual({ value: 2, pending: false, spread: 3 });
    expect(expertValue([], 1, null).value).toBeNull();
  });
  it('ranks highest first, ties share a rank', () => {
    expect(rank([{ index: 50 }, { index: 70 }, { index: 50 }]).map((r) => r.rank)).toEqual([1, 2, 2]);
  });
});
