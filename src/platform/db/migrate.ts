import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { projectPath } from '../paths.ts';
import type { Db } from './client.ts';

export const migrationsFolder = projectPath('migrations');

export class MigrationsNewerThanCode extends Error {}

type Journal = { entries: { idx: number; when: number; tag: string }[] };

/**
 * Apply the committed migrations. Refuses to run when the database carries
 * migrations this code does not know: an older release must not write to a
 * newer schema.
 */
export async function runMigrations(db: Db): Promise<void> {
  const journal = JSON.parse(
    readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
  ) as Journal;
  const lastKnown = Math.max(...journal.entries.map((e) => e.when));
  const applied = await db.$client
    .query<{ created_at: string }>(
      `select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    )
    .catch(() => null);
  const newest = applied?.rows[0] ? Number(applied.rows[0].created_at) : 0;
  if (newest > lastKnown) {
    throw new MigrationsNewerThanCode(
      `The database has migrations newer than this code (applied ${new Date(newest).toISOString()}, newest known ${new Date(lastKnown).toISOString()}). Upgrade the application.`,
    );
  }
  await migrate(db, { migrationsFolder });
}
