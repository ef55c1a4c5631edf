import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPublicationLog } from '../src/modules/publications/index.ts';
import * as schema from '../src/modules/schema.ts';
import { createDb } from '../src/platform/db/client.ts';
import { freshDatabaseUrl } from '../test/db.ts';
import { tempDataDir } from '../test/server-process.ts';

/*
 * `npm run generate -- --scale tiny` as a person runs it (a child process on a
 * database of its own): the counts each module's generator promises at a
 * hundredth of a region, the search index and the derived figures filled, the
 * publication log still verifying, and the same seed giving the same data.
 */
const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function generate(
  url: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = tempDataDir('open-region-generate-');
  dirs.push(dir);
  const child = spawn(
    path.join(root, 'node_modules/.bin/node'),
    ['--import', 'tsx', 'scripts/generate.ts', ...args],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: '/tmp',
        DATABASE_URL: url,
        DATA_DIR: dir,
        LOG_LEVEL: 'warn',
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
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}
const one = async (url: string, text: string) =>
  Number(Object.values((await query<Record<string, unknown>>(url, text))[0] ?? {})[0]);

/** A digest of what the generator wrote, to compare two runs. */
const FINGERPRINT = `select md5(string_agg(x, '|' order by x)) from (
  select number || text || status || due_date::text || coalesce(answered_at::text, '') as x from appeals
  union all select title || coalesce(doc_number, '') || published_at::text from publications
  union all select email || display_name from users) s`;

describe('npm run generate', () => {
  let a: string;
  let b: string;
  let first: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    [a, b] = await Promise.all([freshDatabaseUrl(), freshDatabaseUrl()]);
    const runs = await Promise.all([
      generate(a, ['--scale', 'tiny', '--seed', '7']),
      generate(b, ['--scale', 'tiny', '--seed', '7']),
    ]);
    first = runs[0];
    expect(
      runs.map((r) => r.code),
      runs.map((r) => r.stderr).join('\n'),
    ).toEqual([0, 0]);
  }, 900_000);

  it('writes a hundredth of a region: appeals with their history, documents, news, people', {
    timeout: 120_000,
  }, async () => {
    expect(await one(a, 'select count(*) from appeals')).toBe(10_000);
    expect(
      await one(
        a,
        `select count(*) from appeals a join organizations o on o.id = a.org_id
                         where o.slug = 'minsoc' and a.status in ('registered', 'in_review')`,
      ),
    ).toBeGreaterThanOrEqual(500);
    expect(await one(a, 'select count(distinct appeal_id) from appeal_events')).toBe(10_000);
    expect(await one(a, `select count(*) from appeals where status = 'sent'`)).toBe(
      await one(a, `select count(*) from appeal_answers where status = 'sent'`),
    );
    expect(await one(a, "select count(*) from publications where kind = 'document'")).toBe(5_000);
    expect(await one(a, "select count(*) from publications where kind = 'news'")).toBe(1_000);
    expect(await one(a, "select count(*) from users where email like 'citizen-%'")).toBe(1_000);
    expect(
      await one(a, "select count(*) from publication_attachments where text_status = 'done'"),
    ).toBeGreaterThan(0);
    expect(first.stdout).toMatch(/appeals: .* in [\d.]+ s/);
    // open data: the demo datasets, 20 small ones and the large one of 50,000 rows (5,000,000 × scale)
    expect(await one(a, "select count(*) from datasets where identifier like '%-gen%'")).toBe(20);
    expect(
      await one(
        a,
        `select count(*) from dataset_rows r join dataset_versions v on v.id = r.version_id
          join datasets d on d.id = v.dataset_id where d.identifier like '%-passengers'`,
      ),
    ).toBe(50_000);
  });

  it('fills the search index (weighted tsvector included) and the derived figures', {
    timeout: 300_000,
  }, async () => {
    expect(
      await one(a, "select count(*) from search_entries where module = 'publications' and tsv is not null"),
    ).toBe(6_000);
    // a word of the attachments' text is found through the index
    expect(
      await one(a, "select count(*) from search_entries where tsv @@ plainto_tsquery('russian', 'субсидии')"),
    ).toBeGreaterThan(0);
    expect(await one(a, 'select count(*) from search_words')).toBeGreaterThan(50);
    // the numbering goes on after the generated history: each counter is its body-year's last number
    expect(
      await one(
        a,
        `select count(*) from appeal_counters c
                         where c.last_sequence <> (select max(sequence) from appeals a where a.org_id = c.org_id and a.year = c.year)`,
      ),
    ).toBe(0);
    expect(await one(a, 'select count(*) from appeal_counters')).toBeGreaterThan(40);
    // the hash chain covers every version
    expect(await one(a, 'select count(*) from publication_log')).toBe(6_000);
    const db = createDb(a, schema, 1);
    try {
      expect(await verifyPublicationLog({ db })).toMatchObject({ ok: true });
    } finally {
      await db.$client.end();
    }
    expect(await one(a, "select count(*) from pg_indexes where indexname = 'search_entries_tsv_idx'")).toBe(
      1,
    );
  });

  it('gives the same data for the same seed, and keeps a generated database as it is', async () => {
    const [fa] = await query<{ md5: string }>(a, FINGERPRINT);
    const [fb] = await query<{ md5: string }>(b, FINGERPRINT);
    expect(fa?.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(fa?.md5).toBe(fb?.md5);
    const again = await generate(a, ['--scale', 'tiny', '--seed', '7']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already generated');
    const other = await generate(a, ['--scale', 'tiny', '--seed', '8']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('already holds generated data');
    expect(await one(a, 'select count(*) from appeals')).toBe(10_000);
  }, 600_000);
});
