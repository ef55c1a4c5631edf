import { and, count, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { storedFiles } from '../../../platform/files/files.tables.ts';
import { practiceCaseFiles, practiceCases, practiceReferrals } from './practice.tables.ts';

export type PracticeCaseRow = typeof practiceCases.$inferSelect;
export type PracticeReferralRow = typeof practiceReferrals.$inferSelect;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PracticeStats = { total: number; published: number; awaiting: number; referred: number };

/** Every query of law-enforcement practice. */
export const practiceRepository = {
  async insertCase(tx: DbOrTx, row: typeof practiceCases.$inferInsert): Promise<PracticeCaseRow> {
    const [c] = await tx.insert(practiceCases).values(row).returning();
    if (!c) throw new Error('practice case not inserted');
    return c;
  },

  async attachFiles(tx: DbOrTx, caseId: string, fileIds: string[]): Promise<void> {
    if (fileIds.length)
      await tx.insert(practiceCaseFiles).values(fileIds.map((fileId) => ({ caseId, fileId })));
  },

  async findById(db: DbOrTx, id: string): Promise<PracticeCaseRow | undefined> {
    if (!UUID_RE.test(id)) return undefined;
    const [c] = await db.select().from(practiceCases).where(eq(practiceCases.id, id));
    return c;
  },

  async files(db: DbOrTx, caseId: string) {
    return db
      .select({ id: storedFiles.id, name: storedFiles.originalName, sizeBytes: storedFiles.sizeBytes })
      .from(practiceCaseFiles)
      .innerJoin(storedFiles, eq(storedFiles.id, practiceCaseFiles.fileId))
      .where(eq(practiceCaseFiles.caseId, caseId));
  },

  async hasFile(db: DbOrTx, caseId: string, fileId: string): Promise<boolean> {
    if (!UUID_RE.test(fileId)) return false;
    const [r] = await db
      .select({ n: count() })
      .from(practiceCaseFiles)
      .where(and(eq(practiceCaseFiles.caseId, caseId), eq(practiceCaseFiles.fileId, fileId)));
    return (r?.n ?? 0) > 0;
  },

  async publish(
    tx: DbOrTx,
    id: string,
    v: { publicDescription: string; comment: string; commentedBy: string | null; at: Date },
  ): Promise<PracticeCaseRow> {
    const [c] = await tx
      .update(practiceCases)
      .set({
        status: 'published',
        publicDescription: v.publicDescription,
        comment: v.comment,
        commentedBy: v.commentedBy,
        publishedAt: sql`coalesce(${practiceCases.publishedAt}, ${v.at.toISOString()}::timestamptz)`,
      })
      .where(eq(practiceCases.id, id))
      .returning();
    if (!c) throw new Error('practice case not updated');
    return c;
  },

  async insertReferral(tx: DbOrTx, row: typeof practiceReferrals.$inferInsert): Promise<PracticeReferralRow> {
    const [r] = await tx.insert(practiceReferrals).values(row).returning();
    if (!r) throw new Error('referral not inserted');
    return r;
  },

  referrals(db: DbOrTx, caseIds: string[]): Promise<PracticeReferralRow[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(practiceReferrals)
      .where(inArray(practiceReferrals.caseId, caseIds))
      .orderBy(practiceReferrals.createdAt);
  },

  /** Published cases of a body, newest first, filtered by topic and by words of the act. */
  async listPublished(
    db: DbOrTx,
    orgId: string,
    f: { topic?: string | undefined; act?: string | undefined; limit: number; offset: number },
  ): Promise<{ rows: PracticeCaseRow[]; total: number }> {
    const where: SQL[] = [eq(practiceCases.orgId, orgId), eq(practiceCases.status, 'published')];
    if (f.topic) where.push(eq(practiceCases.topic, f.topic));
    if (f.act) where.push(ilike(practiceCases.act, `%${f.act.replace(/[\\%_]/g, '\\$&')}%`));
    const cond = and(...where);
    const [rows, [n]] = await Promise.all([
      db
        .select()
        .from(practiceCases)
        .where(cond)
        .orderBy(desc(practiceCases.publishedAt))
        .limit(f.limit)
        .offset(f.offset),
      db.select({ n: count() }).from(practiceCases).where(cond),
    ]);
    return { rows, total: n?.n ?? 0 };
  },

  /** The acts a body's published cases name, with their counts (for the list by act). */
  actsOf(db: DbOrTx, orgId: string): Promise<{ act: string; n: number }[]> {
    return db
      .select({ act: practiceCases.act, n: count() })
      .from(practiceCases)
      .where(and(eq(practiceCases.orgId, orgId), eq(practiceCases.status, 'published')))
      .groupBy(practiceCases.act)
      .orderBy(desc(count()), practiceCases.act)
      .limit(50);
  },

  /** The body's figures: every case received, published with a comment, awaiting one, referred. */
  async stats(db: DbOrTx, orgId: string): Promise<PracticeStats> {
    const [r] = await db
      .select({
        total: count(),
        published: sql<number>`count(*) filter (where ${practiceCases.status} = 'published')`.mapWith(Number),
        // written out: drizzle leaves columns unqualified in a one-table select, which the subquery would capture
        referred:
          sql<number>`count(*) filter (where exists (select 1 from practice_referrals r where r.case_id = "practice_cases"."id"))`.mapWith(
            Number,
          ),
      })
      .from(practiceCases)
      .where(eq(practiceCases.orgId, orgId));
    const total = r?.total ?? 0;
    const published = r?.published ?? 0;
    return { total, published, awaiting: total - published, referred: r?.referred ?? 0 };
  },

  /** The staff queue of a body: cases awaiting a comment first, then the rest, newest first. */
  queue(db: DbOrTx, orgId: string): Promise<PracticeCaseRow[]> {
    return db
      .select()
      .from(practiceCases)
      .where(eq(practiceCases.orgId, orgId))
      .orderBy(sql`${practiceCases.status} = 'published'`, desc(practiceCases.createdAt))
      .limit(200);
  },

  /** A citizen's own cases, for their cabinet. */
  ofAuthor(db: DbOrTx, userId: string): Promise<PracticeCaseRow[]> {
    return db
      .select()
      .from(practiceCases)
      .where(eq(practiceCases.authorUserId, userId))
      .orderBy(desc(practiceCases.createdAt));
  },
};
