import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoInn, isValidOrgInn, looksLikeDemoInn } from './inn.ts';

describe('ИНН of an organisation', () => {
  it('accepts known-good numbers and refuses a wrong check digit', () => {
    // Published ИНН of large federal organisations (ПАО Сбербанк, ПАО «Газпром»).
    expect(isValidOrgInn('7707083893')).toBe(true);
    expect(isValidOrgInn('7736050003')).toBe(true);
    expect(isValidOrgInn('7707083894')).toBe(false);
    expect(isValidOrgInn('770708389')).toBe(false);
    expect(isValidOrgInn('77070838930')).toBe(false);
    expect(isValidOrgInn('77070838a3')).toBe(false);
  });

  it('makes placeholders that pass the checksum and are recognisable as placeholders', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        const inn = demoInn(n);
        expect(inn).toMatch(/^3999\d{6}$/);
        expect(isValidOrgInn(inn)).toBe(true);
        expect(looksLikeDemoInn(inn)).toBe(true);
      }),
    );
    expect(looksLikeDemoInn('7707083893')).toBe(false);
    expect(() => demoInn(100_000)).toThrow(RangeError);
  });

  it('refuses a placeholder whose check digit was changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 1, max: 9 }), (n, delta) => {
        const inn = demoInn(n);
        const changed = inn.slice(0, 9) + ((Number(inn[9]) + delta) % 10);
        expect(isValidOrgInn(changed)).toBe(false);
      }),
    );
  });
});
