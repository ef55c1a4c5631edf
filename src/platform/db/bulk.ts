import type { Db } from './client.ts';

/**
 * Run a bulk load with the tables' secondary indexes dropped and rebuilt once
 * afterwards (much faster than maintaining every B-tree and GIN row by row).
 * Indexes that back a constraint (primary keys, unique constraints) stay; a
 * unique index is rebuilt too, so a duplicate still fails the load.
 */
export async function withIndexesDropped<T>(
  db: Db,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const { rows } = await db.$client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def
       from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1::text[])
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  for (const ix of rows) await db.$client.query(`drop index if exists "${ix.name}"`);
  let result: T;
  try {
    result = await load();
  } finally {
    const client = await db.$client.connect();
    try {
      await client.query("set maintenance_work_mem = '512MB'");
      await client.query('set statement_timeout = 0');
      for (const ix of rows) await client.query(ix.def);
      for (const t of tables) await client.query(`analyze "${t}"`);
    } finally {
      client.release();
    }
  }
  return result;
}
