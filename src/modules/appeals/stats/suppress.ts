/*
 * Small-cell suppression for public statistics of appeals. A count under
 * three could point to a person (the one complaint about a small school in a
 * month), so public pages, exports and the API never show one: it becomes
 * «<3». Rates and averages built on fewer than three appeals are withheld the
 * same way. Where the parts of a breakdown add up to a total that is shown, a
 * single suppressed part could be worked out by subtraction, so the smallest
 * other part is hidden too (complementary suppression) and shown as «≥3»:
 * true, and not enough to subtract.
 *
 * Zero is suppressed like one and two: the rule is «every figure under 3»,
 * and showing zeros but hiding ones and twos would tell the reader which
 * hidden cells are not zero.
 */

export const SUPPRESSION_THRESHOLD = 3;
export const SUPPRESSED = '<3' as const;
/** a count of 3 or more hidden only so that a suppressed neighbour cannot be worked out */
export const MASKED = '≥3' as const;

/** A public count: the number, «<3», or «≥3» (hidden to protect a neighbour). */
export type Cell = number | typeof SUPPRESSED | typeof MASKED;
/** A public rate or average: the number, or null when it rests on too few appeals. */
export type Measure = number | null;

/** Is the cell hidden (either «<3» or «≥3»)? */
export function isSuppressed(c: Cell): c is typeof SUPPRESSED | typeof MASKED {
  return typeof c !== 'number';
}

/** One count, on its own. */
export function suppressCount(n: number): Cell {
  return n < SUPPRESSION_THRESHOLD ? SUPPRESSED : n;
}

/**
 * The parts of a breakdown whose total is published: primary suppression of
 * every part under the threshold, then, while exactly one part is hidden
 * (recoverable as total minus the rest), the smallest visible part as well.
 */
export function suppressBreakdown(parts: readonly number[]): Cell[] {
  const hidden = parts.map((n) => n < SUPPRESSION_THRESHOLD);
  if (hidden.filter(Boolean).length === 1 && parts.length > 1) {
    let k = -1;
    parts.forEach((n, i) => {
      if (!hidden[i] && (k < 0 || n < (parts[k] as number))) k = i;
    });
    if (k >= 0) hidden[k] = true;
  }
  return parts.map((n, i) => (!hidden[i] ? n : n < SUPPRESSION_THRESHOLD ? SUPPRESSED : MASKED));
}

/** A share in per cent (one decimal), withheld when its base or its numerator is under the threshold. */
export function suppressShare(numerator: number, base: number): Measure {
  if (base < SUPPRESSION_THRESHOLD || numerator < SUPPRESSION_THRESHOLD) return null;
  return Math.round((numerator / base) * 1000) / 10;
}

/** An average over `base` appeals (one decimal), withheld when the base is under the threshold. */
export function suppressAverage(sum: number, base: number): Measure {
  if (base < SUPPRESSION_THRESHOLD) return null;
  return Math.round((sum / base) * 10) / 10;
}

/** «<3», «≥3», or the number in the page's locale. */
export function formatCell(c: Cell, locale: 'ru' | 'en'): string {
  return typeof c === 'number' ? c.toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB') : c;
}

/** A rate or average for a page: the number with its unit, or a dash meaning «not shown». */
export function formatMeasure(m: Measure, locale: 'ru' | 'en', unit = ''): string {
  if (m === null) return '—';
  return `${m.toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 })}${unit}`;
}
