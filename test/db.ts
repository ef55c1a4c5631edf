import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.ts';
import * as schema from '../src/modules/schema.ts';
import { createDb, type Db } from '../src/platform/db/client.ts';
import type { Deps } from '../src/platform/deps.ts';
import { createJobs, type JobsOptions } from '../src/platform/jobs/index.ts';
import { createMailer } from '../src/platform/mail/index.ts';
import { TestClock } from './clock.ts';

export { TestClock };

/** A fresh database for one test file, copied from the migrated template. */
export async function freshDatabaseUrl(template: string = inject('templateDb')): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export type TestDeps = Deps & { clock: TestClock; close(): Promise<void> };

/** Real dependencies on a fresh database: pg-boss included; SMTP only when given. */
export async function createTestDeps(
  opts: {
    smtpUrl?: string;
    env?: Record<string, string>;
    jobs?: JobsOptions;
    /** an existing test database (a second app process on the same data); default a fresh one */
    databaseUrl?: string;
    /** the template the fresh database is copied from; default the migrated, empty one */
    templateDb?: string;
    /** sees every statement the app's pool sends (the statement-count test) */
    onStatement?: (text: string, values?: readonly unknown[]) => void;
  } = {},
): Promise<TestDeps> {
  const url = opts.databaseUrl ?? (await freshDatabaseUrl(opts.templateDb));
  const config = loadConfig({
    DATABASE_URL: url,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    SEED: 'none',
    DATA_DIR: inject('dataDir'),
    // Test files share two cores with PostgreSQL and each other: a starved event loop is not
    // the app's overload. The shedder's own test turns it back on.
    LOAD_SHED_DELAY_MS: '0',
    // tests read a page right after writing it; the page cache's own tests turn it on
    PAGE_CACHE_TTL_MS: '0',
    ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
    ...opts.env,
  });
  const db: Db = createDb(url, schema, {
    max: 5,
    ...(opts.onStatement ? { onStatement: opts.onStatement } : {}),
  });
  const jobs = createJobs(url, { supervise: false, ...opts.jobs });
  await jobs.start();
  const log = pino({ level: process.env.TEST_LOG ?? 'silent' });
  const mail = createMailer({ db, jobs, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const clock = new TestClock();
  return {
    config,
    db,
    jobs,
    mail,
    clock,
    log,
    async close() {
      await jobs.stop();
      mail.close();
      await db.$client.end();
    },
  };
}
