import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  childrenOf,
  postgresOf,
  processesUsing,
  runServerToExit,
  type ServerProcess,
  startServerProcess,
  tempDataDir,
  waitFor,
} from '../server-process.ts';

/*
 * Starting and stopping the real server process (`node --import tsx
 * src/server.ts`, as `npm start` runs it) when things around it are wrong: a
 * DATA_DIR in use, a server killed without a chance to stop its PostgreSQL, a
 * DATA_DIR that cannot be written or reached. Every failure to start is one
 * line on stderr saying what is wrong and what to do.
 */
const dirs: string[] = [];
const mounts: string[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.killHard();
  for (const m of mounts) execFileSync('umount', [m]);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('one DATA_DIR, one server', () => {
  const dir = tempDataDir('open-region-startup-');
  dirs.push(dir);
  const env = { DATA_DIR: dir, SEED: 'none' };

  it('refuses a second start on a DATA_DIR in use, in one line, and the first keeps serving', {
    timeout: 300_000,
  }, async () => {
    const first = await startServerProcess(env);
    servers.push(first);
    const second = await runServerToExit(env);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `^DATA_DIR ${dir} is in use by another running instance \\(process ${first.child.pid}\\): stop it first, or set DATA_DIR to another directory\\n$`,
      ),
    );
    expect((await fetch(`${first.base}/readyz`)).status).toBe(200);
  });

  it('stops its PostgreSQL when the server process alone is SIGKILLed', { timeout: 300_000 }, async () => {
    const first = servers[0] as ServerProcess;
    const { postmaster } = postgresOf(dir);
    // only the node process: its PostgreSQL is in another process, which a power cut would spare
    process.kill(first.child.pid as number, 'SIGKILL');
    await first.exited;
    expect(await waitFor(() => !alive(postmaster), 30_000)).toBe(true);
    expect(processesUsing(path.join(dir, 'pg'))).toEqual([]);
    // a fast shutdown, not a crash: the lock file is removed
    expect(existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('stops a PostgreSQL left running on the DATA_DIR by a killed server and starts', {
    timeout: 300_000,
  }, async () => {
    const second = await startServerProcess(env);
    servers.push(second);
    const { postmaster } = postgresOf(dir);
    // kill the server and the watchdog it started, as an older release or `kill -9` on both would
    const watchdogs = childrenOf(second.child.pid as number).filter((p) =>
      processesUsing('open-region-pg-watchdog').some((l) => l.startsWith(`${p}:`)),
    );
    expect(watchdogs).toHaveLength(1);
    for (const p of [second.child.pid as number, ...watchdogs]) process.kill(p, 'SIGKILL');
    await second.exited;
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(postmaster)).toBe(true);

    const started = Date.now();
    const third = await startServerProcess(env);
    servers.push(third);
    expect(alive(postmaster)).toBe(false);
    expect(third.stdout()).toContain(`stopping PostgreSQL (process ${postmaster}) left running`);
    expect((await fetch(`${third.base}/readyz`)).status).toBe(200);
    // the figure is printed, not asserted: a test never asserts a time
    process.stdout.write(`start over a leftover PostgreSQL took ${Date.now() - started} ms\n`);
    await third.stop();
    expect(processesUsing(path.join(dir, 'pg'))).toEqual([]);
  });
});

describe('a DATA_DIR that cannot be used', () => {
  it('says in one line that a read-only DATA_DIR must be made writable', { timeout: 300_000 }, async () => {
    const dir = tempDataDir('open-region-ro-');
    dirs.push(dir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir]);
    mounts.push(dir);
    // without a session secret the first write is the secret's
    const bare = await runServerToExit({ DATA_DIR: dir, SEED: 'none' });
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(
      /^Invalid DATA_DIR: cannot keep the session secret in .* \(EROFS\): make it writable for this user or set DATA_DIR to another directory\n$/,
    );
    // with one, the database's
    const withSecret = await runServerToExit({
      DATA_DIR: dir,
      SEED: 'none',
      SESSION_SECRET: 's'.repeat(40),
    });
    expect(withSecret.code).toBe(1);
    expect(withSecret.stderr).toBe(
      `DATA_DIR ${dir} is on a read-only file system: mount it writable or set DATA_DIR to a writable directory\n`,
    );
  });

  it('names the directory the postgres user cannot enter and the permission to grant', {
    timeout: 300_000,
  }, async () => {
    // mktemp -d makes a 0700 directory, as a clone under /root is
    const closed = mkdtempSync(path.join(os.tmpdir(), 'open-region-closed-'));
    dirs.push(closed);
    const dataDir = path.join(closed, 'data');
    mkdirSync(dataDir);
    const run = await runServerToExit({ DATA_DIR: dataDir, SEED: 'none' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `PostgreSQL runs as the user postgres, which cannot enter ${closed} (mode 0700): allow it with "chmod o+x ${closed}" (or "setfacl -m u:postgres:x ${closed}"), or set DATA_DIR to a directory outside it\n`,
    );
    // and doing what it says is enough
    execFileSync('chmod', ['o+x', closed]);
    const after = await startServerProcess({ DATA_DIR: dataDir, SEED: 'none' });
    servers.push(after);
    expect((await fetch(`${after.base}/readyz`)).status).toBe(200);
    await after.stop();
  });
});
