import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAppeal } from '../src/modules/appeals/classify-appeal.ts';
import { currentTotk } from '../src/modules/appeals/current-totk.ts';
import { staffKit } from '../src/modules/appeals/staff-test-kit.ts';
import { InvalidInput } from '../src/platform/errors/index.ts';
import { createTestDeps, type TestDeps } from '../test/db.ts';

/*
 * `npm run import:totk -- <file>` as an administrator runs it: a child process
 * on a real database, a small edition file (test/fixtures/totk-2027.1.csv).
 */
// each run starts node with tsx, which takes long on a loaded two-core machine
const SLOW = { timeout: 300_000 };
const root = path.resolve(import.meta.dirname, '..');
const fixture = path.join(root, 'test/fixtures/totk-2027.1.csv');
const tmp = mkdtempSync(path.join(tmpdir(), 'totk-'));
let deps: TestDeps;
let k: Awaited<ReturnType<typeof staffKit>>;

beforeAll(async () => {
  deps = await createTestDeps();
  k = await staffKit(deps);
});
afterAll(async () => {
  await deps?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function importTotk(...args: string[]) {
  const child = spawn(
    path.join(root, 'node_modules/.bin/node'),
    ['--import', 'tsx', 'scripts/import-totk.ts', ...args],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: '/tmp',
        LOG_LEVEL: 'warn',
        DATABASE_URL: deps.config.databaseUrl ?? '',
        DATA_DIR: tmp,
        SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += String(c);
  });
  child.stderr.on('data', (c) => {
    stderr += String(c);
  });
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return { code, stdout, stderr };
}

const editions = async () =>
  (await deps.db.$client.query('select version from totk_editions order by version')).rows.map(
    (r) => r.version,
  );
const topicsLoaded = async () =>
  Number((await deps.db.$client.query('select count(*) from appeal_topics')).rows[0].count);

describe('npm run import:totk', () => {
  it('refuses a broken file with every error and its line, loading nothing', SLOW, async () => {
    const bad = path.join(tmp, 'broken.csv');
    writeFileSync(
      bad,
      [
        'код;наименование',
        '0001;Государство, общество, политика',
        '0001.0002;Основы государственного управления',
        '0001.02.0027.0145;Короткий уровень',
        '0001.0002.0027.0122;Вопрос без темы',
        '0001.0002;Повтор',
        '0005;',
      ].join('\n'),
    );
    const r = await importTotk(bad, '--edition', 'broken', '--date', '2027-01-15');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.csv:4: bad code «0001.02.0027.0145»');
    expect(r.stderr).toContain(
      'broken.csv:5: code 0001.0002.0027.0122 has no parent 0001.0002.0027 in the file',
    );
    expect(r.stderr).toContain('broken.csv:6: code 0001.0002 repeats line 3');
    expect(r.stderr).toContain('broken.csv:7: code 0005 has no name');
    expect(r.stderr).toContain('nothing loaded');
    expect(await editions()).toEqual([]);
    expect(await topicsLoaded()).toBe(0);
  });

  it(
    'loads a newer edition that classification then uses; an appeal classified before keeps its code',
    SLOW,
    async () => {
      const old = await k.submit();
      await classifyAppeal(deps, k.origin(k.officer), {
        id: old.id,
        questions: [{ topicCode: '0001.0002.0027.0145' }],
      });
      expect((await currentTotk(deps.db)).version).toBe('2026.1-partial');

      const r = await importTotk(fixture, '--date', '2027-01-15');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('ТОТК totk-2027.1 of 2027-01-15: 9 codes loaded');
      expect(await editions()).toEqual(['totk-2027.1']);
      const totk = await currentTotk(deps.db);
      expect(totk.version).toBe('totk-2027.1');
      expect(totk.name('0001.0002.0027.0999', 'ru')).toBe('Вопрос новой редакции; с точкой с запятой');

      const fresh = await k.submit();
      await classifyAppeal(deps, k.origin(k.officer), {
        id: fresh.id,
        questions: [{ topicCode: '0001.0002.0027.0999' }],
      });
      // a code the new edition dropped is refused for new classification…
      await expect(
        classifyAppeal(deps, k.origin(k.officer), {
          id: fresh.id,
          questions: [{ topicCode: '0001.0002.0027.0145' }],
        }),
      ).rejects.toBeInstanceOf(InvalidInput);
      // …while the appeal classified under the old edition keeps it
      const { rows } = await deps.db.$client.query(
        'select appeal_id, topic_code from appeal_questions where appeal_id = any($1) order by topic_code',
        [[old.id, fresh.id]],
      );
      expect(rows.map((x) => [x.appeal_id, x.topic_code])).toEqual([
        [old.id, '0001.0002.0027.0145'],
        [fresh.id, '0001.0002.0027.0999'],
      ]);
      const audit = await deps.db.$client.query("select details from audit_log where action = 'totk.import'");
      expect(audit.rows[0]?.details).toMatchObject({ version: 'totk-2027.1', codes: 9 });
    },
  );

  it('takes JSON of the same shape; the same edition twice is refused', SLOW, async () => {
    const json = path.join(tmp, 'totk.json');
    writeFileSync(
      json,
      JSON.stringify([
        { code: '0001', name: 'Государство, общество, политика' },
        { code: '0001.0002', name: 'Основы государственного управления' },
        { code: '0001.0002.0027', name: 'Обращения' },
        { code: '0001.0002.0027.0122', name: 'Рассмотрение обращения' },
      ]),
    );
    const older = await importTotk(json, '--edition', '2026.9', '--date', '2026-09-01');
    expect(older.code).toBe(0);
    // older than the edition in use: loaded, but classification stays on 2027
    expect((await currentTotk(deps.db)).version).toBe('totk-2027.1');
    const again = await importTotk(json, '--edition', '2026.9', '--date', '2026-09-01');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('edition 2026.9 is already loaded');
    const broken = path.join(tmp, 'broken.json');
    writeFileSync(broken, JSON.stringify([{ code: '0001', name: 'Раздел' }, { code: '0001.0002.0027' }]));
    const r = await importTotk(broken, '--edition', 'x', '--date', '2027-02-01');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.json:element 2: code 0001.0002.0027 has no name');
  });
});
