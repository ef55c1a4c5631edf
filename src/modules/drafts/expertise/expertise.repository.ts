import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { antiCorruptionExperts, expertiseConclusions, expertiseFindings } from './expertise.tables.ts';

export type ExpertRow = typeof antiCorruptionExperts.$inferSelect;
export type ConclusionRow = typeof expertiseConclusions.$inferSelect;
export type FindingRow = typeof expertiseFindings.$inferSelect;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every query of the anti-corruption expertise's own tables. */
export const expertiseRepository = {
  async insertExpert(tx: DbOrTx, row: typeof antiCorruptionExperts.$inferInsert): Promise<ExpertRow> {
    const [e] = await tx.insert(antiCorruptionExperts).values(row).returning();
    if (!e) throw new Error('expert not inserted');
    return e;
  },

  listExperts(db: DbOrTx): Promise<ExpertRow[]> {
    return db.select().from(antiCorruptionExperts).orderBy(asc(antiCorruptionExperts.name));
  },

  async expertOfUser(db: DbOrTx, userId: string): Promise<ExpertRow | undefined> {
    const [e] = await db
      .select()
      .from(antiCorruptionExperts)
      .where(and(eq(antiCorruptionExperts.userId, userId), eq(antiCorruptionExperts.active, true)));
    return e;
  },

  async expertsByIds(db: DbOrTx, ids: string[]): Promise<ExpertRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(antiCorruptionExperts).where(inArray(antiCorruptionExperts.id, ids));
  },

  async insertConclusion(
    tx: DbOrTx,
    row: typeof expertiseConclusions.$inferInsert,
    findings: Omit<typeof expertiseFindings.$inferInsert, 'conclusionId'>[],
  ): Promise<ConclusionRow> {
    const [c] = await tx.insert(expertiseConclusions).values(row).returning();
    if (!c) throw new Error('conclusion not inserted');
    if (findings.length)
      await tx.insert(expertiseFindings).values(findings.map((f) => ({ ...f, conclusionId: c.id })));
    return c;
  },

  async findConclusion(db: DbOrTx, id: string): Promise<ConclusionRow | undefined> {
    if (!UUID_RE.test(id)) return undefined;
    const [c] = await db.select().from(expertiseConclusions).where(eq(expertiseConclusions.id, id));
    return c;
  },

  conclusionsOf(db: DbOrTx, draftId: string): Promise<ConclusionRow[]> {
    return db
      .select()
      .from(expertiseConclusions)
      .where(eq(expertiseConclusions.draftId, draftId))
      .orderBy(asc(expertiseConclusions.submittedAt));
  },

  async findingsOf(db: DbOrTx, conclusionIds: string[]): Promise<FindingRow[]> {
    if (conclusionIds.length === 0) return [];
    return db
      .select()
      .from(expertiseFindings)
      .where(inArray(expertiseFindings.conclusionId, conclusionIds))
      .orderBy(asc(expertiseFindings.position));
  },

  async answer(
    tx: DbOrTx,
    id: string,
    v: { answer: string; by: string | null; at: Date },
  ): Promise<ConclusionRow> {
    const [c] = await tx
      .update(expertiseConclusions)
      .set({ answer: v.answer, answeredBy: v.by, answeredAt: v.at })
      .where(eq(expertiseConclusions.id, id))
      .returning();
    if (!c) throw new Error('conclusion not updated');
    return c;
  },

  /** A body's conclusions still unanswered whose last day has passed. */
  overdueOf(db: DbOrTx, orgId: string, today: string): Promise<ConclusionRow[]> {
    return db
      .select()
      .from(expertiseConclusions)
      .where(
        and(
          eq(expertiseConclusions.orgId, orgId),
          isNull(expertiseConclusions.answeredAt),
          lt(expertiseConclusions.answerDueOn, today),
        ),
      )
      .orderBy(asc(expertiseConclusions.answerDueOn));
  },
};
