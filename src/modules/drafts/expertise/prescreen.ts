/**
 * Pre-screening of a draft's text for phrases that signal corruption factors
 * (concept 7.5; the factors of the federal methodology, decree No 96 of
 * 26.02.2010). The rules are data (data/prescreen-rules-ru.json, versioned by
 * edition); each hit names its factor and the rule that fired. These are hints
 * for the expert and the drafter, never a conclusion: the software finds words,
 * a person decides whether they are a factor.
 */
import { compilePattern, findAll } from '../../../platform/text/phrases.ts';
import { type Span, sentencesOf } from '../../../platform/text/readability.ts';
import factorsJson from './data/corruption-factors.json' with { type: 'json' };
import rulesJson from './data/prescreen-rules-ru.json' with { type: 'json' };

export type FactorCode = '3а' | '3б' | '3в' | '3г' | '3д' | '3е' | '3ж' | '3з' | '3и' | '4а' | '4б' | '4в';
export type CorruptionFactor = {
  code: FactorCode;
  group: 'powers' | 'requirements';
  titleRu: string;
  titleEn: string;
  descriptionRu: string;
  /** whether the text can hint at it: yes, partly (some signs), no (legal analysis only) */
  prescreen: 'yes' | 'partly' | 'no';
};

/** The twelve factors of the methodology (п. 3 «а»–«и», п. 4 «а»–«в»), in its order. */
export const corruptionFactors: readonly CorruptionFactor[] = factorsJson.factors as CorruptionFactor[];
export const factorCodes = corruptionFactors.map((f) => f.code) as [FactorCode, ...FactorCode[]];

export function factorByCode(code: string): CorruptionFactor | undefined {
  return corruptionFactors.find((f) => f.code === code);
}

export type PrescreenRule = {
  id: string;
  factor: FactorCode;
  titleRu: string;
  confidence: 'low' | 'medium' | 'high';
  patterns: string[];
  /** fires only when one of these stands earlier in the same sentence (the subject is a body) */
  requireBefore?: string[];
  /** does not fire when one of these follows within `within` characters in the same sentence */
  unlessAfter?: { within: number; patterns: string[] };
  /** fires only when the sentence has none of these (a decision without a deadline) */
  requireSentenceWithout?: string[];
};
export type PrescreenRules = { edition: string; note: string; rules: PrescreenRule[] };

export const prescreenRules: PrescreenRules = rulesJson as PrescreenRules;

export type PrescreenHit = Span & {
  text: string;
  rule: string;
  factor: FactorCode;
  confidence: PrescreenRule['confidence'];
};

type Compiled = {
  rule: PrescreenRule;
  patterns: RegExp[];
  before: RegExp[];
  after: RegExp[];
  without: RegExp[];
};

const cache = new WeakMap<PrescreenRules, Compiled[]>();
function compiled(rules: PrescreenRules): Compiled[] {
  let c = cache.get(rules);
  if (!c) {
    const all = (ps?: string[]) => (ps ?? []).map(compilePattern);
    c = rules.rules.map((rule) => ({
      rule,
      patterns: all(rule.patterns),
      before: all(rule.requireBefore),
      after: all(rule.unlessAfter?.patterns),
      without: all(rule.requireSentenceWithout),
    }));
    cache.set(rules, c);
  }
  return c;
}

const has = (text: string, res: RegExp[]) => findAll(text, res).length > 0;

/** The hints of one text (a structural unit), in text order; one per rule and place. */
export function prescreen(text: string, rules: PrescreenRules = prescreenRules): PrescreenHit[] {
  const hits: PrescreenHit[] = [];
  for (const sentence of sentencesOf(text)) {
    const s = sentence.text;
    for (const c of compiled(rules)) {
      if (c.without.length && has(s, c.without)) continue;
      for (const m of findAll(s, c.patterns)) {
        if (c.before.length && !has(s.slice(0, m.start), c.before)) continue;
        if (c.after.length && has(s.slice(m.end, m.end + (c.rule.unlessAfter?.within ?? 0)), c.after))
          continue;
        if (hits.some((h) => h.rule === c.rule.id && h.start === sentence.start + m.start)) continue;
        hits.push({
          start: sentence.start + m.start,
          end: sentence.start + m.end,
          text: m.text,
          rule: c.rule.id,
          factor: c.rule.factor,
          confidence: c.rule.confidence,
        });
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}

/** The hints of a draft's structural units, keyed by the unit's reference; units without hints are left out. */
export function prescreenUnits<U extends { ref: string; text: string }>(
  units: readonly U[],
  rules: PrescreenRules = prescreenRules,
): Map<string, PrescreenHit[]> {
  const out = new Map<string, PrescreenHit[]>();
  for (const u of units) {
    const hits = prescreen(u.text, rules);
    if (hits.length) out.set(u.ref, hits);
  }
  return out;
}
