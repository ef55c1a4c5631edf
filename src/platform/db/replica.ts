import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { isDatabaseUnavailable } from './watch.ts';

/*
 * Reads on a streaming replica (DATABASE_REPLICA_URL).
 *
 * Code chooses nothing: a request that may read from the replica runs inside
 * `onReplica` (platform/http decides which: public GET pages and the API's
 * GETs, not right after the person's own write). There, a statement outside a
 * transaction goes to the replica while it is in step; a transaction, and
 * everything after it in the same request, goes to the primary. A statement the
 * replica refuses (a write: 25006; a table a migration has not replayed yet; a
 * conflict with recovery; the replica away) is sent again to the primary, which
 * is safe because the replica did nothing, and the rest of the request stays on
 * the primary. Outside `onReplica` (jobs, scripts, every write request) all goes
 * to the primary.
 */

type Route = { replica: boolean; wrote: boolean };
const routes = new AsyncLocalStorage<Route>();

/** Run `fn` (and what it starts) with its plain reads on the replica when one is in step. */
export function onReplica<T>(fn: () => T): T {
  return routes.run({ replica: true, wrote: false }, fn);
}

/** Whether the current request wrote (or had to leave the replica) and so should read the primary next time. */
export function requestWrote(): boolean {
  return routes.getStore()?.wrote ?? false;
}

export type ReplicaState = {
  /** the replica answered its last check, in time, and had replayed what the primary had `maxLagMs` before */
  readonly usable: boolean;
  /** statements sent to the replica since start (for /metrics and tests) */
  readonly reads: number;
  /** statements that went to the primary instead (refused, replica away or behind) */
  readonly fallbacks: number;
};

export type ReplicaOptions = {
  /** how far behind the primary the replica may be and still be read (3 s) */
  maxLagMs?: number;
  /** how often the lag is checked (1 s) */
  checkEveryMs?: number;
  log?: { warn: (o: object, m: string) => void; info: (o: object, m: string) => void };
};

export const DEFAULT_MAX_LAG_MS = 3_000;
const CHECK_EVERY_MS = 1_000;

/** Errors after which the same statement is run again on the primary. */
function primaryShouldAnswer(err: unknown): boolean {
  if (isDatabaseUnavailable(err)) return true;
  const code = (err as { code?: unknown }).code ?? (err as { cause?: { code?: unknown } }).cause?.code;
  // 25006 read-only transaction (a write), 40001 conflict with recovery, 42P01/42703/42883 a schema
  // change not replayed yet, 0A000 not allowed during recovery (nextval, advisory locks…)
  return typeof code === 'string' && /^(25006|40001|42P01|42703|42883|0A000|55000)$/.test(code);
}

/** The replica refused a statement because it writes (a GET that writes: a session touch, a counter). */
function isWrite(err: unknown): boolean {
  const code = (err as { code?: unknown }).code ?? (err as { cause?: { code?: unknown } }).cause?.code;
  return code === '25006' || code === '0A000';
}

type Query = pg.Pool['query'];

/**
 * A pool-shaped router over the primary and the replica pools. Its name ends in
 * "Pool" on purpose: drizzle then opens transactions with `connect()`, which
 * always hands out a primary connection.
 */
export class ReplicaRoutingPool extends EventEmitter {
  private state = { usable: false, reads: 0, fallbacks: 0, checkedAt: 0, lagging: false };
  private samples: { at: number; lsn: bigint }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly maxLagMs: number;
  private readonly checkEveryMs: number;

  constructor(
    readonly primary: pg.Pool,
    readonly replica: pg.Pool,
    private readonly opts: ReplicaOptions = {},
  ) {
    super();
    this.maxLagMs = opts.maxLagMs ?? DEFAULT_MAX_LAG_MS;
    this.checkEveryMs = opts.checkEveryMs ?? CHECK_EVERY_MS;
    const tick = async () => {
      await this.check();
      if (this.timer) this.timer = setTimeout(tick, this.checkEveryMs).unref();
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  get status(): ReplicaState {
    const s = this.state;
    return { usable: this.usable(), reads: s.reads, fallbacks: s.fallbacks };
  }

  private usable(): boolean {
    // a check that has not run for a while (a blocked event loop) proves nothing
    return this.state.usable && Date.now() - this.state.checkedAt < 3 * this.checkEveryMs + 1_000;
  }

  /** One lag check: the primary's WAL position now, and whether the replica has replayed the one of `maxLagMs` ago. */
  async check(): Promise<void> {
    const now = Date.now();
    const bounded = <T>(p: Promise<T>) =>
      Promise.race([
        p,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no answer in time')), 2_000).unref(),
        ),
      ]);
    try {
      const [p, r] = await Promise.all([
        bounded(
          this.primary.query<{ lsn: string }>(
            "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text as lsn",
          ),
        ),
        bounded(
          this.replica.query<{ standby: boolean; lsn: string | null }>(
            "select pg_is_in_recovery() as standby, pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::text as lsn",
          ),
        ),
      ]);
      const primaryLsn = BigInt(p.rows[0]?.lsn ?? '0');
      this.samples.push({ at: now, lsn: primaryLsn });
      this.samples = this.samples.filter((s) => now - s.at <= this.maxLagMs + 10 * this.checkEveryMs);
      const row = r.rows[0];
      if (!row?.standby || row.lsn === null) {
        this.setUsable(false, 'the replica is not a standby in recovery');
        return;
      }
      const replayed = BigInt(row.lsn);
      // the newest position the replica must have replayed: the primary's of maxLagMs ago (or the oldest known)
      const due = [...this.samples].reverse().find((s) => now - s.at >= this.maxLagMs) ?? this.samples[0];
      const lagging = due !== undefined && replayed < due.lsn;
      this.state.checkedAt = Date.now();
      this.setUsable(!lagging, lagging ? 'the replica is behind the primary' : 'the replica is in step');
    } catch (err) {
      this.setUsable(false, `the replica does not answer (${(err as Error).message})`);
    }
  }

  private setUsable(value: boolean, why: string) {
    if (this.state.usable === value) return;
    this.state.usable = value;
    if (value) this.opts.log?.info({ replica: 'in use' }, why);
    else this.opts.log?.warn({ replica: 'not used' }, `${why}: reads go to the primary`);
  }

  query: Query = ((...args: Parameters<Query>) => {
    const route = routes.getStore();
    if (!route?.replica || !this.usable())
      return (this.primary.query as (...a: unknown[]) => unknown)(...args);
    this.state.reads++;
    return (this.replica.query as (...a: unknown[]) => Promise<unknown>)(...args).catch((err: unknown) => {
      if (!primaryShouldAnswer(err)) throw err;
      // the rest of this request reads what the primary says; after a write, the person's next requests too
      route.replica = false;
      if (isWrite(err)) route.wrote = true;
      this.state.fallbacks++;
      if (isDatabaseUnavailable(err)) this.setUsable(false, 'the replica does not answer');
      return (this.primary.query as (...a: unknown[]) => Promise<unknown>)(...args);
    });
  }) as Query;

  connect(...args: Parameters<pg.Pool['connect']>) {
    const route = routes.getStore();
    // a transaction may write, and what the request reads after it must see that: the primary from here on
    if (route) route.replica = false;
    return (this.primary.connect as (...a: unknown[]) => unknown)(...args);
  }

  async end(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([this.primary.end(), this.replica.end()]);
  }

  get totalCount() {
    return this.primary.totalCount;
  }
  get idleCount() {
    return this.primary.idleCount;
  }
  get waitingCount() {
    return this.primary.waitingCount;
  }
}
