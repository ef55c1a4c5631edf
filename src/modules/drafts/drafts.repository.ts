import { and, asc, count, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { DraftStage } from './drafts.input.ts';
import {
  draftProposalPositions,
  draftRegulations,
  draftUnits,
  draftVersions,
  legislativePlanItems,
} from './drafts.tables.ts';

export type PlanItemRow = typeof legislativePlanItems.$inferSelect;
export type NewPlanItem = typeof legislativePlanItems.$inferInsert;
export type DraftRow = typeof draftRegulations.$inferSelect;
export type NewDraft = typeof draftRegulations.$inferInsert;
export type DraftVersionRow = typeof draftVersions.$inferSelect;
export type DraftUnitRow = typeof draftUnits.$inferSelect;
export type PositionRow = typeof draftProposalPositions.$inferSelect;

export type DraftFilter = { orgId?: string | undefined; stage?: DraftStage | undefined };

function draftWhere(f: DraftFilter): SQL | undefined {
  const c: SQL[] = [];
  if (f.orgId) c.push(eq(draftRegulations.orgId, f.orgId));
  if (f.stage) c.push(eq(draftRegulations.stage, f.stage));
  return c.length ? and(...c) : undefined;
}

/** Every query of the drafts module (plan, drafts, versions, units, positions). */
export const draftsRepository = {
  async insertPlanItem(db: DbOrTx, row: NewPlanItem): Promise<PlanItemRow> {
    const [r] = await db.insert(legislativePlanItems).values(row).returning();
    return r as PlanItemRow;
  },

  async updatePlanItem(db: DbOrTx, id: string, patch: Partial<NewPlanItem>): Promise<void> {
    await db.update(legislativePlanItems).set(patch).where(eq(legislativePlanItems.id, id));
  },

  async planItem(db: DbOrTx, id: string): Promise<PlanItemRow | undefined> {
    const [r] = await db.select().from(legislativePlanItems).where(eq(legislativePlanItems.id, id));
    return r;
  },

  /** A plan's items: one body's or every body's, of one year (medium-term items covering it included). */
  planItems(
    db: DbOrTx,
    f: { orgId?: string | undefined; year?: number | undefined },
  ): Promise<PlanItemRow[]> {
    const c: SQL[] = [];
    if (f.orgId) c.push(eq(legislativePlanItems.orgId, f.orgId));
    if (f.year) c.push(eq(legislativePlanItems.year, f.year));
    return db
      .select()
      .from(legislativePlanItems)
      .where(c.length ? and(...c) : undefined)
      .orderBy(
        asc(legislativePlanItems.horizon),
        asc(legislativePlanItems.plannedTo),
        asc(legislativePlanItems.title),
      )
      .limit(1000);
  },

  async planYears(db: DbOrTx, orgId?: string): Promise<number[]> {
    const rows = await db
      .selectDistinct({ year: legislativePlanItems.year })
      .from(legislativePlanItems)
      .where(orgId ? eq(legislativePlanItems.orgId, orgId) : undefined)
      .orderBy(desc(legislativePlanItems.year));
    return rows.map((r) => r.year);
  },

  async planItemOfDraft(db: DbOrTx, draftId: string): Promise<PlanItemRow | undefined> {
    const [r] = await db.select().from(legislativePlanItems).where(eq(legislativePlanItems.draftId, draftId));
    return r;
  },

  async insertDraft(db: DbOrTx, row: NewDraft): Promise<DraftRow> {
    const [r] = await db.insert(draftRegulations).values(row).returning();
    return r as DraftRow;
  },

  async updateDraft(db: DbOrTx, id: string, patch: Partial<NewDraft>): Promise<void> {
    await db.update(draftRegulations).set(patch).where(eq(draftRegulations.id, id));
  },

  async draft(db: DbOrTx, id: string): Promise<DraftRow | undefined> {
    const [r] = await db.select().from(draftRegulations).where(eq(draftRegulations.id, id));
    return r;
  },

  /** The draft locked for a change of stage, so two staff clicks do not both pass the same check. */
  async draftForUpdate(db: DbOrTx, id: string): Promise<DraftRow | undefined> {
    const [r] = await db.select().from(draftRegulations).where(eq(draftRegulations.id, id)).for('update');
    return r;
  },

  async listDrafts(
    db: DbOrTx,
    f: DraftFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: DraftRow[]; total: number }> {
    const where = draftWhere(f);
    const rows = await db
      .select()
      .from(draftRegulations)
      .where(where)
      .orderBy(desc(draftRegulations.createdAt), desc(draftRegulations.id))
      .limit(page.limit)
      .offset(page.offset);
    const [c] = await db.select({ n: count() }).from(draftRegulations).where(where);
    return { rows, total: c?.n ?? 0 };
  },

  /** Undecided drafts whose discussion or expertise had its last day before `today` (YYYY-MM-DD). */
  draftsPastStageEnd(db: DbOrTx, today: string): Promise<DraftRow[]> {
    const d = draftRegulations;
    return db
      .select()
      .from(d)
      .where(
        and(
          isNull(d.outcome),
          or(
            and(eq(d.stage, 'discussion'), lt(d.discussionEndsOn, today)),
            and(eq(d.stage, 'expertise'), lt(d.expertiseEndsOn, today)),
          ),
        ),
      )
      .orderBy(asc(d.createdAt));
  },

  async draftsByIds(db: DbOrTx, ids: string[]): Promise<DraftRow[]> {
    if (!ids.length) return [];
    return db.select().from(draftRegulations).where(inArray(draftRegulations.id, ids));
  },

  async insertVersion(db: DbOrTx, row: typeof draftVersions.$inferInsert): Promise<void> {
    await db.insert(draftVersions).values(row);
  },

  versions(db: DbOrTx, draftId: string): Promise<DraftVersionRow[]> {
    return db
      .select()
      .from(draftVersions)
      .where(eq(draftVersions.draftId, draftId))
      .orderBy(asc(draftVersions.version));
  },

  async insertUnits(db: DbOrTx, rows: (typeof draftUnits.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await db.insert(draftUnits).values(rows.slice(i, i + 500));
  },

  units(db: DbOrTx, draftId: string, version: number): Promise<DraftUnitRow[]> {
    return db
      .select()
      .from(draftUnits)
      .where(and(eq(draftUnits.draftId, draftId), eq(draftUnits.version, version)))
      .orderBy(asc(draftUnits.position));
  },

  async upsertPosition(db: DbOrTx, row: typeof draftProposalPositions.$inferInsert): Promise<void> {
    await db
      .insert(draftProposalPositions)
      .values(row)
      .onConflictDoUpdate({
        target: [draftProposalPositions.draftId, draftProposalPositions.commentId],
        set: {
          position: row.position,
          justification: row.justification ?? null,
          decidedBy: row.decidedBy ?? null,
          decidedAt: row.decidedAt,
        },
      });
  },

  positions(db: DbOrTx, draftId: string): Promise<PositionRow[]> {
    return db.select().from(draftProposalPositions).where(eq(draftProposalPositions.draftId, draftId));
  },
};
