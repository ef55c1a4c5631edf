import path from 'node:path';
import type { Config } from './config.ts';
import * as schema from './modules/schema.ts';
import { createDb, endDb } from './platform/db/client.ts';
import { startEmbeddedPostgres } from './platform/db/embedded.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { withStartupLock } from './platform/db/startup-lock.ts';
import { type Deps, systemClock } from './platform/deps.ts';
import { createJobs } from './platform/jobs/index.ts';
import { createLogger } from './platform/logger.ts';
import { createMailer, startMailWorker } from './platform/mail/index.ts';

export type Runtime = {
  deps: Deps;
  /** the primary database's URL (the embedded server's when DATABASE_URL is unset), for worker processes */
  databaseUrl: string;
  close: () => Promise<void>;
};

export type RuntimeOptions = {
  log?: ReturnType<typeof createLogger>;
  /** start the mail worker (true) */
  workers?: boolean;
  /** apply migrations (true); a cluster's worker processes leave that to their primary */
  migrate?: boolean;
  /** start-up duties (calendar check, seed) run under the same start-up lock as the migrations */
  startup?: (deps: Deps) => Promise<void>;
  /** the app pool's statement limit (0 = none, for bulk loads such as the data generator) */
  statementTimeoutMs?: number;
};

/**
 * Start what the app stands on: PostgreSQL (embedded unless DATABASE_URL is
 * set), migrations, pg-boss and the mailer. Shared by the server, scripts and tests.
 * Migrations and `startup` hold the start-up lock (platform/db/startup-lock.ts),
 * so processes and hosts starting at once on one database take turns.
 */
export async function startRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
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
  const db = createDb(url, schema, {
    replicaUrl: config.databaseReplicaUrl,
    replica: { maxLagMs: config.replicaMaxLagMs, log },
    ...(opts.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: opts.statementTimeoutMs }),
  });
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
    await step(() => endDb(db));
    await step(() => stopEmbedded?.());
    if (errors.length > 0) throw errors[0];
  };
  const primaryUrl = url;
  let deps: Deps;
  try {
    deps = await withStartupLock(primaryUrl, async () => {
      if (opts.migrate !== false) {
        // a migration may rewrite a large table: no statement limit for it
        const migrator = createDb(primaryUrl, schema, { max: 1, statementTimeoutMs: 0 });
        try {
          await runMigrations(migrator);
        } finally {
          await migrator.$client.end();
        }
      }
      jobs = createJobs(primaryUrl, { log });
      await jobs.start();
      mail = createMailer({ db, jobs, smtpUrl: config.smtpUrl, from: config.mailFrom });
      const d: Deps = { config, db, jobs, mail, clock: systemClock, log };
      await opts.startup?.(d);
      return d;
    });
    if (opts.workers !== false && jobs && mail) await startMailWorker(jobs, mail);
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
  return { deps, databaseUrl: primaryUrl, close };
}
