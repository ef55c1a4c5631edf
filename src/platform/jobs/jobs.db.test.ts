import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.close();
});

async function jobsIn(queue: string): Promise<{ data: unknown; state: string }[]> {
  const r = await deps.db.$client.query<{ data: unknown; state: string }>(
    'select data, state from pgboss.job where name = $1',
    [queue],
  );
  return r.rows;
}

describe('jobs', () => {
  it('drops a job enqueued in a transaction that rolls back', async () => {
    await deps.db
      .transaction(async (tx) => {
        await deps.jobs.enqueue(tx, 'test.rollback', { n: 1 });
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await jobsIn('test.rollback')).toEqual([]);
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
});
