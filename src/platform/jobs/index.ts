import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { type DbOrTx, pgClientOf, poolOptions } from '../db/client.ts';

export type JobHandler<T> = (data: T) => Promise<void>;

/** Background work in the same PostgreSQL, through pg-boss. */
export type Jobs = {
  /** Enqueue inside the caller's transaction, so a rollback drops the job too. */
  enqueue<T extends object>(
    tx: DbOrTx,
    queue: string,
    data: T,
    opts?: {
      startAfterSeconds?: number;
      singletonKey?: string;
      /** attempts after the first (20 by default, for work that must happen, such as mail) */
      retryLimit?: number;
      /** an attempt still active after this long (its process died) is retried (15 min) */
      expireInSeconds?: number;
      /** the queue that receives the job when its retries are spent, so the failure is recorded */
      deadLetter?: string;
    },
  ): Promise<void>;
  /** Register a worker; queues are created on demand. */
  work<T extends object>(queue: string, handler: JobHandler<T>, opts?: { batchSize?: number }): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  boss: PgBoss;
};

export type JobsOptions = {
  /** run pg-boss maintenance (expiry, archiving); off in tests, where each file has its own database */
  supervise?: boolean;
  /** where pg-boss reports its own errors (a lost connection, a failed maintenance run) */
  log?: Pick<Logger, 'error' | 'warn'>;
  /** first retry of a failed job after this many seconds (30), then backing off */
  retryDelaySeconds?: number;
  /** how often an idle worker looks for jobs (1 s) */
  pollingIntervalSeconds?: number;
};

/** A running job's worker refreshes it this often (half of it, by pg-boss); a job silent this long is failed and retried. */
export const HEARTBEAT_SECONDS = 30;

/** pg-boss over the app's URL; `enqueue` runs its insert on the caller's connection or transaction. */
export function createJobs(connectionString: string, opts: JobsOptions = {}): Jobs {
  const boss = new PgBoss({
    // the app's bounded waits: a frozen database fails pg-boss's polls instead of hanging them
    ...poolOptions(connectionString, { max: 4 }),
    application_name: 'open-region-jobs',
    supervise: opts.supervise ?? true,
    // with several processes, one killed while it holds a job stops that job's heartbeat: the
    // supervisor of any process fails it within about HEARTBEAT_SECONDS + 10 s and it is retried
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 10,
    schedule: true,
  });
  // Without a listener an 'error' event would crash the process; pg-boss recovers by itself.
  boss.on('error', (err) => opts.log?.error({ err }, 'pg-boss error'));
  boss.on('warning', (w) => opts.log?.warn({ warning: w.message }, 'pg-boss warning'));
  const created = new Map<string, Promise<void>>();
  const ensureQueue = (name: string) => {
    let p = created.get(name);
    if (!p) {
      p = boss
        .createQueue(name, {
          retryLimit: 20,
          retryDelay: opts.retryDelaySeconds ?? 30,
          retryBackoff: (opts.retryDelaySeconds ?? 30) >= 30,
          heartbeatSeconds: HEARTBEAT_SECONDS,
        })
        // createQueue leaves a queue made by an earlier release as it was: give it the heartbeat too
        .then(() => boss.updateQueue(name, { heartbeatSeconds: HEARTBEAT_SECONDS }));
      p.catch(() => created.delete(name));
      created.set(name, p);
    }
    return p;
  };
  return {
    boss,
    async enqueue(tx, queue, data, o = {}) {
      await ensureQueue(queue);
      if (o.deadLetter) await ensureQueue(o.deadLetter);
      const client = pgClientOf(tx);
      const executor = {
        executeSql: async (text: string, values?: unknown[]) => ({
          rows: (await client.query(text, values)).rows,
        }),
      };
      await boss.send(queue, data, {
        db: executor,
        ...(o.startAfterSeconds ? { startAfter: o.startAfterSeconds } : {}),
        ...(o.singletonKey ? { singletonKey: o.singletonKey } : {}),
        ...(o.retryLimit !== undefined ? { retryLimit: o.retryLimit } : {}),
        ...(o.expireInSeconds ? { expireInSeconds: o.expireInSeconds } : {}),
        ...(o.deadLetter ? { deadLetter: o.deadLetter } : {}),
      });
    },
    async work(queue, handler, o = {}) {
      await ensureQueue(queue);
      await boss.work<Record<string, unknown>>(
        queue,
        { batchSize: o.batchSize ?? 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data as never);
        },
      );
    },
    start: async () => {
      await boss.start();
    },
    // Graceful: waits up to 5 s for running handlers, then closes pg-boss's pool, so no handle is left.
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 5000, close: true });
    },
  };
}
