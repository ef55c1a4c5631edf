import { describe, expect, it } from 'vitest';
import corpus from './data/prescreen-corpus.json' with { type: 'json' };
import { corruptionFactors, factorByCode, prescreen, prescreenRules, prescreenUnits } from './prescreen.ts';

describe('the corruption factors of the federal methodology (decree No 96, 26.02.2010)', () => {
  it('are the twelve of п. 3 «а»–«и» and п. 4 «а»–«в», in order, with Russian titles', () => {
    expect(corruptionFactors.map((f) => f.code)).toEqual([
      '3а',
      '3б',
      '3в',
      '3г',
      '3д',
      '3е',
      '3ж',
      '3з',
      '3и',
      '4а',
      '4б',
      '4в',
    ]);
    expect(factorByCode('3б')?.titleRu).toContain('вправе');
    expect(corruptionFactors.every((f) => f.titleRu && f.titleEn && f.descriptionRu)).toBe(true);
  });

  it('every pre-screening rule points to a factor the text can hint at', () => {
    for (const rule of prescreenRules.rules) {
      const factor = factorByCode(rule.factor);
      expect(factor, rule.id).toBeDefined();
      expect(factor?.prescreen, rule.id).not.toBe('no');
    }
    expect(prescreenRules.edition).toMatch(/^\d{4}\.\d+$/);
  });
});

describe('pre-screening on the sample corpus', () => {
  for (const c of corpus.clauses) {
    it(`${c.hits.length ? c.hits.join(', ') : 'no hint'}: ${c.text}`, () => {
      const rules = [...new Set(prescreen(c.text).map((h) => h.rule))].sort();
      expect(rules).toEqual([...c.hits].sort());
    });
  }

  it('gives each hit its place, text, factor and rule', () => {
    const text = 'Общие положения. Уполномоченный орган вправе провести проверку.';
    const [hit] = prescreen(text);
    expect(hit).toMatchObject({ text: 'вправе', rule: 'body-may', factor: '3б', confidence: 'medium' });
    expect(text.slice(hit?.start, hit?.end)).toBe('вправе');
  });

  it('keys the hints by structural unit and leaves clean units out', () => {
    const hints = prescreenUnits([
      { ref: 'st1-ch1', text: 'Настоящий закон регулирует отношения в сфере благоустройства.' },
      { ref: 'st2-ch1', text: 'Земельный участок предоставляется без проведения торгов.' },
    ]);
    expect([...hints.keys()]).toEqual(['st2-ch1']);
    expect(hints.get('st2-ch1')?.[0]).toMatchObject({ factor: '3з', rule: 'no-tender' });
  });
});
