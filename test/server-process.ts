import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * The server as `npm start` runs it, in its own process group, for tests and
 * benchmarks that need the real process: kill it, restart it on the same
 * DATA_DIR, drive it over real HTTP.
 */
const root = path.resolve(import.meta.dirname, '..');

export type ServerProcess = {
  child: ChildProcess;
  base: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** SIGKILL the whole group: the node process and its PostgreSQL, as a power cut would */
  killHard(): Promise<void>;
  /** SIGTERM and wait */
  stop(): Promise<void>;
};

export function tempDataDir(prefix = 'open-region-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** Run the server and wait for it to end (for starts that must fail): exit code and output. */
export async function runServerToExit(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: os.tmpdir(),
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => {
    stdout += String(c);
  });
  child.stderr?.on('data', (c) => {
    stderr += String(c);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** Processes whose command line mentions the directory (postgres runs with -D <dir>). */
export function processesUsing(dir: string): string[] {
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

/** The parent process id, from /proc. */
export function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Direct children of a process. */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map(Number)
    .filter((p) => parentPid(p) === pid);
}

/** The postmaster of a DATA_DIR's embedded PostgreSQL and its server processes. */
export function postgresOf(dataDir: string): { postmaster: number; all: number[] } {
  const postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { postmaster, all: [postmaster, ...childrenOf(postmaster)] };
}

/** Poll until `check` holds or the time is up; returns whether it held. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** Start `node --import tsx src/server.ts` and wait until it listens. */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
  /** also append everything the process writes (its log) to this file, whole */
  logFile?: string,
): Promise<ServerProcess> {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: os.tmpdir(),
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  // the tail only: a benchmark's request logs would fill the memory
  const keep = (s: string) => (s.length > 256_000 ? s.slice(-128_000) : s);
  child.stdout?.on('data', (c) => {
    out = keep(out + String(c));
    if (logFile) appendFileSync(logFile, c);
  });
  child.stderr?.on('data', (c) => {
    err = keep(err + String(c));
    if (logFile) appendFileSync(logFile, c);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  let base = '';
  for (;;) {
    const m = out.match(/"listening":"(http:\/\/[^"]+)"/);
    if (m?.[1]) {
      base = m[1];
      break;
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGKILL');
      throw new Error(`the server did not start: ${err.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    base,
    stdout: () => out,
    stderr: () => err,
    exited,
    async killHard() {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
      // postgres children of the group die with it; give the kernel a moment to reap them
      await new Promise((r) => setTimeout(r, 300));
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The embedded PostgreSQL of a DATA_DIR, from its postmaster.pid (port on line 4). */
export function embeddedDbUrl(dataDir: string): string {
  const lines = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  return `postgres://postgres:open-region-local@127.0.0.1:${lines[3]?.trim()}/open_region`;
}

/** Cookies from a fetch response, merged into a jar. */
function keepCookies(jar: Map<string, string>, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair?.indexOf('=') ?? -1;
    if (pair && i > 0) jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}

/** Sign in through the real /sign-in form over HTTP; returns the Cookie header value. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const page = await fetch(`${base}/sign-in`);
  keepCookies(jar, page);
  const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error('no CSRF token on /sign-in');
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  keepCookies(jar, res);
  if (res.status !== 303 || !jar.get('sid')) throw new Error(`sign-in failed: ${res.status}`);
  return header();
}
