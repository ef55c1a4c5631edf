import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { apiTokens, users } from './accounts.tables.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** The queries of personal API tokens. */
export const apiTokensRepository = {
  async insert(db: DbOrTx, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
    const [r] = await db.insert(apiTokens).values(row).returning();
    if (!r) throw new Error('api token insert returned nothing');
    return r;
  },

  /** A person's tokens, newest first, revoked ones included (shown as revoked). */
  async listByUser(db: DbOrTx, userId: string): Promise<ApiTokenRow[]> {
    return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  },

  async revoke(db: DbOrTx, userId: string, id: string, now: Date): Promise<number> {
    const res = await db
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return res.length;
  },

  /** A live token (not revoked, not expired) of an enabled account, with its user. */
  async findLive(db: DbOrTx, tokenHash: string, now: Date) {
    const [row] = await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          isNull(apiTokens.revokedAt),
          gt(apiTokens.expiresAt, now),
          isNull(users.disabledAt),
        ),
      );
    return row;
  },

  async touch(db: DbOrTx, id: string, now: Date): Promise<void> {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
  },
};
