import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { rateLimitsRepository } from './rate-limits.repository.ts';

/*
 * The counters of @fastify/rate-limit and the ALTCHA replay store, kept in
 * PostgreSQL (table rate_limits) instead of each process's memory, so several
 * app processes behind one balancer count one client's attempts together and
 * a solved ALTCHA challenge is accepted once by all of them.
 */

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;
type RouteParams = { routeInfo?: { method?: string; url?: string } };

/** Expired rows are swept at most this often, by whichever process counts a hit. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The plugin's documented custom-store interface (`store` option: a class it
 * constructs; `incr`, `read`, `child` per route). `continueExceeding` and
 * `exponentialBackoff` are not supported: no route uses them.
 */
export function pgRateLimitStore(db: Db, log: Logger) {
  let lastSweep = 0;
  const sweep = () => {
    const now = Date.now();
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    rateLimitsRepository.deleteExpired(db).catch((err: unknown) => {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'rate_limits sweep failed');
    });
  };

  return class PgRateLimitStore {
    constructor(
      _params?: unknown,
      private readonly prefix = 'rl|',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number) {
      sweep();
      rateLimitsRepository.hit(db, this.prefix + key, timeWindow).then(
        (r) => cb(null, { current: r.hits, ttl: r.ttlMs }),
        (err: Error) => cb(err),
      );
    }

    read(key: string, cb: Callback) {
      rateLimitsRepository.read(db, this.prefix + key).then(
        (r) => cb(null, { current: r.hits, ttl: r.ttlMs }),
        (err: Error) => cb(err),
      );
    }

    /**
     * Each route counts apart (its method and URL in the key), as the plugin's Redis store does.
     * The plugin passes the route's merged limit options, whose `routeInfo` names the route
     * (empty for `createRateLimit`, whose keys carry their own prefix).
     */
    child(options: object) {
      const params = options as RouteParams;
      const route = params.routeInfo?.url ? `${params.routeInfo.method ?? ''}${params.routeInfo.url}|` : '';
      return new PgRateLimitStore(undefined, `${this.prefix}${route}`);
    }
  };
}

/**
 * ALTCHA's replay store (altcha-lib's `Store`): a used challenge id is claimed
 * in one statement (`setIfAbsent`), so two processes, or two requests at once,
 * cannot both accept the same solution. Kept as long as a challenge lives.
 */
export function pgAltchaStore(db: Db, ttlMs: number) {
  const key = (id: string) => `altcha|${id}`;
  return {
    get: (id: string) => rateLimitsRepository.exists(db, key(id)),
    set: async (id: string) => {
      await rateLimitsRepository.claimOnce(db, key(id), ttlMs);
    },
    setIfAbsent: (id: string) => rateLimitsRepository.claimOnce(db, key(id), ttlMs),
  };
}
