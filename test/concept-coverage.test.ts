import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Keeps docs/concept-coverage.md true: a row for every numbered task of the concept,
// and every test file it names exists.
const root = path.resolve(import.meta.dirname, '..');
const doc = readFileSync(path.join(root, 'docs/concept-coverage.md'), 'utf8');
const rows = doc
  .split('\n')
  .filter((l) => /^\| (\d+\.\d+|V\.\d+|VI\.\d+) \|/.test(l))
  .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '').trim()));

describe('docs/concept-coverage.md', () => {
  it('has one row for every numbered task of the concept, in order', () => {
    const conceptPath = path.join(root, '../shared/concept-ru.md');
    const ids = rows.map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
    if (existsSync(conceptPath)) {
      const concept = readFileSync(conceptPath, 'utf8');
      const tasks = [...concept.matchAll(/^\s*(?:- )?(\d{1,2}\.\d)\.\s/gm)].map((m) => m[1]);
      expect(tasks.length).toBeGreaterThanOrEqual(50);
      for (const t of tasks) expect(ids).toContain(t);
    }
    const numbered = ids.filter((i) => /^\d/.test(i as string));
    expect(numbered.length).toBe(51);
    expect(ids.filter((i) => /^V\./.test(i as string)).length).toBeGreaterThan(0);
    expect(ids.filter((i) => /^VI\./.test(i as string))).toEqual(['VI.1', 'VI.2', 'VI.3', 'VI.4', 'VI.5']);
  });

  it('names only test files that exist', () => {
    for (const r of rows) {
      const tests = r[4] ?? '';
      if (tests === 'not yet') continue;
      for (const f of tests.split(/,\s*/)) expect(existsSync(path.join(root, f)), `${r[0]}: ${f}`).toBe(true);
    }
  });
});
