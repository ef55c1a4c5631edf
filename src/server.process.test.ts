import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../test/db.ts';
import { migrationsFolder } from './platform/db/migrate.ts';

/*
 * The process as `npm start` runs it (without the asset build):
 * node_modules/.bin/node --import tsx src/server.ts.
 */
const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Run = {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
};

function startServer(env: Record<string, string>, opts: { ownGroup?: boolean } = {}): Run {
  // Only what the test gives: nothing from the developer's environment leaks in.
  const child = spawn(path.join(root, 'node_modules/.bin/node'), ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, as a terminal's foreground job: a signal to the group reaches postgres too
    detached: opts.ownGroup ?? false,
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
  return { child, stdout: () => out, stderr: () => err, exited };
}

function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'open-region-server-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

/** Processes whose command line mentions the directory (postgres runs with -D <dir>). */
function processesUsing(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmd.includes(dir)) found.push(`${pid}: ${cmd}`);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

describe('npm start', () => {
  it('stops with one line and exit code 1 on a wrong PORT', async () => {
    const run = startServer({ PORT: 'abc', DATA_DIR: dataDir() });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe('Invalid PORT: must be a whole number from 0 to 65535\n');
  });

  it('refuses with one line a database whose migrations are newer than the code', async () => {
    const url = await freshDatabaseUrl();
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
      'from-a-newer-release',
      Math.max(...journal.entries.map((e) => e.when)) + 60_000,
    ]);
    await client.end();
    const run = startServer({ DATABASE_URL: url, DATA_DIR: dataDir(), SEED: 'none' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(
      /^The database has migrations newer than this code .*Upgrade the application\.\n$/,
    );
  });

  async function listening(run: Run): Promise<string> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const m = run.stdout().match(/"listening":"(http:\/\/[^"]+)"/);
      if (m?.[1]) return m[1];
      if (run.child.exitCode !== null || Date.now() > deadline)
        throw new Error(`the server did not start: ${run.stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('serves, then on SIGTERM stops PostgreSQL cleanly and exits 0', async () => {
    const dir = dataDir();
    const run = startServer({ DATA_DIR: dir, PORT: '0', SEED: 'none', LOG_LEVEL: 'info' });
    const base = await listening(run);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(processesUsing(dir).length).toBeGreaterThan(0);
    expect(existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(true);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toBe('');
    expect(processesUsing(dir)).toEqual([]);
    expect(existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(run.stdout()).toContain('shutting down');
  }, 120_000);

  it('on SIGTERM closes a connection still sending its request after a grace period, and exits 0', async () => {
    const dir = dataDir();
    const run = startServer({ DATA_DIR: dir, PORT: '0', SEED: 'none', LOG_LEVEL: 'info' });
    const base = new URL(await listening(run));
    // a client that announced a body and stopped sending it: the request stays in flight
    const socket = net.connect(Number(base.port), base.hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.on('error', () => {});
    // read what comes (an early answer), so the end of the connection is seen
    socket.resume();
    socket.write(
      `POST /api/v1/appeals HTTP/1.1\r\nHost: ${base.host}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
    );
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise((r) => setTimeout(r, 300));
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await closed;
    expect(run.stderr()).not.toContain('Shutdown took longer');
    expect(processesUsing(dir)).toEqual([]);
  }, 120_000);

  it('exits 0 on Ctrl-C, when the terminal signals postgres at the same time', async () => {
    const dir = dataDir();
    const run = startServer(
      { DATA_DIR: dir, PORT: '0', SEED: 'none', LOG_LEVEL: 'info' },
      { ownGroup: true },
    );
    await listening(run);
    process.kill(-(run.child.pid as number), 'SIGINT');
    expect(await run.exited).toBe(0);
    expect(processesUsing(dir)).toEqual([]);
  }, 120_000);
});
