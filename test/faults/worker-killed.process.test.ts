import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitAppeal } from '../../src/modules/appeals/submit-appeal.ts';
import { seedOrganizations } from '../../src/modules/orgs/index.ts';
import { userActor } from '../../src/platform/authz/index.ts';
import { outbox } from '../../src/platform/mail/mail.tables.ts';
import { createTestDeps, type TestDeps } from '../db.ts';
import { waitFor } from '../server-process.ts';

/*
 * A worker killed mid-job (issue 9): the registration notice of an appeal is
 * being delivered by one background process when it is SIGKILLed, its SMTP
 * conversation cut before the server accepted the message. Another process
 * takes the job once the dead one's heartbeat goes stale and delivers it: the
 * person gets the notice exactly once, and the outbox holds one row, sent.
 */

const root = path.resolve(import.meta.dirname, '../..');
let deps: TestDeps;
let smtp: SMTPServer;
let smtpUrl = '';
/** messages the SMTP server accepted (answered 250), by recipient */
const accepted: string[] = [];
/** deliveries that reached DATA and were held unanswered */
let held = 0;
const workers: ChildProcess[] = [];

function startWorker(): Promise<ChildProcess> {
  const child = spawn(
    path.join(root, 'node_modules/.bin/node'),
    ['--import', 'tsx', 'test/faults/mail-worker.ts'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        DATABASE_URL: deps.config.databaseUrl as string,
        SMTP_URL: smtpUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  workers.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c) => {
      out += String(c);
      if (out.includes('ready')) resolve(child);
    });
    child.stderr?.on('data', (c) => {
      out += String(c);
    });
    child.on('exit', (code) => reject(new Error(`mail worker exited (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        // the first delivery hangs in DATA, as a slow mail server would, until its client dies
        if (held === 0) {
          held++;
          return;
        }
        accepted.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  // the queue is created here: a retry of a failed attempt waits 1 s, not 30
  deps = await createTestDeps({ smtpUrl, jobs: { retryDelaySeconds: 1 } });
  await seedOrganizations(deps);
});
afterAll(async () => {
  for (const w of workers) w.kill('SIGKILL');
  await deps?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('a worker killed mid-job', () => {
  it('the registration notice is delivered once, by another process, and the outbox holds one sent row', async () => {
    const email = 'killed-worker@example.test';
    const actor = userActor('00000000-0000-4000-8000-0000000000c1', [], {
      identification: 'esia',
      identityLevel: 'verified',
      email,
    });
    const { appeal } = await submitAppeal(deps, { actor, ip: null }, {
      type: 'appeal',
      kind: 'statement',
      orgSlug: 'minzdrav',
      officialName: null,
      lastName: 'Смирнова',
      firstName: 'Анна',
      patronymic: 'Петровна',
      email,
      postalAddress: null,
      phone: null,
      organizationName: null,
      subject: null,
      text: 'Прошу отремонтировать крыльцо поликлиники.',
      involvedPersons: null,
      eventDate: null,
      place: null,
      answerForm: null,
      collective: false,
      cosigners: [],
    } as never);
    const rows = () => deps.db.select().from(outbox).where(eq(outbox.toAddress, email));
    expect(await rows()).toHaveLength(1);

    const first = await startWorker();
    expect(await waitFor(() => held === 1, 30_000)).toBe(true);
    first.kill('SIGKILL');
    expect(accepted).toEqual([]);

    await startWorker();
    expect(await waitFor(() => accepted.length > 0, 100_000)).toBe(true);
    // a little longer: a second delivery would come now if the job ran twice
    await new Promise((r) => setTimeout(r, 3_000));
    expect(accepted).toEqual([email]);
    const [row, ...more] = await rows();
    expect(more).toEqual([]);
    expect(row?.sentAt).not.toBeNull();
    expect(appeal.number).toMatch(/-2026-/);
  }, 150_000);
});
