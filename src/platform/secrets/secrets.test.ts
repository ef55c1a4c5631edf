import { describe, expect, it } from 'vitest';
import { isSealed, openSecret, SecretError, sealedWithOldKey, sealSecret } from './index.ts';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

describe('sealed secrets', () => {
  it('seal and open; the sealed text does not hold the secret and differs each time', () => {
    const s1 = sealSecret('client-secret-42', { current: A });
    const s2 = sealSecret('client-secret-42', { current: A });
    expect(isSealed(s1)).toBe(true);
    expect(s1).not.toContain('client-secret-42');
    expect(s1).not.toBe(s2);
    expect(openSecret(s1, { current: A })).toBe('client-secret-42');
  });

  it('after a rotation the previous key still opens old values, which are marked for sealing again', () => {
    const old = sealSecret('s', { current: A });
    expect(sealedWithOldKey(old, { current: B, previous: A })).toBe(true);
    expect(openSecret(old, { current: B, previous: A })).toBe('s');
    expect(() => openSecret(old, { current: B })).toThrow(SecretError);
    expect(sealedWithOldKey(sealSecret('s', { current: B }), { current: B, previous: A })).toBe(false);
  });

  it('refuses a tampered value or plain text, without echoing it', () => {
    const sealed = sealSecret('top-secret', { current: A });
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => openSecret(tampered, { current: A })).toThrow(SecretError);
    expect(() => openSecret('top-secret', { current: A })).toThrow(/not a sealed value/);
    try {
      openSecret(tampered, { current: A });
    } catch (err) {
      expect((err as Error).message).not.toContain('top-secret');
    }
  });
});
