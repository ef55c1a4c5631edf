import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../test/db.ts';
import { loadConfig } from './config.ts';
import { MigrationsNewerThanCode, migrationsFolder } from './platform/db/migrate.ts';
import { settings } from './platform/db/settings.tables.ts';
import { startRuntime } from './runtime.ts';

const silent = pino({ level: 'silent' });
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A DATA_DIR the postgres user (initdb runs as it) can reach. */
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'open-region-runtime-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

describe('the embedded database across restarts', () => {
  it('keeps every row when the runtime stops and starts again on the same DATA_DIR', async () => {
    const env = { DATA_DIR: dataDir(), SEED: 'none', LOG_LEVEL: 'silent' } as const;
    const first = await startRuntime(loadConfig(env), { log: silent, workers: false });
    await first.deps.db.insert(settings).values({ key: 'restart-test', value: { kept: true } });
    const secret = first.deps.config.sessionSecret;
    await first.close();

    const second = await startRuntime(loadConfig(env), { log: silent, workers: false });
    try {
      const rows = await second.deps.db.select().from(settings).where(eq(settings.key, 'restart-test'));
      expect(rows.map((r) => r.value)).toEqual([{ kept: true }]);
      // the generated session secret is kept too, so sessions survive the restart
      expect(second.deps.config.sessionSecret).toBe(secret);
    } finally {
      await second.close();
    }
  });
});

describe('migrations', () => {
  it('refuses to start on a database whose applied migrations are newer than the code', async () => {
    const url = await freshDatabaseUrl();
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    const newest = Math.max(...journal.entries.map((e) => e.when));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
        'from-a-newer-release',
        newest + 60_000,
      ]);
      const config = loadConfig({ DATABASE_URL: url, SESSION_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent' });
      const started = startRuntime(config, { log: silent, workers: false });
      await expect(started).rejects.toBeInstanceOf(MigrationsNewerThanCode);
      await expect(started).rejects.toThrow(/newer than this code/);
      // it wrote nothing: pg-boss did not even install its schema
      const boss = await client.query(
        "select 1 from information_schema.schemata where schema_name = 'pgboss'",
      );
      expect(boss.rowCount).toBe(0);
      // and it closed its connections (a backend ends a moment after its client leaves)
      const openConnections = async () =>
        (
          await client.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name like 'open-region%'",
          )
        ).rows[0]?.n;
      for (let i = 0; i < 50 && (await openConnections()) !== 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(await openConnections()).toBe(0);
    } finally {
      await client.end();
    }
  });
});
