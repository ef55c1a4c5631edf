import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { appealFaqItems, appealReviews } from './appeals.tables.ts';
import type { PublicFigures, Quarter } from './stats/figures.ts';

export type FaqRow = typeof appealFaqItems.$inferSelect;
export type ReviewRow = typeof appealReviews.$inferSelect;

const inOrgs = <C extends typeof appealFaqItems.orgId | typeof appealReviews.orgId>(
  col: C,
  orgIds: string[] | 'all',
) => (orgIds === 'all' ? undefined : orgIds.length === 0 ? sql`false` : inArray(col, orgIds));

/** Every query of the public side's own tables: FAQ items (task 4.3) and quarterly reviews (task 4.2). */
export const publicRepository = {
  async publishedFaq(db: DbOrTx, orgId: string): Promise<FaqRow[]> {
    return db
      .select()
      .from(appealFaqItems)
      .where(and(eq(appealFaqItems.orgId, orgId), isNotNull(appealFaqItems.publishedAt)))
      .orderBy(asc(appealFaqItems.position), desc(appealFaqItems.publishedAt));
  },

  async faqOf(db: DbOrTx, orgIds: string[] | 'all'): Promise<FaqRow[]> {
    return db
      .select()
      .from(appealFaqItems)
      .where(inOrgs(appealFaqItems.orgId, orgIds))
      .orderBy(asc(appealFaqItems.orgId), asc(appealFaqItems.position), desc(appealFaqItems.createdAt));
  },

  async faqById(db: DbOrTx, id: string): Promise<FaqRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [r] = await db.select().from(appealFaqItems).where(eq(appealFaqItems.id, id));
    return r;
  },

  async insertFaq(db: DbOrTx, row: typeof appealFaqItems.$inferInsert): Promise<FaqRow> {
    const [r] = await db.insert(appealFaqItems).values(row).returning();
    if (!r) throw new Error('faq insert returned nothing');
    return r;
  },

  async updateFaq(
    db: DbOrTx,
    id: string,
    set: Partial<Pick<FaqRow, 'question' | 'answer' | 'topicCode' | 'position' | 'publishedAt'>>,
  ): Promise<void> {
    await db
      .update(appealFaqItems)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(appealFaqItems.id, id));
  },

  /** The FAQ items made from one appeal (published or not). */
  async faqFromAppeal(db: DbOrTx, appealId: string): Promise<FaqRow[]> {
    return db.select().from(appealFaqItems).where(eq(appealFaqItems.sourceAppealId, appealId));
  },

  async deleteFaq(db: DbOrTx, id: string): Promise<void> {
    await db.delete(appealFaqItems).where(eq(appealFaqItems.id, id));
  },

  async publishedReviews(db: DbOrTx, orgId: string): Promise<ReviewRow[]> {
    return db
      .select()
      .from(appealReviews)
      .where(and(eq(appealReviews.orgId, orgId), isNotNull(appealReviews.publishedAt)))
      .orderBy(desc(appealReviews.year), desc(appealReviews.quarter));
  },

  async reviewsOf(db: DbOrTx, orgIds: string[] | 'all'): Promise<ReviewRow[]> {
    return db
      .select()
      .from(appealReviews)
      .where(inOrgs(appealReviews.orgId, orgIds))
      .orderBy(desc(appealReviews.year), desc(appealReviews.quarter), asc(appealReviews.orgId));
  },

  async review(db: DbOrTx, orgId: string, year: number, quarter: Quarter): Promise<ReviewRow | undefined> {
    const [r] = await db
      .select()
      .from(appealReviews)
      .where(
        and(eq(appealReviews.orgId, orgId), eq(appealReviews.year, year), eq(appealReviews.quarter, quarter)),
      );
    return r;
  },

  async reviewById(db: DbOrTx, id: string): Promise<ReviewRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [r] = await db.select().from(appealReviews).where(eq(appealReviews.id, id));
    return r;
  },

  /** Create the period's review or replace its figures and comment (the published mark is kept). */
  async upsertReview(
    db: DbOrTx,
    v: { orgId: string; year: number; quarter: Quarter; figures: PublicFigures; comment: string | null },
  ): Promise<ReviewRow> {
    const [r] = await db
      .insert(appealReviews)
      .values(v)
      .onConflictDoUpdate({
        target: [appealReviews.orgId, appealReviews.year, appealReviews.quarter],
        set: {
          figures: v.figures,
          comment: v.comment,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    if (!r) throw new Error('review upsert returned nothing');
    return r;
  },

  async setReviewPublished(db: DbOrTx, id: string, at: Date | null, by: string | null): Promise<void> {
    await db
      .update(appealReviews)
      .set({ publishedAt: at, publishedBy: by, updatedAt: sql`now()` })
      .where(eq(appealReviews.id, id));
  },
};
