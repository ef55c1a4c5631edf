import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.close();
});

async function jobsIn(queue: string): Promise<{ data: unknown }[]> {
  const r = await deps.db.$client.query<{ data: unknown }>('select data from pgboss.job where name = $1', [
    queue,
  ]);
  return r.rows;
}

describe('jobs', () => {
  it('keeps a job enqueued in a committed transaction and drops one whose transaction rolls back', async () => {
    await deps.db
      .transaction(async (tx) => {
        await deps.jobs.enqueue(tx, 'test.tx', { n: 1 });
        throw new Error('roll back');
      })
      .catch(() => {});
    await deps.db.transaction(async (tx) => {
      await deps.jobs.enqueue(tx, 'test.tx', { n: 2 });
    });
    expect(await jobsIn('test.tx')).toEqual([{ data: { n: 2 } }]);
  });

  it('does not show a job to the worker before its transaction commits', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const tx = deps.db.transaction(async (t) => {
      await deps.jobs.enqueue(t, 'test.uncommitted', { n: 3 });
      await held;
    });
    // read from another connection while the transaction is open
    expect(await jobsIn('test.uncommitted')).toEqual([]);
    release();
    await tx;
    expect(await jobsIn('test.uncommitted')).toEqual([{ data: { n: 3 } }]);
  });

  it('runs a job enqueued in a committed transaction', async () => {
    const seen: unknown[] = [];
    const done = new Promise<void>((resolve) => {
      void deps.jobs.work<{ n: number }>('test.commit', async (data) => {
        seen.push(data);
        resolve();
      });
    });
    await deps.db.transaction(async (tx) => {
      await deps.jobs.enqueue(tx, 'test.commit', { n: 2 });
    });
    await done;
    expect(seen).toEqual([{ n: 2 }]);
  });

  it('creates a queue once even when many callers enqueue at the same time', async () => {
    await Promise.all(
      Array.from({ length: 5 }, (_, n) => deps.jobs.enqueue(deps.db, 'test.parallel', { n })),
    );
    expect(await jobsIn('test.parallel')).toHaveLength(5);
  });
});
