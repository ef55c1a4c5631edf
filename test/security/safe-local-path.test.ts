import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeLocalPath } from '../../src/platform/http/redirect.ts';
import { expectLocal, HOSTILE } from './redirect-cases.ts';

/* safeLocalPath on its own (no app): the hostile list and a fast-check property. */

const base = 'http://127.0.0.1:3000';

describe('safeLocalPath', () => {
  it('keeps a path on the site, query and fragment included, as ASCII', () => {
    expect(safeLocalPath('/appeals/new?org=minzdrav#form', base, '/x')).toBe(
      '/appeals/new?org=minzdrav#form',
    );
    expect(safeLocalPath('/поиск?q=дороги', base, '/x')).toBe(
      '/%D0%BF%D0%BE%D0%B8%D1%81%D0%BA?q=%D0%B4%D0%BE%D1%80%D0%BE%D0%B3%D0%B8',
    );
  });

  it('gives the fallback for every hostile or broken target', () => {
    for (const raw of [...HOSTILE, '', 'cabinet', null, 42, ['/cabinet'], `/${'a'.repeat(3000)}`]) {
      expect(safeLocalPath(raw, base, '/fallback'), JSON.stringify(raw)).toBe('/fallback');
    }
  });

  it('never returns anything a browser would take off the site (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({
            unit: fc.constantFrom('/', '\\', '\t', '\n', '.', '%', '0', '9', 'e', ':', '@', '?', '#'),
          }),
        ),
        (raw) => {
          const out = safeLocalPath(raw, base, '/fallback');
          expectLocal(out, base);
        },
      ),
      { numRuns: 300 },
    );
  });
});
