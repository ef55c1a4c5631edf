import { describe, expect, it } from 'vitest';
import { SPAM_HOLD_SCORE } from './discussions.model.ts';
import { spamScore } from './spam.ts';

const plain = { text: 'Предлагаю продлить приём', recentComments: 0, sameText: 0, accountAgeHours: 24 * 30 };
const held = (f: Parameters<typeof spamScore>[0]) => spamScore(f).score >= SPAM_HOLD_SCORE;

describe('spam score', () => {
  it('lets an ordinary comment of an old account through with no signal', () => {
    expect(spamScore(plain)).toEqual({ score: 0, signals: [] });
  });

  it('lets one link or a new account alone through, but not both with more', () => {
    expect(held({ ...plain, text: 'См. https://gov39.ru/plan' })).toBe(false);
    expect(held({ ...plain, accountAgeHours: 1 })).toBe(false);
    expect(held({ ...plain, text: 'См. https://gov39.ru/plan', accountAgeHours: 1, recentComments: 5 })).toBe(
      true,
    );
  });

  it('holds three links, a repeated text, and names the signals', () => {
    expect(spamScore({ ...plain, text: 'http://a.example www.b.example https://c.example' })).toEqual({
      score: 3,
      signals: ['links'],
    });
    expect(spamScore({ ...plain, sameText: 1 }).signals).toEqual(['repetition']);
    expect(held({ ...plain, sameText: 1 })).toBe(true);
  });
});
