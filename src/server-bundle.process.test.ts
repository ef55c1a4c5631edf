import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../test/db.ts';
import { regionData } from './modules/orgs/data/index.ts';
import { migrationsFolder } from './platform/db/migrate.ts';

/*
 * `npm start` runs the server bundle (scripts/build-server.ts → dist/server.js), not the sources
 * through tsx. Built here into a directory of its own under dist/, started on an empty database:
 * it migrates, seeds, serves the assets and answers /readyz; a second start seeds nothing again.
 */
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'dist', `test-${process.pid}`);
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(outDir, { recursive: true, force: true });
});

async function start(env: Record<string, string>) {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), [path.join(outDir, 'server.js')], {
    // anywhere: the bundle finds the project (migrations, public/build) from its own file
    cwd: os.tmpdir(),
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: os.tmpdir(),
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c) => {
    out += String(c);
  });
  child.stderr?.on('data', (c) => {
    err += String(c);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const m = out.match(/"listening":"(http:\/\/[^"]+)"/);
    const stop = () => {
      child.kill('SIGTERM');
      return exited;
    };
    if (m?.[1]) return { base: m[1], out: () => out, stop };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the bundle did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A GET's status, the body read and the connection closed (an open keep-alive would hold the server's close). */
async function status(url: string): Promise<number> {
  const res = await fetch(url, { headers: { connection: 'close' } });
  await res.arrayBuffer();
  return res.status;
}

/** The log line with this message, parsed. */
function logged(out: string, msg: string): Record<string, unknown> | undefined {
  const line = out.split('\n').find((l) => l.includes(`"msg":"${msg}`));
  return line ? JSON.parse(line) : undefined;
}

describe('the server bundle `npm start` runs', () => {
  it('migrates an empty database, seeds it once, serves pages and assets, and seeds nothing on the next start', async () => {
    execFileSync(
      path.join(root, 'node_modules/.bin/node'),
      ['--import', 'tsx', 'scripts/build-server.ts', path.join(outDir, 'server.js')],
      { cwd: root, stdio: 'pipe' },
    );
    // an empty database (template0), not the migrated template the other tests copy
    const url = await freshDatabaseUrl('template0');
    const env = { DATABASE_URL: url, SEED: 'none', DATA_DIR: path.join(outDir, 'data') };

    const first = await start(env);
    expect(await status(`${first.base}/readyz`)).toBe(200);
    const home = await fetch(`${first.base}/orgs/minzdrav`, { headers: { connection: 'close' } });
    expect(home.status).toBe(200);
    const css = (await home.text()).match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
    expect(css).toBeDefined();
    expect(await status(`${first.base}${css}`)).toBe(200);
    expect(logged(first.out(), 'organisations seeded')).toMatchObject({
      inserted: regionData.organizations.length,
    });
    expect(await first.stop()).toBe(0);

    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(applied.rows[0].n).toBe(journal.entries.length);
    } finally {
      await client.end();
    }

    const second = await start(env);
    expect(await status(`${second.base}/readyz`)).toBe(200);
    expect(logged(second.out(), 'organisations seeded')).toMatchObject({ inserted: 0, sectionsAdded: 0 });
    // nothing the organisations' search entries are built from changed: no rebuild
    expect(logged(second.out(), 'organisations indexed for search')).toMatchObject({ orgs: 0 });
    expect(await second.stop()).toBe(0);
  }, 300_000);
});
