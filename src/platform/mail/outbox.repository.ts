import { and, desc, eq, ilike, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { outbox } from './mail.tables.ts';

export type OutboxFilter = {
  /** part of the recipient's address */
  to?: string | undefined;
  status?: 'unsent' | 'sent' | undefined;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Reads of the outbox for its viewer; the mailer writes it. */
export const outboxRepository = {
  /** One page of messages without their bodies, newest first. */
  async list(db: DbOrTx, f: OutboxFilter, page: { limit: number; offset: number }) {
    const c: SQL[] = [];
    if (f.to) c.push(ilike(outbox.toAddress, `%${escapeLike(f.to)}%`));
    if (f.status === 'sent') c.push(isNotNull(outbox.sentAt));
    if (f.status === 'unsent') c.push(isNull(outbox.sentAt));
    const rows = await db
      .select({
        id: outbox.id,
        toAddress: outbox.toAddress,
        subject: outbox.subject,
        kind: outbox.kind,
        createdAt: outbox.createdAt,
        sentAt: outbox.sentAt,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
      })
      .from(outbox)
      .where(and(...c))
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(page.limit + 1)
      .offset(page.offset);
    return { rows: rows.slice(0, page.limit), more: rows.length > page.limit };
  },

  async byId(db: DbOrTx, id: string) {
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    return row ?? null;
  },
};
