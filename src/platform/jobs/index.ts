import { PgBoss } from 'pg-boss';
import { type DbOrTx, pgClientOf } from '../db/client.ts';

export type JobHandler<T> = (data: T) => Promise<void>;

/** Background work in the same PostgreSQL, through pg-boss. */
export type Jobs = {
  /** Enqueue inside the caller's transaction, so a rollback drops the job too. */
  enqueue<T extends object>(
    tx: DbOrTx,
    queue: string,
    data: T,
    opts?: { startAfterSeconds?: number; singletonKey?: string },
  ): Promise<void>;
  /** Register a worker; queues are created on demand. */
  work<T extends object>(queue: string, handler: JobHandler<T>, opts?: { batchSize?: number }): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  boss: PgBoss;
};

/** pg-boss over the app's URL; `enqueue` runs its insert on the caller's connection or transaction. */
export function createJobs(connectionString: string, opts: { supervise?: boolean } = {}): Jobs {
  const boss = new PgBoss({
    connectionString,
    max: 4,
    application_name: 'open-region-jobs',
    supervise: opts.supervise ?? true,
    schedule: true,
  });
  boss.on('error', () => {});
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name, { retryLimit: 20, retryDelay: 30, retryBackoff: true });
    created.add(name);
  };
  return {
    boss,
    async enqueue(tx, queue, data, o = {}) {
      await ensureQueue(queue);
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
      });
    },
    async work(queue, handler, o = {}) {
      await ensureQueue(queue);
      await boss.work<Record<string, unknown>>(
        queue,
        { batchSize: o.batchSize ?? 1, pollingIntervalSeconds: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data as never);
        },
      );
    },
    start: async () => {
      await boss.start();
    },
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
