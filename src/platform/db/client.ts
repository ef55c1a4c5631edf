import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction handle; every repository function takes Db | Tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** A pool and its drizzle handle over one PostgreSQL URL. */
export function createDb(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'open-region' });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  return drizzle(pool, { schema }) as Db;
}

type Queryable = {
  query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }>;
};

/**
 * The pg client behind a Db or a transaction, for libraries that speak plain
 * SQL with $1 parameters (pg-boss) and must share the caller's transaction.
 */
export function pgClientOf(dbOrTx: DbOrTx): Queryable {
  const maybe = dbOrTx as unknown as { $client?: Queryable; session?: { client: Queryable } };
  if (maybe.session?.client) return maybe.session.client;
  if (maybe.$client) return maybe.$client;
  throw new Error('not a drizzle node-postgres handle');
}
