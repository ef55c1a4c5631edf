import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { appealTopics, totkEditions } from './appeals.tables.ts';

export type TotkEditionRow = typeof totkEditions.$inferSelect;
export type TopicRow = typeof appealTopics.$inferSelect;

/** The ТОТК editions an administrator loaded and their codes. */
export const totkRepository = {
  /** The newest loaded edition by its date (then by when it was loaded), or null. */
  async newestEdition(db: DbOrTx): Promise<TotkEditionRow | null> {
    const [r] = await db
      .select()
      .from(totkEditions)
      .orderBy(desc(totkEditions.editionDate), desc(totkEditions.loadedAt))
      .limit(1);
    return r ?? null;
  },

  async edition(db: DbOrTx, version: string): Promise<TotkEditionRow | null> {
    const [r] = await db.select().from(totkEditions).where(eq(totkEditions.version, version));
    return r ?? null;
  },

  async topics(db: DbOrTx, version: string): Promise<TopicRow[]> {
    return db
      .select()
      .from(appealTopics)
      .where(and(eq(appealTopics.version, version), eq(appealTopics.active, true)))
      .orderBy(asc(appealTopics.position));
  },

  async insertEdition(
    db: DbOrTx,
    edition: typeof totkEditions.$inferInsert,
    topics: (typeof appealTopics.$inferInsert)[],
  ): Promise<void> {
    await db.insert(totkEditions).values(edition);
    // in chunks: a full edition has thousands of codes, a statement at most 65535 parameters
    for (let i = 0; i < topics.length; i += 1000)
      await db.insert(appealTopics).values(topics.slice(i, i + 1000));
  },
};
