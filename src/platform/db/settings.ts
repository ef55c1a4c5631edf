import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { settings } from './settings.tables.ts';

/** A settings row's JSON value, or undefined when the row is missing; the caller parses it with its own schema. */
export async function readSetting(db: DbOrTx, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}

/** Create or replace a settings row. */
export async function writeSetting(db: DbOrTx, key: string, value: unknown, at?: Date): Promise<void> {
  const updatedAt = at ?? sql`now()`;
  await db
    .insert(settings)
    .values({ key, value, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } });
}
