import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';

/*
 * Every query of the shared abuse counters (rate_limits). Time is the
 * database's own `now()`, so processes on machines whose clocks differ still
 * agree on one window.
 */
export const rateLimitsRepository = {
  /**
   * Counts one hit of `key` in a window of `windowMs` starting at its first
   * hit (a window that has ended starts again at 1), in one statement, so
   * concurrent hits from several processes are each counted.
   */
  async hit(db: DbOrTx, key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
    const r = await db.execute<{ hits: number; ttl_ms: string }>(sql`
      insert into rate_limits as r (key, hits, expires_at)
      values (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
      on conflict (key) do update set
        hits = case when r.expires_at <= now() then 1 else r.hits + 1 end,
        expires_at = case when r.expires_at <= now() then excluded.expires_at else r.expires_at end
      returning hits, ceil(extract(epoch from (expires_at - now())) * 1000)::bigint as ttl_ms`);
    const row = r.rows[0];
    if (!row) throw new Error('rate_limits upsert returned no row');
    return { hits: Number(row.hits), ttlMs: Math.max(0, Number(row.ttl_ms)) };
  },

  /** The hits of `key` in its current window, without counting one. */
  async read(db: DbOrTx, key: string): Promise<{ hits: number; ttlMs: number }> {
    const r = await db.execute<{ hits: number; ttl_ms: string }>(sql`
      select hits, ceil(extract(epoch from (expires_at - now())) * 1000)::bigint as ttl_ms
      from rate_limits where key = ${key} and expires_at > now()`);
    const row = r.rows[0];
    return row ? { hits: Number(row.hits), ttlMs: Number(row.ttl_ms) } : { hits: 0, ttlMs: 0 };
  },

  /**
   * Records `key` for `ttlMs` unless it is already recorded and unexpired;
   * true when this call recorded it (the first and only one to do so).
   */
  async claimOnce(db: DbOrTx, key: string, ttlMs: number): Promise<boolean> {
    const r = await db.execute(sql`
      insert into rate_limits as r (key, hits, expires_at)
      values (${key}, 1, now() + ${ttlMs} * interval '1 millisecond')
      on conflict (key) do update set hits = 1, expires_at = excluded.expires_at
        where r.expires_at <= now()
      returning 1`);
    return r.rows.length === 1;
  },

  async exists(db: DbOrTx, key: string): Promise<boolean> {
    const r = await db.execute(sql`select 1 from rate_limits where key = ${key} and expires_at > now()`);
    return r.rows.length > 0;
  },

  /** Drops expired rows; returns how many. */
  async deleteExpired(db: DbOrTx): Promise<number> {
    const r = await db.execute(sql`delete from rate_limits where expires_at <= now()`);
    return r.rowCount ?? 0;
  },
};
