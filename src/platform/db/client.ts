import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/**
 * The tables drizzle's relational queries (`db.query.<table>`) know. The
 * platform imports no module, so it leaves this empty; the composition root
 * (src/modules/schema.ts) fills it by declaration merging with every table and
 * passes the same tables to createDb.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in src/modules/schema.ts
export interface AppSchema {}
/** AppSchema as a plain object type, which drizzle's schema parameter requires. */
export type AppTables = { [K in keyof AppSchema]: AppSchema[K] };

export type Db = NodePgDatabase<AppTables> & { $client: pg.Pool };
/** A transaction handle; every repository function takes Db | Tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** A pool and its drizzle handle over one PostgreSQL URL, knowing the given tables. */
export function createDb(url: string, schema: AppTables, max = 10): Db {
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
