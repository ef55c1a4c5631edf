/*
 * A background process that runs nothing but the app's own mail worker
 * (createJobs, createMailer, startMailWorker) on DATABASE_URL and SMTP_URL, for
 * the fault test that SIGKILLs a worker while it holds a delivery. It prints
 * `ready` once it polls for jobs.
 */
import * as schema from '../../src/modules/schema.ts';
import { createDb } from '../../src/platform/db/client.ts';
import { createJobs } from '../../src/platform/jobs/index.ts';
import { createMailer, startMailWorker } from '../../src/platform/mail/index.ts';

const url = process.env.DATABASE_URL as string;
const db = createDb(url, schema, 2);
const jobs = createJobs(url, { pollingIntervalSeconds: 0.5 });
await jobs.start();
const mail = createMailer({ db, jobs, smtpUrl: process.env.SMTP_URL, from: 'portal@example.test' });
await startMailWorker(jobs, mail);
process.stdout.write('ready\n');
