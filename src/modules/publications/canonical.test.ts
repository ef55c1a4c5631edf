import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from './canonical.ts';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 2, y: null }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { y: null, z: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 'ё' })).toBe('{"a":"ё","b":1}');
  });
  it('drops undefined fields and keeps nulls', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});

describe('entryHash', () => {
  const e = {
    seq: 1,
    publicationId: 'p',
    version: 1,
    action: 'publish',
    at: '2026-03-02T07:00:00.000Z',
    content: { t: 'a' },
  };
  it('is SHA-256 hex and depends on the previous hash and every field', () => {
    const h = entryHash(GENESIS_HASH, e);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash('1'.repeat(64), e)).not.toBe(h);
    expect(entryHash(GENESIS_HASH, { ...e, content: { t: 'b' } })).not.toBe(h);
    expect(entryHash(GENESIS_HASH, { ...e, version: 2 })).not.toBe(h);
    expect(entryHash(GENESIS_HASH, { ...e, content: { t: 'a' } })).toBe(h);
  });
});
