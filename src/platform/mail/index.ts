import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db, DbOrTx } from '../db/client.ts';
import type { Jobs } from '../jobs/index.ts';
import { outbox } from './mail.tables.ts';

export type MailMessage = { to: string; subject: string; text: string; html?: string; kind: string };

export type Mailer = {
  /** Write the message to the outbox in the caller's transaction and queue its delivery. */
  send(tx: DbOrTx, msg: MailMessage): Promise<string>;
  /** Deliver one outbox message now (the job's body); true when sent. */
  deliver(id: string): Promise<boolean>;
  /** true when SMTP is configured; otherwise messages stay in the outbox for staff to read. */
  readonly smtp: boolean;
  close(): void;
};

export const MAIL_QUEUE = 'mail.deliver';

/**
 * The worker that delivers queued messages; a failure leaves the attempt and
 * the error on the outbox row and pg-boss retries the job later.
 */
export async function startMailWorker(jobs: Jobs, mail: Mailer): Promise<void> {
  await jobs.work<{ id: string }>(MAIL_QUEUE, async ({ id }) => {
    await mail.deliver(id);
  });
}

/** nodemailer over SMTP_URL, with the outbox table as the durable record of every message. */
export function createMailer(opts: {
  db: Db;
  jobs: Jobs;
  smtpUrl: string | undefined;
  from: string;
}): Mailer {
  // Short timeouts: a dead SMTP server fails the job quickly and pg-boss retries it later.
  const transport: Transporter | null = opts.smtpUrl
    ? nodemailer.createTransport({
        url: opts.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : null;
  return {
    smtp: transport !== null,
    async send(tx, msg) {
      const [row] = await tx
        .insert(outbox)
        .values({
          toAddress: msg.to,
          subject: msg.subject,
          textBody: msg.text,
          htmlBody: msg.html ?? null,
          kind: msg.kind,
        })
        .returning({ id: outbox.id });
      if (!row) throw new Error('outbox insert returned nothing');
      if (transport) await opts.jobs.enqueue(tx, MAIL_QUEUE, { id: row.id });
      return row.id;
    },
    async deliver(id) {
      if (!transport) return false;
      const [msg] = await opts.db.select().from(outbox).where(eq(outbox.id, id));
      if (!msg || msg.sentAt) return true;
      try {
        await transport.sendMail({
          from: opts.from,
          to: msg.toAddress,
          subject: msg.subject,
          text: msg.textBody,
          ...(msg.htmlBody ? { html: msg.htmlBody } : {}),
        });
        await opts.db
          .update(outbox)
          .set({ sentAt: new Date(), attempts: msg.attempts + 1, lastError: null })
          .where(eq(outbox.id, id));
        return true;
      } catch (err) {
        await opts.db
          .update(outbox)
          .set({ attempts: msg.attempts + 1, lastError: String((err as Error).message).slice(0, 500) })
          .where(eq(outbox.id, id));
        throw err;
      }
    },
    close() {
      transport?.close();
    },
  };
}
