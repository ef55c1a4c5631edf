import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { type Mailbox, startMailbox } from '../../../test/mailbox.ts';
import { MAIL_QUEUE, startMailWorker } from './index.ts';
import { outbox } from './mail.tables.ts';

let smtp: Mailbox;
let deps: TestDeps;
beforeAll(async () => {
  smtp = await startMailbox();
  // retries after 1 s instead of 30, so the "later retry" happens within the test
  deps = await createTestDeps({
    smtpUrl: smtp.url,
    jobs: { retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 },
  });
  await startMailWorker(deps.jobs, deps.mail);
});
afterAll(async () => {
  await deps.close();
  await smtp.stop();
});

/** Wait for the worker (a real pg-boss worker on its own connection) to reach a state. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const rowOf = async (id: string) => (await deps.db.select().from(outbox).where(eq(outbox.id, id)))[0];
const mailJobs = async () =>
  (await deps.db.$client.query('select data from pgboss.job where name = $1', [MAIL_QUEUE])).rows;

describe('mail over SMTP', () => {
  it('delivers a message sent in a committed transaction and marks the outbox row sent', async () => {
    const id = await deps.db.transaction((tx) =>
      deps.mail.send(tx, {
        to: 'anna.smirnova@example.ru',
        subject: 'Обращение зарегистрировано: № 2026-001',
        text: 'Ваше обращение зарегистрировано.',
        kind: 'test.notice',
      }),
    );
    const mail = await smtp.waitFor(1);
    expect(mail.to).toEqual(['anna.smirnova@example.ru']);
    expect(mail.from).toBe('noreply@open-region.local');
    expect(mail.subject).toBe('Обращение зарегистрировано: № 2026-001');
    expect(mail.text).toBe('Ваше обращение зарегистрировано.');
    const row = await until(
      () => rowOf(id),
      (r) => r?.sentAt != null,
    );
    expect(row).toMatchObject({ attempts: 1, lastError: null });
  });

  it('leaves no outbox row and no job when the transaction rolls back', async () => {
    const jobsBefore = (await mailJobs()).length;
    await deps.db
      .transaction(async (tx) => {
        await deps.mail.send(tx, {
          to: 'x@example.ru',
          subject: 'rolled back',
          text: '-',
          kind: 'test.rollback',
        });
        throw new Error('the use case failed after sending');
      })
      .catch(() => {});
    expect(await deps.db.select().from(outbox).where(eq(outbox.kind, 'test.rollback'))).toEqual([]);
    expect((await mailJobs()).length).toBe(jobsBefore);
  });

  it('records the attempt and the error while the SMTP server is down, and a later retry delivers', async () => {
    const before = smtp.messages.length;
    await smtp.stop();
    const id = await deps.mail.send(deps.db, {
      to: 'boris@example.ru',
      subject: 'Second try',
      text: 'Delivered on a retry.',
      kind: 'test.retry',
    });
    const failed = await until(
      () => rowOf(id),
      (r) => (r?.attempts ?? 0) >= 1,
    );
    expect(failed?.sentAt).toBeNull();
    expect(failed?.lastError).toMatch(/ECONNREFUSED|connect/i);
    await smtp.start();
    const mail = await smtp.waitFor(before + 1);
    expect(mail.to).toEqual(['boris@example.ru']);
    const sent = await until(
      () => rowOf(id),
      (r) => r?.sentAt != null,
    );
    expect(sent?.attempts).toBeGreaterThanOrEqual(2);
    expect(sent?.lastError).toBeNull();
  });
});

describe('mail without SMTP', () => {
  it('keeps the message in the outbox and queues no delivery', async () => {
    const local = await createTestDeps();
    try {
      expect(local.mail.smtp).toBe(false);
      const id = await local.db.transaction((tx) =>
        local.mail.send(tx, {
          to: 'vera@example.ru',
          subject: 'Stays here',
          text: 'Read me in /manage/outbox',
          kind: 't',
        }),
      );
      const [row] = await local.db.select().from(outbox).where(eq(outbox.id, id));
      expect(row).toMatchObject({ toAddress: 'vera@example.ru', sentAt: null, attempts: 0 });
      const jobs = await local.db.$client.query('select 1 from pgboss.job where name = $1', [MAIL_QUEUE]);
      expect(jobs.rowCount).toBe(0);
      expect(await local.mail.deliver(id)).toBe(false);
    } finally {
      await local.close();
    }
  });
});
