import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string[]; subject: string; text: string; raw: string };

/** Decode one MIME body part by its Content-Transfer-Encoding (what nodemailer uses for text). */
function decodeBody(body: string, encoding: string): string {
  const enc = encoding.toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const joined = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < joined.length; i++) {
      const c = joined[i] as string;
      const hex = joined.slice(i + 1, i + 3);
      if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else bytes.push(...Buffer.from(c, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

function header(head: string, name: string): string {
  const m = head.match(new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im'));
  return (m?.[1] ?? '').replace(/\r?\n[ \t]/g, ' ').trim();
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header. */
function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeBody(data.replace(/_/g, ' '), 'quoted-printable'),
    );
}

/** Parse a single-part or multipart/alternative message into its subject and plain text. */
export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  let body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  let encoding = header(head, 'Content-Transfer-Encoding');
  const type = header(head, 'Content-Type');
  const boundary = type.match(/boundary="?([^";]+)"?/)?.[1];
  if (boundary) {
    const parts = body.split(`--${boundary}`);
    const textPart = parts.find((p) => /content-type:\s*text\/plain/i.test(p)) ?? '';
    const s = textPart.search(/\r?\n\r?\n/);
    encoding = header(textPart.slice(0, s), 'Content-Transfer-Encoding');
    body = textPart.slice(s).replace(/^\r?\n\r?\n/, '');
  }
  return { to, subject: decodeWords(header(head, 'Subject')), text: decodeBody(body, encoding).trim(), raw };
}

export type Mailbox = {
  port: number;
  /** smtp://127.0.0.1:<port>, for createTestApp({ smtpUrl }) or SMTP_URL */
  url: string;
  /** every message received, in order, with its envelope sender */
  messages: (ReceivedMail & { from: string })[];
  /**
   * The first message that matches (already received or arriving within the
   * timeout); a number n waits for the n-th message (1-based).
   */
  waitFor(
    match: number | ((m: ReceivedMail) => boolean),
    timeoutMs?: number,
  ): Promise<ReceivedMail & { from: string }>;
  /** Stop listening, as an SMTP server that is down; `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A real SMTP server (smtp-server) on a free loopback port that keeps every
 * message it receives. It can go down (`stop`) and come back (`start`) on the
 * same port, to play a mail server that was away for a while.
 */
export async function startMailbox(): Promise<Mailbox> {
  const messages: Mailbox['messages'] = [];
  const waiters: (() => void)[] = [];
  let server: SMTPServer | null = null;
  let port = 0;

  const listen = async () => {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          messages.push({ ...parseMail(Buffer.concat(chunks).toString('utf8'), to), from });
          for (const w of waiters.splice(0)) w();
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.server.address() as AddressInfo).port;
    server = s;
  };
  await listen();

  const mailbox: Mailbox = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(match, timeoutMs = 20_000) {
      const find = typeof match === 'number' ? () => messages[match - 1] : () => messages.find(match);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = find();
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`no matching mail within ${timeoutMs} ms (${messages.length} received)`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    async start() {
      if (!server) await listen();
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    close: () => mailbox.stop(),
  };
  return mailbox;
}
