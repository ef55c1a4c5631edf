import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { appealAnswers, appealArchiveEntries, appeals } from '../appeals.tables.ts';

export type ArchiveEntryRow = typeof appealArchiveEntries.$inferSelect;

/** Every query of the public archive of answered appeals (the entries and the staff's list of candidates). */
export const archiveRepository = {
  async byAppeal(db: DbOrTx, appealId: string): Promise<ArchiveEntryRow | undefined> {
    const [row] = await db
      .select()
      .from(appealArchiveEntries)
      .where(eq(appealArchiveEntries.appealId, appealId));
    return row;
  },

  async byId(db: DbOrTx, id: string): Promise<ArchiveEntryRow | undefined> {
    const [row] = await db.select().from(appealArchiveEntries).where(eq(appealArchiveEntries.id, id));
    return row;
  },

  /** Insert or replace the entry of an appeal (one per appeal). */
  async upsert(tx: DbOrTx, row: typeof appealArchiveEntries.$inferInsert): Promise<ArchiveEntryRow> {
    const [res] = await tx
      .insert(appealArchiveEntries)
      .values(row)
      .onConflictDoUpdate({
        target: appealArchiveEntries.appealId,
        set: {
          question: row.question,
          answer: row.answer,
          answeredOn: row.answeredOn,
          publishedAt: row.publishedAt,
          publishedBy: row.publishedBy,
          updatedAt: row.updatedAt,
        },
      })
      .returning();
    if (!res) throw new Error('archive upsert returned nothing');
    return res;
  },

  /** Remove the entry of an appeal; its id when there was one. */
  async removeByAppeal(tx: DbOrTx, appealId: string): Promise<string | undefined> {
    const [row] = await tx
      .delete(appealArchiveEntries)
      .where(eq(appealArchiveEntries.appealId, appealId))
      .returning({ id: appealArchiveEntries.id });
    return row?.id;
  },

  /**
   * A body's published entries, newest answer first; with `q`, only those whose
   * texts match the words (Russian full text, websearch syntax).
   */
  async published(
    db: DbOrTx,
    orgId: string,
    q: string,
    page: { limit: number; offset: number },
  ): Promise<{ rows: ArchiveEntryRow[]; total: number }> {
    const match = q
      ? sql`to_tsvector('russian', ${appealArchiveEntries.question} || ' ' || ${appealArchiveEntries.answer}) @@ websearch_to_tsquery('russian', ${q})`
      : sql`true`;
    const where = and(
      eq(appealArchiveEntries.orgId, orgId),
      isNotNull(appealArchiveEntries.publishedAt),
      match,
    );
    const [rows, [tot]] = await Promise.all([
      db
        .select()
        .from(appealArchiveEntries)
        .where(where)
        .orderBy(desc(appealArchiveEntries.answeredOn), desc(appealArchiveEntries.number))
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: sql<number>`count(*)::int` }).from(appealArchiveEntries).where(where),
    ]);
    return { rows, total: tot?.n ?? 0 };
  },

  /** A body's published entry by the appeal's number. */
  async publishedByNumber(db: DbOrTx, orgId: string, number: string): Promise<ArchiveEntryRow | undefined> {
    const [row] = await db
      .select()
      .from(appealArchiveEntries)
      .where(
        and(
          eq(appealArchiveEntries.orgId, orgId),
          eq(appealArchiveEntries.number, number),
          isNotNull(appealArchiveEntries.publishedAt),
        ),
      );
    return row;
  },

  /** Every published entry (for reindexing the search). */
  async allPublished(db: DbOrTx): Promise<ArchiveEntryRow[]> {
    return db.select().from(appealArchiveEntries).where(isNotNull(appealArchiveEntries.publishedAt));
  },

  /**
   * A body's answered appeals whose authors consented to the archive and that
   * are not in it yet: the staff's list to anonymise and publish. Corruption
   * reports never.
   */
  async candidates(
    db: DbOrTx,
    orgIds: string[] | 'all',
  ): Promise<{ id: string; number: string; orgId: string; answeredAt: Date | null }[]> {
    if (orgIds !== 'all' && orgIds.length === 0) return [];
    return db
      .select({
        id: appeals.id,
        number: appeals.number,
        orgId: appeals.orgId,
        answeredAt: appeals.answeredAt,
      })
      .from(appeals)
      .leftJoin(appealArchiveEntries, eq(appealArchiveEntries.appealId, appeals.id))
      .where(
        and(
          isNotNull(appeals.archiveConsentAt),
          sql`${appeals.status} in ('sent', 'closed')`,
          sql`${appeals.type} <> 'corruption_report'`,
          isNull(appealArchiveEntries.id),
          orgIds === 'all'
            ? sql`true`
            : sql`${appeals.orgId} in (${sql.join(
                orgIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`,
          sql`exists (select 1 from ${appealAnswers} x where x.appeal_id = ${appeals.id} and x.status = 'sent')`,
        ),
      )
      .orderBy(desc(appeals.answeredAt))
      .limit(200);
  },
};
