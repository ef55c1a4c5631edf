import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type ReplicaOptions, ReplicaRoutingPool } from './replica.ts';

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

export type Db = NodePgDatabase<AppTables> & {
  /** the primary's pool: raw SQL here always reaches the primary */
  $client: pg.Pool;
  /** with a replica: the router drizzle's statements go through (platform/db/replica.ts) */
  $replica?: ReplicaRoutingPool;
};
/** A transaction handle; every repository function takes Db | Tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbOptions = {
  /** pool size (10) */
  max?: number;
  /**
   * The server cancels a statement that runs longer (30 s; 0 = no limit, for
   * migrations and maintenance). A query that needs more says so with SET LOCAL.
   */
  statementTimeoutMs?: number;
  /** a streaming replica for the plain reads of requests run `onReplica` */
  replicaUrl?: string | undefined;
  replica?: ReplicaOptions;
  /**
   * Called with the text of every statement the pool's connections send
   * (transactions included): the hook tests use to count statements per page
   * (test/statement-count.test.ts), and a profiler's. Not for production use.
   */
  onStatement?: (text: string, values?: readonly unknown[]) => void;
};

/** How long to wait for a connection: a frozen or unreachable server must not hold a request. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** Statement limit of the app's pool. */
export const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * The pool options every connection of the app uses: bounded waits for a
 * connection and for an answer, so a database that is away or frozen turns
 * into an error (and a 503) instead of a request that hangs.
 */
export function poolOptions(url: string, opts: DbOptions = {}): pg.PoolConfig {
  const statement = opts.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  return {
    connectionString: url,
    max: opts.max ?? 10,
    application_name: 'open-region',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    // a transaction left open by a stuck request must not hold its locks for ever
    idle_in_transaction_session_timeout: 60_000,
    ...(statement > 0
      ? // the server's limit, and a client-side one a little later for a server that does not answer at all
        { statement_timeout: statement, query_timeout: statement + 5_000 }
      : {}),
  };
}

/** A pool and its drizzle handle over one PostgreSQL URL, knowing the given tables. */
export function createDb(url: string, schema: AppTables, opts: DbOptions | number = {}): Db {
  const o = typeof opts === 'number' ? { max: opts } : opts;
  const pool = quietPool(url, o);
  if (!o.replicaUrl) return drizzle(pool, { schema }) as Db;
  const replicaPool = quietPool(o.replicaUrl, o);
  replicaPool.options.application_name = 'open-region-replica';
  const router = new ReplicaRoutingPool(pool, replicaPool, o.replica);
  const db = drizzle(router as unknown as pg.Pool, { schema }) as Db;
  db.$client = pool;
  db.$replica = router;
  return db;
}

/** Stop the pools of a Db (and its replica watch). */
export async function endDb(db: Db): Promise<void> {
  await (db.$replica ?? db.$client).end();
}

function quietPool(url: string, o: DbOptions): pg.Pool {
  const pool = new pg.Pool(poolOptions(url, o));
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  // Nor a checked-out one: the pool listens only while a client is idle, and a
  // server that goes away between two statements of a transaction (57P01 on
  // shutdown, a reset socket) emits 'error' on the client itself. The running
  // query, if any, rejects with the same error; the pool drops the client on release.
  const onStatement = o.onStatement;
  pool.on('connect', (client) => {
    client.on('error', () => {});
    if (onStatement) {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const q = args[0];
        if (typeof q === 'string') onStatement(q, Array.isArray(args[1]) ? args[1] : undefined);
        else {
          const o = q as { text?: string; values?: unknown[] } | undefined;
          onStatement(
            String(o?.text ?? 'copy or cursor'),
            o?.values ?? (Array.isArray(args[1]) ? args[1] : undefined),
          );
        }
        return query(...args);
      };
    }
  });
  return pool;
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

/**
 * Several reads on one transaction, one after another. A transaction is one connection: queries
 * given to it at once (`Promise.all`) are queued by pg anyway, gain nothing, and pg@9 refuses them.
 */
export async function inTurn<T extends readonly (() => Promise<unknown>)[]>(
  steps: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const step of steps) out.push(await step());
  return out as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
