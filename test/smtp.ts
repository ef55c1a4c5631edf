import { SMTPServer } from 'smtp-server';
import { freePort } from '../src/platform/db/embedded.ts';
import { type ReceivedMail as ParsedMail, parseMail } from './mailbox.ts';

export type ReceivedMail = ParsedMail & { from: string };

export type TestSmtp = {
  port: number;
  /** smtp://127.0.0.1:<port>, for SMTP_URL */
  url: string;
  received: ReceivedMail[];
  /** resolves with the n-th message (1-based) once it has arrived */
  waitFor(n?: number, timeoutMs?: number): Promise<ReceivedMail>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 that can go down and come back
 * on the same port: `stop()` then `start()` plays an SMTP server that was down
 * for a while. For a server that just stays up, test/mailbox.ts is simpler.
 */
export async function createTestSmtp(): Promise<TestSmtp> {
  const port = await freePort();
  const received: ReceivedMail[] = [];
  const waiters: { n: number; resolve: (m: ReceivedMail) => void }[] = [];
  let server: SMTPServer | null = null;

  const build = () =>
    new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          const mail: ReceivedMail = {
            ...parseMail(Buffer.concat(chunks).toString('utf8'), to),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          };
          received.push(mail);
          for (const w of waiters.filter((x) => x.n <= received.length)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(received[w.n - 1] as ReceivedMail);
          }
          callback();
        });
      },
    });

  const smtp: TestSmtp = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor(n = received.length + 1, timeoutMs = 15_000) {
      const have = received[n - 1];
      if (have) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no message #${n} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    async start() {
      if (server) return;
      const s = build();
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      server = s;
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await smtp.start();
  return smtp;
}
