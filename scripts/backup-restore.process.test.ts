import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/accounts/index.ts';
import {
  embeddedDbUrl,
  type ServerProcess,
  signInOverHttp,
  startServerProcess,
  tempDataDir,
} from '../test/server-process.ts';

/*
 * `npm run backup` of a running demo region, `npm run restore` into an empty
 * DATA_DIR, and the restored region compared with the original: every table's
 * rows, every file, the session secret (so sessions stay valid).
 */
const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.killHard();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

/** A digest of every row of every table of the app's schema, table by table. */
async function contents(url: string): Promise<Record<string, string>> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows: tables } = await db.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      // a start rewrites some settings (the shipped calendar), touching updated_at: compare their keys and values
      const row = name === 'settings' ? '(t.key, t.value)::text' : 't::text';
      const { rows } = await db.query<{ n: number; digest: string | null }>(
        `select count(*)::int as n, md5(string_agg(${row}, '|' order by ${row})) as digest from "${name}" t`,
      );
      out[name] = `${rows[0]?.n}:${rows[0]?.digest}`;
    }
    return out;
  } finally {
    await db.end();
  }
}

function filesDigest(dataDir: string): string[] {
  const dir = path.join(dataDir, 'files');
  if (!existsSync(dir)) return [];
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => {
      const p = path.join(d, n);
      return statSync(p).isDirectory()
        ? walk(p)
        : [`${path.relative(dir, p)}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`];
    });
  return walk(dir).sort();
}

describe('backup and restore', () => {
  it('round-trips the demo region taken from a running server into an empty DATA_DIR', {
    timeout: 400_000,
  }, async () => {
    const from = tempDataDir('open-region-backup-from-');
    const to = tempDataDir('open-region-backup-to-');
    const out = tempDataDir('open-region-backup-out-');
    dirs.push(from, to, out);
    const server = await startServerProcess({ DATA_DIR: from, SEED: 'demo' });
    servers.push(server);
    // a session, to see it valid after the restore
    const cookie = await signInOverHttp(server.base, 'm.ivanova@esia-demo.example', DEMO_PASSWORD);

    const archive = path.join(out, 'region.tar.gz');
    const backup = await run('scripts/backup.ts', [archive], { DATA_DIR: from });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^backup written to .*region\.tar\.gz \(\d+\.\d MB\)\n$/);
    const before = await contents(embeddedDbUrl(from));
    const filesBefore = filesDigest(from);
    await server.stop();

    // a DATA_DIR with something in it is refused, in one line
    const busy = await run('scripts/restore.ts', [archive], { DATA_DIR: from });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toBe(
      `DATA_DIR ${from} is not empty: restore only into an empty DATA_DIR (move the old one aside first)\n`,
    );

    const restore = await run('scripts/restore.ts', [archive], { DATA_DIR: to });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^restored into .*: [1-9]\d* organisations, \d+ appeals, \d+ files\n$/);
    expect(readFileSync(path.join(to, 'session-secret'), 'utf8')).toBe(
      readFileSync(path.join(from, 'session-secret'), 'utf8'),
    );
    expect(filesDigest(to)).toEqual(filesBefore);

    const restored = await startServerProcess({ DATA_DIR: to, SEED: 'demo' });
    servers.push(restored);
    const after = await contents(embeddedDbUrl(to));
    // sessions are touched by use; every other table is as it was
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const t of Object.keys(before)) if (t !== 'sessions') expect([t, after[t]]).toEqual([t, before[t]]);
    const cabinet = await fetch(`${restored.base}/cabinet`, { headers: { cookie }, redirect: 'manual' });
    expect(cabinet.status).toBe(200);
    await restored.stop();
  });
});
