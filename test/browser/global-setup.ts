import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.ts';
import * as schema from '../../src/modules/schema.ts';
import { createDb } from '../../src/platform/db/client.ts';
import { createJobs } from '../../src/platform/jobs/index.ts';
import { createMailer } from '../../src/platform/mail/index.ts';
import { seed } from '../../src/seed.ts';
import { TestClock } from '../clock.ts';
import { startTestPostgres } from '../global-setup.ts';

const DEMO_TEMPLATE = 'open_region_demo';

/**
 * The browser run's PostgreSQL, plus the demo region seeded once into a second template:
 * every browser file copies it (test/browser/harness.ts startPortal) instead of seeding the
 * whole demo region again, which took most of each file's setup time.
 */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres(project);
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`create database ${DEMO_TEMPLATE} template open_region`);
  await admin.end();
  const url = new URL(server.adminUrl);
  url.pathname = `/${DEMO_TEMPLATE}`;
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    SEED: 'demo',
    DATA_DIR: server.dataDir,
  });
  const db = createDb(url.toString(), schema, { max: 5 });
  const jobs = createJobs(url.toString(), { supervise: false });
  await jobs.start();
  const mail = createMailer({ db, jobs, smtpUrl: config.smtpUrl, from: config.mailFrom });
  try {
    await seed({ config, db, jobs, mail, clock: new TestClock(), log: pino({ level: 'silent' }) });
  } finally {
    await jobs.stop();
    mail.close();
    await db.$client.end();
  }
  project.provide('demoTemplateDb', DEMO_TEMPLATE);
  return () => server.stop();
}
