import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { MigrationsNewerThanCode } from './platform/db/migrate.ts';
import { startRuntime } from './runtime.ts';
import { seed } from './seed.ts';

/** The HTTP process: starts the runtime, seeds an empty database, serves until SIGINT/SIGTERM. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  let runtime: Awaited<ReturnType<typeof startRuntime>>;
  try {
    runtime = await startRuntime(config);
  } catch (err) {
    if (err instanceof MigrationsNewerThanCode) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const { deps } = runtime;
  await seed(deps);
  const app = await buildApp(deps);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    deps.log.info({ signal }, 'shutting down');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  deps.log.info({ url: config.publicUrl, seed: config.seed }, 'Открытый регион is ready');
}

main().catch((err) => {
  process.stderr.write(`Failed to start: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
