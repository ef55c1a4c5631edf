// The benchmark harness (issue 11): generated data, the real server as a child process, autocannon
// from this process, peak RSS sampled from /proc, and two ceilings measured in the same run.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { embeddedDbUrl, signInOverHttp } from '../test/server-process.ts';

const root = path.resolve(import.meta.dirname, '..');
const nodeBin = path.join(root, 'node_modules/.bin/node');
export const out = (s = '') => process.stdout.write(`${s}\n`);

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const SCALE = process.env.BENCH_SCALE ?? 'small';

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

export function printMachine(): void {
  out(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`,
  );
  out(`date: ${new Date().toISOString()}, load average: ${load()} (a shared machine: other work raises it)`);
  out(`each scenario: ${SECONDS} s, client autocannon in this process, server and ceilings in their own`);
  if (process.env.PAGE_CACHE_TTL_MS !== undefined)
    out(
      `page cache: PAGE_CACHE_TTL_MS=${process.env.PAGE_CACHE_TTL_MS} (0: every page rendered, as on a cache miss)`,
    );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function run(script: string, args: string[], env: Record<string, string>): Promise<number | null> {
  const child = spawn(nodeBin, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve) => child.on('close', resolve));
}

/** The generated data of a scale, made once and kept (BENCH_DATA_DIR, else /tmp/open-region-bench-<scale>). */
export async function ensureData(scale = SCALE): Promise<string> {
  const dir = process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), `open-region-bench-${scale}`);
  const t = performance.now();
  const code = await run('scripts/generate.ts', ['--scale', scale], { DATA_DIR: dir, LOG_LEVEL: 'fatal' });
  if (code !== 0) throw new Error(`npm run generate failed (${code})`);
  out(`data: ${scale} scale in ${dir} (generate: ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  return dir;
}

export type Proc = { child: ChildProcess; base: string; stop(): Promise<void> };

function watch(child: ChildProcess): { exited: Promise<void> } {
  return { exited: new Promise((resolve) => child.on('exit', () => resolve())) };
}

/** The Node flags `npm start` gives the server (package.json: `… node <flags> dist/server.js`). */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const m = /\bnode((?: --\S+)*) dist\/server\.js/.exec(pkg.scripts.start);
  if (!m) throw new Error('package.json: the start script no longer runs node … dist/server.js');
  return (m[1] ?? '').trim().split(' ').filter(Boolean);
}

/** The portal as `npm start` runs it (the server bundle), on the generated data; resolves once /readyz answers 200. */
export async function startPortal(dataDir: string): Promise<Proc & { readyMs: number }> {
  const port = await freePort();
  // the bundle is built before the clock starts, as `npm start` builds it before the server runs
  execFileSync(nodeBin, ['--import', 'tsx', 'scripts/build-server.ts'], { cwd: root, stdio: 'inherit' });
  const t = performance.now();
  // as `npm start` runs it: the Node flags of package.json's start script (the heap cap), then the bundle
  const child = spawn(nodeBin, [...startFlags(), 'dist/server.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: os.tmpdir(),
      DATA_DIR: dataDir,
      PORT: String(port),
      SEED: 'none',
      LOG_LEVEL: 'warn',
      // BENCH_NODE_OPTIONS: the server's own Node flags, e.g. a heap cap (--max-old-space-size=384)
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
      // PAGE_CACHE_TTL_MS=0 measures what a page costs when the page cache misses (lists, search)
      ...(process.env.PAGE_CACHE_TTL_MS !== undefined
        ? { PAGE_CACHE_TTL_MS: process.env.PAGE_CACHE_TTL_MS }
        : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const { exited } = watch(child);
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the server exited while starting');
    const ok = await fetch(`${base}/readyz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    base,
    readyMs: performance.now() - t,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A bare Fastify ceiling (bench/ceiling.ts) in its own process. */
export async function startCeiling(args: string[]): Promise<Proc> {
  const child = spawn(nodeBin, ['--import', 'tsx', 'bench/ceiling.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { exited } = watch(child);
  const base = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (c) => {
      buf += String(c);
      const m = buf.match(/listening (\S+)/);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error('the ceiling exited')));
  });
  return {
    child,
    base,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident memory of a process in MiB, from /proc. */
function rssMiB(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export type Scenario = {
  name: string;
  /** a path, or requests for autocannon to cycle through */
  path?: string;
  requests?: autocannon.Request[];
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  /** which ceiling the ratio is to */
  ceiling: 'static' | 'query';
  /**
   * A file too large to finish within the scenario (the 5-million-row dataset): autocannon counts
   * finished responses only, so each connection streams it and the rows (lines) and bytes read are counted.
   */
  stream?: boolean;
};

export type Result = {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  status: string;
  rssMiB: number;
  bytes: number;
  /** for a streamed file: rows (lines) per second over all connections, and per connection */
  rows?: { perSecond: number; perClient: number };
};

/**
 * Wait until the server has worked off the previous scenario: the requests autocannon left in flight
 * still run after it stops, and while the event loop lags the load shedder answers 503. A scenario
 * (or a group's setup) starting then would measure the previous one's backlog. Up to half a minute.
 */
export async function settle(base: string): Promise<void> {
  const until = performance.now() + 30_000;
  while (performance.now() < until) {
    const t = performance.now();
    const ok = await fetch(`${base}/robots.txt`)
      .then(async (r) => {
        await r.text();
        return r.status === 200;
      })
      .catch(() => false);
    if (ok && performance.now() - t < 250) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Stream a large file over `connections` clients for SECONDS: each reads the body as it comes and
 * counts its lines, starts again when a file ends, and aborts at the end (a client that leaves, as
 * the target says). Latencies are times to the first byte; req/s counts whole files.
 */
async function measureStream(base: string, pid: number | undefined, s: Scenario): Promise<Result> {
  let peak = pid ? rssMiB(pid) : 0;
  const timer = setInterval(() => {
    if (pid) peak = Math.max(peak, rssMiB(pid));
  }, 100);
  const conns = s.connections ?? CONNECTIONS;
  const stop = new AbortController();
  const deadline = setTimeout(() => stop.abort(), SECONDS * 1000);
  const firstByte: number[] = [];
  const statuses = new Map<number, number>();
  let lines = 0;
  let bytes = 0;
  let files = 0;
  let errors = 0;
  // node:http, not fetch: undici's web streams capped the reading client near 20 MB/s in all,
  // far below what the server sends (curl read the same file at 140 MB/s)
  const agent = new http.Agent({ keepAlive: true });
  const one = () =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const req = http.get(
        base + (s.path ?? ''),
        { agent, headers: s.headers, signal: stop.signal },
        (res) => {
          statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
          firstByte.push(performance.now() - t);
          res.on('data', (buf: Buffer) => {
            bytes += buf.length;
            // native search for the line ends
            for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
          });
          res.on('end', () => {
            files++;
            resolve();
          });
          res.on('error', () => resolve());
          res.on('close', () => resolve());
        },
      );
      req.on('error', () => {
        if (!stop.signal.aborted) errors++;
        resolve();
      });
    });
  const client = async () => {
    while (!stop.signal.aborted) await one();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: conns }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  clearTimeout(deadline);
  clearInterval(timer);
  firstByte.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(firstByte[Math.min(firstByte.length - 1, Math.floor(q * firstByte.length))] ?? 0);
  return {
    name: s.name,
    rps: files / seconds,
    p50: at(0.5),
    p95: at(0.975),
    p99: at(0.99),
    max: at(1),
    errors,
    status: [...statuses].map(([c, n]) => `${c}×${n}`).join(' '),
    rssMiB: peak,
    bytes: Math.round(bytes / seconds),
    rows: { perSecond: Math.round(lines / seconds), perClient: Math.round(lines / seconds / conns) },
  };
}

/** Drive one scenario with autocannon, sampling the server's RSS meanwhile. */
export async function measure(base: string, pid: number | undefined, s: Scenario): Promise<Result> {
  if (s.stream) return measureStream(base, pid, s);
  let peak = pid ? rssMiB(pid) : 0;
  const timer = setInterval(() => {
    if (pid) peak = Math.max(peak, rssMiB(pid));
  }, 100);
  const r = await autocannon({
    url: base + (s.path ?? ''),
    method: s.method ?? 'GET',
    headers: s.headers,
    body: s.body,
    requests: s.requests,
    connections: s.connections ?? CONNECTIONS,
    duration: SECONDS,
  });
  clearInterval(timer);
  const codes = Object.entries(r.statusCodeStats ?? {})
    .map(([c, v]) => `${c}×${(v as { count: number }).count}`)
    .join(' ');
  const hist = r.latency as unknown as Record<string, number>;
  return {
    name: s.name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p95: hist.p95 ?? hist.p97_5 ?? 0,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors + r.timeouts,
    status: codes,
    rssMiB: peak,
    bytes: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

export function printHeader(): void {
  out(
    '| scenario | conns | req/s | ratio | p50 ms | p97.5 ms | p99 ms | max ms | errors | statuses | bytes | server peak RSS MiB |',
  );
  out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
}

export function printRow(r: Result, conns: number, ceiling?: number): void {
  const ratio = ceiling && !r.rows ? `${((100 * r.rps) / ceiling).toFixed(0)} %` : '—';
  // a streamed file: the statuses say how many were started, and the rows read each second
  const status = r.rows
    ? `${r.status}; ${r.rows.perSecond} rows/s (${r.rows.perClient} a client), ${r.bytes} B/s`
    : r.status;
  out(
    `| ${r.name} | ${conns} | ${r.rows ? r.rps.toFixed(2) : Math.round(r.rps)} | ${ratio} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.errors} | ${status} | ${r.rows ? '—' : r.bytes} | ${r.rssMiB.toFixed(0)} |`,
  );
}

/** One query against the portal's database (setup for scenarios: ids, a document, a slug). */
export async function dbQuery<T>(dataDir: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: embeddedDbUrl(dataDir) });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

export { embeddedDbUrl, signInOverHttp };
export const dataExists = (dir: string) => existsSync(path.join(dir, 'pg'));
