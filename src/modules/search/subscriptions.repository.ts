import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { searchSubscriptions } from '../../platform/search/search.tables.ts';

export type SubscriptionRow = typeof searchSubscriptions.$inferSelect;

/** Every query of e-mail subscriptions. */
export const subscriptionsRepository = {
  async insert(db: DbOrTx, row: typeof searchSubscriptions.$inferInsert): Promise<SubscriptionRow> {
    const [r] = await db.insert(searchSubscriptions).values(row).returning();
    if (!r) throw new Error('subscription insert returned nothing');
    return r;
  },
  async byTokenHash(db: DbOrTx, tokenHash: string): Promise<SubscriptionRow | undefined> {
    const [r] = await db
      .select()
      .from(searchSubscriptions)
      .where(eq(searchSubscriptions.tokenHash, tokenHash));
    return r;
  },
  async byId(db: DbOrTx, id: string): Promise<SubscriptionRow | undefined> {
    const [r] = await db.select().from(searchSubscriptions).where(eq(searchSubscriptions.id, id));
    return r;
  },
  async ofUser(db: DbOrTx, userId: string): Promise<SubscriptionRow[]> {
    return db
      .select()
      .from(searchSubscriptions)
      .where(eq(searchSubscriptions.userId, userId))
      .orderBy(asc(searchSubscriptions.createdAt));
  },
  async confirm(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db
      .update(searchSubscriptions)
      .set({
        confirmedAt: sql`coalesce(${searchSubscriptions.confirmedAt}, ${at.toISOString()}::timestamptz)`,
      })
      .where(eq(searchSubscriptions.id, id));
  },
  async remove(db: DbOrTx, id: string): Promise<void> {
    await db.delete(searchSubscriptions).where(eq(searchSubscriptions.id, id));
  },
  async confirmed(db: DbOrTx): Promise<SubscriptionRow[]> {
    return db.select().from(searchSubscriptions).where(isNotNull(searchSubscriptions.confirmedAt));
  },
  async markSent(db: DbOrTx, id: string, at: Date, before: Date): Promise<boolean> {
    const res = await db
      .update(searchSubscriptions)
      .set({ lastSentAt: at, mailsSent: sql`${searchSubscriptions.mailsSent} + 1` })
      .where(and(eq(searchSubscriptions.id, id), eq(searchSubscriptions.lastSentAt, before)))
      .returning({ id: searchSubscriptions.id });
    return res.length > 0;
  },
};
