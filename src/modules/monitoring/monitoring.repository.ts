import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import {
  monitoringAutoValues,
  monitoringCriteria,
  monitoringCycleOrgs,
  monitoringCycles,
  monitoringExpertAssignments,
  monitoringExpertScores,
  monitoringMethodologies,
  monitoringReconciliations,
  monitoringResults,
  monitoringSelfAnswers,
} from './monitoring.tables.ts';

export type MethodologyRow = typeof monitoringMethodologies.$inferSelect;
export type CriterionRow = typeof monitoringCriteria.$inferSelect;
export type CycleRow = typeof monitoringCycles.$inferSelect;
export type CycleOrgRow = typeof monitoringCycleOrgs.$inferSelect;
export type AutoValueRow = typeof monitoringAutoValues.$inferSelect;
export type SelfAnswerRow = typeof monitoringSelfAnswers.$inferSelect;
export type AssignmentRow = typeof monitoringExpertAssignments.$inferSelect;
export type ExpertScoreRow = typeof monitoringExpertScores.$inferSelect;
export type ReconciliationRow = typeof monitoringReconciliations.$inferSelect;
export type ResultRow = typeof monitoringResults.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every query of the monitoring module. */
export const monitoringRepository = {
  // methodology
  async methodologies(db: DbOrTx): Promise<MethodologyRow[]> {
    return db.select().from(monitoringMethodologies).orderBy(desc(monitoringMethodologies.version));
  },
  async findMethodology(db: DbOrTx, id: string): Promise<MethodologyRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [r] = await db.select().from(monitoringMethodologies).where(eq(monitoringMethodologies.id, id));
    return r;
  },
  async activeMethodology(db: DbOrTx): Promise<MethodologyRow | undefined> {
    const [r] = await db
      .select()
      .from(monitoringMethodologies)
      .where(eq(monitoringMethodologies.status, 'active'))
      .orderBy(desc(monitoringMethodologies.version))
      .limit(1);
    return r;
  },
  async draftMethodology(db: DbOrTx): Promise<MethodologyRow | undefined> {
    const [r] = await db
      .select()
      .from(monitoringMethodologies)
      .where(eq(monitoringMethodologies.status, 'draft'))
      .limit(1);
    return r;
  },
  async nextVersion(db: DbOrTx): Promise<number> {
    const [r] = await db
      .select({ v: sql<number>`coalesce(max(${monitoringMethodologies.version}), 0)::int` })
      .from(monitoringMethodologies);
    return (r?.v ?? 0) + 1;
  },
  async insertMethodology(
    db: DbOrTx,
    row: typeof monitoringMethodologies.$inferInsert,
  ): Promise<MethodologyRow> {
    const [r] = await db.insert(monitoringMethodologies).values(row).returning();
    return r as MethodologyRow;
  },
  async setMethodologyStatus(db: DbOrTx, id: string, status: string, at: Date | null): Promise<void> {
    await db
      .update(monitoringMethodologies)
      .set({ status, ...(at ? { activatedAt: at } : {}) })
      .where(eq(monitoringMethodologies.id, id));
  },
  async supersedeActive(db: DbOrTx): Promise<void> {
    await db
      .update(monitoringMethodologies)
      .set({ status: 'superseded' })
      .where(eq(monitoringMethodologies.status, 'active'));
  },
  async criteriaOf(db: DbOrTx, methodologyId: string): Promise<CriterionRow[]> {
    return db
      .select()
      .from(monitoringCriteria)
      .where(eq(monitoringCriteria.methodologyId, methodologyId))
      .orderBy(asc(monitoringCriteria.position), asc(monitoringCriteria.code));
  },
  async findCriterion(db: DbOrTx, id: string): Promise<CriterionRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [r] = await db.select().from(monitoringCriteria).where(eq(monitoringCriteria.id, id));
    return r;
  },
  async insertCriteria(
    db: DbOrTx,
    rows: (typeof monitoringCriteria.$inferInsert)[],
  ): Promise<CriterionRow[]> {
    return rows.length ? db.insert(monitoringCriteria).values(rows).returning() : [];
  },
  async updateCriterion(
    db: DbOrTx,
    id: string,
    set: Partial<typeof monitoringCriteria.$inferInsert>,
  ): Promise<void> {
    await db.update(monitoringCriteria).set(set).where(eq(monitoringCriteria.id, id));
  },
  async cyclesUsing(db: DbOrTx, methodologyId: string): Promise<number> {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(monitoringCycles)
      .where(eq(monitoringCycles.methodologyId, methodologyId));
    return r?.n ?? 0;
  },

  // cycles
  async cycles(db: DbOrTx): Promise<CycleRow[]> {
    return db.select().from(monitoringCycles).orderBy(desc(monitoringCycles.year));
  },
  async findCycle(db: DbOrTx, id: string): Promise<CycleRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [r] = await db.select().from(monitoringCycles).where(eq(monitoringCycles.id, id));
    return r;
  },
  async cycleOfYear(db: DbOrTx, year: number): Promise<CycleRow | undefined> {
    const [r] = await db.select().from(monitoringCycles).where(eq(monitoringCycles.year, year));
    return r;
  },
  /** The latest published cycle before this year (for the change against the previous year). */
  async publishedBefore(db: DbOrTx, year: number): Promise<CycleRow | undefined> {
    const [r] = await db
      .select()
      .from(monitoringCycles)
      .where(and(eq(monitoringCycles.status, 'published'), lt(monitoringCycles.year, year)))
      .orderBy(desc(monitoringCycles.year))
      .limit(1);
    return r;
  },
  async publishedYears(db: DbOrTx): Promise<number[]> {
    const rows = await db
      .select({ year: monitoringCycles.year })
      .from(monitoringCycles)
      .where(eq(monitoringCycles.status, 'published'))
      .orderBy(desc(monitoringCycles.year));
    return rows.map((r) => r.year);
  },
  async insertCycle(db: DbOrTx, row: typeof monitoringCycles.$inferInsert): Promise<CycleRow> {
    const [r] = await db.insert(monitoringCycles).values(row).returning();
    return r as CycleRow;
  },
  async updateCycle(
    db: DbOrTx,
    id: string,
    set: Partial<typeof monitoringCycles.$inferInsert>,
  ): Promise<void> {
    await db.update(monitoringCycles).set(set).where(eq(monitoringCycles.id, id));
  },
  async insertCycleOrgs(db: DbOrTx, rows: (typeof monitoringCycleOrgs.$inferInsert)[]): Promise<void> {
    if (rows.length) await db.insert(monitoringCycleOrgs).values(rows);
  },
  async cycleOrgs(db: DbOrTx, cycleId: string): Promise<CycleOrgRow[]> {
    return db.select().from(monitoringCycleOrgs).where(eq(monitoringCycleOrgs.cycleId, cycleId));
  },
  async cycleOrg(db: DbOrTx, cycleId: string, orgId: string): Promise<CycleOrgRow | undefined> {
    const [r] = await db
      .select()
      .from(monitoringCycleOrgs)
      .where(and(eq(monitoringCycleOrgs.cycleId, cycleId), eq(monitoringCycleOrgs.orgId, orgId)));
    return r;
  },
  /** The cycles an organisation takes part in, newest first (its staff's list). */
  async cyclesOfOrgs(
    db: DbOrTx,
    orgIds: string[],
  ): Promise<(CycleOrgRow & { year: number; status: string })[]> {
    if (orgIds.length === 0) return [];
    const rows = await db
      .select({ co: monitoringCycleOrgs, year: monitoringCycles.year, status: monitoringCycles.status })
      .from(monitoringCycleOrgs)
      .innerJoin(monitoringCycles, eq(monitoringCycles.id, monitoringCycleOrgs.cycleId))
      .where(inArray(monitoringCycleOrgs.orgId, orgIds))
      .orderBy(desc(monitoringCycles.year));
    return rows.map((r) => ({ ...r.co, year: r.year, status: r.status }));
  },
  async setSelfStatus(
    db: DbOrTx,
    cycleId: string,
    orgId: string,
    set: Partial<Pick<CycleOrgRow, 'selfStatus' | 'selfRemarks' | 'selfSubmittedAt'>>,
  ): Promise<void> {
    await db
      .update(monitoringCycleOrgs)
      .set(set)
      .where(and(eq(monitoringCycleOrgs.cycleId, cycleId), eq(monitoringCycleOrgs.orgId, orgId)));
  },

  // automatic values
  async replaceAutoValues(
    db: DbOrTx,
    cycleId: string,
    rows: (typeof monitoringAutoValues.$inferInsert)[],
  ): Promise<void> {
    await db.delete(monitoringAutoValues).where(eq(monitoringAutoValues.cycleId, cycleId));
    for (let i = 0; i < rows.length; i += 500)
      await db.insert(monitoringAutoValues).values(rows.slice(i, i + 500));
  },
  async autoValues(db: DbOrTx, cycleId: string, orgId?: string): Promise<AutoValueRow[]> {
    return db
      .select()
      .from(monitoringAutoValues)
      .where(
        orgId
          ? and(eq(monitoringAutoValues.cycleId, cycleId), eq(monitoringAutoValues.orgId, orgId))
          : eq(monitoringAutoValues.cycleId, cycleId),
      );
  },

  // self-assessment
  async selfAnswers(db: DbOrTx, cycleId: string, orgId?: string): Promise<SelfAnswerRow[]> {
    return db
      .select()
      .from(monitoringSelfAnswers)
      .where(
        orgId
          ? and(eq(monitoringSelfAnswers.cycleId, cycleId), eq(monitoringSelfAnswers.orgId, orgId))
          : eq(monitoringSelfAnswers.cycleId, cycleId),
      );
  },
  /** Many self-assessment answers at once (the data generator's bodies, all new). */
  async insertSelfAnswers(db: DbOrTx, rows: (typeof monitoringSelfAnswers.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000)
      await db.insert(monitoringSelfAnswers).values(rows.slice(i, i + 1000));
  },
  async upsertSelfAnswer(db: DbOrTx, row: typeof monitoringSelfAnswers.$inferInsert): Promise<void> {
    await db
      .insert(monitoringSelfAnswers)
      .values(row)
      .onConflictDoUpdate({
        target: [
          monitoringSelfAnswers.cycleId,
          monitoringSelfAnswers.orgId,
          monitoringSelfAnswers.criterionId,
        ],
        set: {
          value: row.value,
          evidenceUrl: row.evidenceUrl,
          comment: row.comment,
          updatedAt: row.updatedAt,
        },
      });
  },

  // experts
  async assignments(db: DbOrTx, cycleId: string): Promise<AssignmentRow[]> {
    return db
      .select()
      .from(monitoringExpertAssignments)
      .where(eq(monitoringExpertAssignments.cycleId, cycleId))
      .orderBy(asc(monitoringExpertAssignments.orgId));
  },
  async assignmentsOfExpert(db: DbOrTx, userId: string): Promise<AssignmentRow[]> {
    return db
      .select()
      .from(monitoringExpertAssignments)
      .where(eq(monitoringExpertAssignments.expertUserId, userId));
  },
  async findAssignment(db: DbOrTx, id: string): Promise<AssignmentRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [r] = await db
      .select()
      .from(monitoringExpertAssignments)
      .where(eq(monitoringExpertAssignments.id, id));
    return r;
  },
  async insertAssignment(
    db: DbOrTx,
    row: typeof monitoringExpertAssignments.$inferInsert,
  ): Promise<AssignmentRow | undefined> {
    const [r] = await db.insert(monitoringExpertAssignments).values(row).onConflictDoNothing().returning();
    return r;
  },
  async markAssignmentSubmitted(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db
      .update(monitoringExpertAssignments)
      .set({ submittedAt: at })
      .where(eq(monitoringExpertAssignments.id, id));
  },
  async replaceScores(
    db: DbOrTx,
    assignmentId: string,
    rows: (typeof monitoringExpertScores.$inferInsert)[],
  ): Promise<void> {
    await db.delete(monitoringExpertScores).where(eq(monitoringExpertScores.assignmentId, assignmentId));
    if (rows.length) await db.insert(monitoringExpertScores).values(rows);
  },
  async scoresOf(db: DbOrTx, assignmentIds: string[]): Promise<ExpertScoreRow[]> {
    if (assignmentIds.length === 0) return [];
    return db
      .select()
      .from(monitoringExpertScores)
      .where(inArray(monitoringExpertScores.assignmentId, assignmentIds));
  },
  async reconciliations(db: DbOrTx, cycleId: string): Promise<ReconciliationRow[]> {
    return db.select().from(monitoringReconciliations).where(eq(monitoringReconciliations.cycleId, cycleId));
  },
  async upsertReconciliation(db: DbOrTx, row: typeof monitoringReconciliations.$inferInsert): Promise<void> {
    await db
      .insert(monitoringReconciliations)
      .values(row)
      .onConflictDoUpdate({
        target: [
          monitoringReconciliations.cycleId,
          monitoringReconciliations.orgId,
          monitoringReconciliations.criterionId,
        ],
        set: { value: row.value, note: row.note, decidedBy: row.decidedBy, decidedAt: row.decidedAt },
      });
  },

  // results
  async replaceResults(
    db: DbOrTx,
    cycleId: string,
    rows: (typeof monitoringResults.$inferInsert)[],
  ): Promise<void> {
    await db.delete(monitoringResults).where(eq(monitoringResults.cycleId, cycleId));
    if (rows.length) await db.insert(monitoringResults).values(rows);
  },
  async results(db: DbOrTx, cycleId: string): Promise<ResultRow[]> {
    return db
      .select()
      .from(monitoringResults)
      .where(eq(monitoringResults.cycleId, cycleId))
      .orderBy(asc(monitoringResults.level), asc(monitoringResults.rank));
  },
};
