import path from 'node:path';
import type { Config } from './config.ts';
import * as schema from './modules/schema.ts';
import { createDb } from './platform/db/client.ts';
import { startEmbeddedPostgres } from './platform/db/embedded.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { type Deps, systemClock } from './platform/deps.ts';
import { createJobs } from './platform/jobs/index.ts';
import { createLogger } from './platform/logger.ts';
import { createMailer, startMailWorker } from './platform/mail/index.ts';

export type Runtime = { deps: Deps; close: () => Promise<void> };

/**
 * Start what the app stands on: PostgreSQL (embedded unless DATABASE_URL is
 * set), migrations, pg-boss and the mailer. Shared by the server, scripts and tests.
 */
export async function startRuntime(
  config: Config,
  opts: { log?: ReturnType<typeof createLogger>; workers?: boolean } = {},
): Promise<Runtime> {
  const log = opts.log ?? createLogger(config.logLevel);
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!url) {
    const embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), {
      log: (m) => log.debug({ pg: m.trim() }),
      events: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
    });
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const db = createDb(url, schema);
  let jobs: ReturnType<typeof createJobs> | null = null;
  let mail: ReturnType<typeof createMailer> | null = null;
  // Each step runs even when an earlier one fails, so Postgres is always stopped.
  const close = async () => {
    const errors: unknown[] = [];
    const step = async (f: () => unknown) => {
      try {
        await f();
      } catch (err) {
        errors.push(err);
      }
    };
    await step(() => jobs?.stop());
    await step(() => mail?.close());
    await step(() => db.$client.end());
    await step(() => stopEmbedded?.());
    if (errors.length > 0) throw errors[0];
  };
  try {
    // a migration may rewrite a large table: no statement limit for it
    const migrator = createDb(url, schema, { max: 1, statementTimeoutMs: 0 });
    try {
      await runMigrations(migrator);
    } finally {
      await migrator.$client.end();
    }
    jobs = createJobs(url, { log });
    await jobs.start();
    mail = createMailer({ db, jobs, smtpUrl: config.smtpUrl, from: config.mailFrom });
    if (opts.workers !== false) await startMailWorker(jobs, mail);
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
  const deps: Deps = { config, db, jobs, mail, clock: systemClock, log };
  return { deps, close };
}
