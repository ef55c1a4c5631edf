import type { Thresholds } from './monitoring.tables.ts';

/*
 * The monitoring module's enumerations and the rules that turn a value on a
 * criterion's scale into the share of its weight (shown to readers on the
 * rating pages under «Как считается индекс»).
 */

export const scales = ['yes_no', 'score_0_3', 'percent', 'number'] as const;
export type Scale = (typeof scales)[number];

export const sources = ['automatic', 'self', 'expert', 'outside', 'survey'] as const;
export type Source = (typeof sources)[number];

export const appliesTo = ['executive', 'municipal', 'both'] as const;
export type AppliesTo = (typeof appliesTo)[number];

/** The organisations a cycle rates, and the table each is ranked in. */
export const ratedLevels = ['executive', 'municipal'] as const;
export type RatedLevel = (typeof ratedLevels)[number];

/** Mechanisms of the concept (IV.1–IV.10) and the management items of sections V and VI. */
export const mechanisms = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'V', 'VI'] as const;

/** The weights of the criteria that apply to one kind of organisation add up to this. */
export const WEIGHT_TOTAL = 100;

/** The figures the portal computes itself (source «automatic»), each with its scale and formula. */
export const AUTO_KEYS = {
  'appeals.on_time': { scale: 'percent' },
  'appeals.avg_days': { scale: 'number' },
  'appeals.satisfaction': { scale: 'percent' },
  'sections.filled': { scale: 'percent' },
  'plans.approved': { scale: 'yes_no' },
  'plans.contract': { scale: 'percent' },
  'opendata.quality': { scale: 'percent' },
  'councils.assessment': { scale: 'percent' },
  'acts.open_municipality': { scale: 'yes_no' },
} as const satisfies Record<string, { scale: Scale }>;
export type AutoKey = keyof typeof AUTO_KEYS;
export const autoKeys = Object.keys(AUTO_KEYS) as AutoKey[];

export function isAutoKey(k: string | null | undefined): k is AutoKey {
  return typeof k === 'string' && Object.hasOwn(AUTO_KEYS, k);
}

/** Is the value one the scale allows? (a self-assessment or an expert's score outside it is refused) */
export function onScale(scale: string, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  switch (scale) {
    case 'yes_no':
      return value === 0 || value === 1;
    case 'score_0_3':
      return Number.isInteger(value) && value >= 0 && value <= 3;
    case 'percent':
      return value >= 0 && value <= 100;
    default:
      return value >= 0;
  }
}

/**
 * The share of the weight a value earns, 0–1: yes 1, no 0; a score of 0–3 by
 * thirds; a percentage as a fraction; a number by how many of its three
 * thresholds it reaches (each a third).
 */
export function shareOf(scale: string, thresholds: Thresholds | null, value: number): number {
  switch (scale) {
    case 'yes_no':
      return value >= 1 ? 1 : 0;
    case 'score_0_3':
      return Math.min(Math.max(value, 0), 3) / 3;
    case 'percent':
      return Math.min(Math.max(value, 0), 100) / 100;
    default: {
      if (!thresholds) return 0;
      const met = thresholds.steps.filter((s) => (thresholds.direction === 'up' ? value >= s : value <= s));
      return met.length / 3;
    }
  }
}

/** Does a criterion apply to an organisation of this level? */
export function appliesToLevel(criterion: { appliesTo: string }, level: string): boolean {
  return criterion.appliesTo === 'both' || criterion.appliesTo === level;
}

/** The sum of the weights of the criteria that apply to each level, to two decimals. */
export function weightSums(
  criteria: readonly { appliesTo: string; weight: number }[],
): Record<RatedLevel, number> {
  const sum = (level: RatedLevel) =>
    Math.round(criteria.filter((c) => appliesToLevel(c, level)).reduce((a, c) => a + c.weight, 0) * 100) /
    100;
  return { executive: sum('executive'), municipal: sum('municipal') };
}
