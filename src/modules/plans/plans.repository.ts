import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { planActuals, planEvents, planItems, planReports, plans, planTargets } from './plans.tables.ts';

export type PlanRow = typeof plans.$inferSelect;
export type PlanItemRow = typeof planItems.$inferSelect;
export type TargetRow = typeof planTargets.$inferSelect;
export type ActualRow = typeof planActuals.$inferSelect;
export type PlanEventRow = typeof planEvents.$inferSelect;
export type ReportRow = typeof planReports.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every query of the plans module. */
export const plansRepository = {
  async findPlan(db: DbOrTx, id: string): Promise<PlanRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [r] = await db.select().from(plans).where(eq(plans.id, id));
    return r;
  },

  /** An organisation's public plans (templates left out), the current versions first. */
  async plansOfOrg(db: DbOrTx, orgId: string): Promise<PlanRow[]> {
    return db
      .select()
      .from(plans)
      .where(and(eq(plans.orgId, orgId), eq(plans.isTemplate, false)))
      .orderBy(
        sql`${plans.supersededAt} is not null`,
        desc(plans.periodStart),
        asc(plans.titleRu),
        desc(plans.version),
      );
  },

  /** Plans of these organisations ('all': every one), templates included, for staff lists. */
  async plansOf(db: DbOrTx, orgIds: string[] | 'all'): Promise<PlanRow[]> {
    const where =
      orgIds === 'all' ? undefined : orgIds.length === 0 ? sql`false` : inArray(plans.orgId, orgIds);
    return db
      .select()
      .from(plans)
      .where(where)
      .orderBy(desc(plans.isTemplate), desc(plans.periodStart), asc(plans.titleRu));
  },

  async templates(db: DbOrTx): Promise<PlanRow[]> {
    return db.select().from(plans).where(eq(plans.isTemplate, true)).orderBy(asc(plans.titleRu));
  },

  /** The current (not superseded) public plans of a kind, across the region (the comprehensive plan). */
  async currentOfKind(db: DbOrTx, kind: string): Promise<PlanRow[]> {
    return db
      .select()
      .from(plans)
      .where(and(eq(plans.kind, kind), eq(plans.isTemplate, false), isNull(plans.supersededAt)))
      .orderBy(desc(plans.periodStart));
  },

  /** Every public plan (API, sitemap, open data), keyed by creation. */
  async publicPlans(db: DbOrTx, orgId?: string): Promise<PlanRow[]> {
    return db
      .select()
      .from(plans)
      .where(and(eq(plans.isTemplate, false), orgId ? eq(plans.orgId, orgId) : undefined))
      .orderBy(asc(plans.createdAt), asc(plans.id));
  },

  async insertPlan(db: DbOrTx, row: typeof plans.$inferInsert): Promise<PlanRow> {
    const [r] = await db.insert(plans).values(row).returning();
    if (!r) throw new Error('plan insert returned nothing');
    return r;
  },

  async updatePlan(db: DbOrTx, id: string, set: Partial<Omit<PlanRow, 'id' | 'createdAt'>>): Promise<void> {
    await db
      .update(plans)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(plans.id, id));
  },

  /** The newer version of a plan, if one was made. */
  async nextVersion(db: DbOrTx, id: string): Promise<PlanRow | undefined> {
    const [r] = await db.select().from(plans).where(eq(plans.previousVersionId, id));
    return r;
  },

  async items(db: DbOrTx, planId: string): Promise<PlanItemRow[]> {
    return db
      .select()
      .from(planItems)
      .where(eq(planItems.planId, planId))
      .orderBy(asc(planItems.position), asc(planItems.createdAt));
  },

  /** The items of several plans in one statement, each plan's in its order. */
  async itemsOfPlans(db: DbOrTx, planIds: string[]): Promise<PlanItemRow[]> {
    if (planIds.length === 0) return [];
    return db
      .select()
      .from(planItems)
      .where(inArray(planItems.planId, planIds))
      .orderBy(asc(planItems.position), asc(planItems.createdAt));
  },

  async itemsByIds(db: DbOrTx, ids: string[]): Promise<PlanItemRow[]> {
    return ids.length === 0 ? [] : db.select().from(planItems).where(inArray(planItems.id, ids));
  },

  async findItem(db: DbOrTx, id: string): Promise<PlanItemRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [r] = await db.select().from(planItems).where(eq(planItems.id, id));
    return r;
  },

  /** Items of other plans that implement items of this one (the comprehensive plan's page). */
  async implementers(db: DbOrTx, itemIds: string[]): Promise<PlanItemRow[]> {
    if (itemIds.length === 0) return [];
    return db.select().from(planItems).where(inArray(planItems.implementsItemId, itemIds));
  },

  async insertItem(db: DbOrTx, row: typeof planItems.$inferInsert): Promise<PlanItemRow> {
    const [r] = await db.insert(planItems).values(row).returning();
    if (!r) throw new Error('plan item insert returned nothing');
    return r;
  },

  async updateItem(
    db: DbOrTx,
    id: string,
    set: Partial<Omit<PlanItemRow, 'id' | 'planId' | 'createdAt'>>,
  ): Promise<void> {
    await db.update(planItems).set(set).where(eq(planItems.id, id));
  },

  async nextPosition(db: DbOrTx, planId: string): Promise<number> {
    const [r] = await db
      .select({ n: sql<number>`coalesce(max(${planItems.position}), 0) + 1` })
      .from(planItems)
      .where(eq(planItems.planId, planId));
    return Number(r?.n ?? 1);
  },

  async targets(db: DbOrTx, itemIds: string[]): Promise<TargetRow[]> {
    return itemIds.length === 0
      ? []
      : db.select().from(planTargets).where(inArray(planTargets.itemId, itemIds));
  },

  /** Replace an indicator's targets with these. */
  async setTargets(db: DbOrTx, itemId: string, targets: ReadonlyMap<string, number>): Promise<void> {
    await db.delete(planTargets).where(eq(planTargets.itemId, itemId));
    if (targets.size > 0)
      await db.insert(planTargets).values([...targets].map(([period, value]) => ({ itemId, period, value })));
  },

  /** Every reported value, oldest first (the latest per period counts). */
  async actuals(db: DbOrTx, itemIds: string[]): Promise<ActualRow[]> {
    if (itemIds.length === 0) return [];
    return db
      .select()
      .from(planActuals)
      .where(inArray(planActuals.itemId, itemIds))
      .orderBy(asc(planActuals.createdAt), asc(planActuals.id));
  },

  async insertActual(db: DbOrTx, row: typeof planActuals.$inferInsert): Promise<ActualRow> {
    const [r] = await db.insert(planActuals).values(row).returning();
    if (!r) throw new Error('actual insert returned nothing');
    return r;
  },

  async copyTargetsAndActuals(db: DbOrTx, fromItemId: string, toItemId: string): Promise<void> {
    await db.execute(sql`insert into plan_targets (item_id, period, value)
      select ${toItemId}, period, value from plan_targets where item_id = ${fromItemId}`);
    await db.execute(sql`insert into plan_actuals (item_id, period, value, reported_on, source, comment, created_by, created_at)
      select ${toItemId}, period, value, reported_on, source, comment, created_by, created_at from plan_actuals where item_id = ${fromItemId}`);
  },

  async events(db: DbOrTx, planId: string): Promise<PlanEventRow[]> {
    return db
      .select()
      .from(planEvents)
      .where(eq(planEvents.planId, planId))
      .orderBy(asc(planEvents.at), asc(planEvents.id));
  },

  async insertEvent(db: DbOrTx, row: typeof planEvents.$inferInsert): Promise<void> {
    await db.insert(planEvents).values(row);
  },

  async report(db: DbOrTx, orgId: string, year: number): Promise<ReportRow | undefined> {
    const [r] = await db
      .select()
      .from(planReports)
      .where(and(eq(planReports.orgId, orgId), eq(planReports.year, year)));
    return r;
  },

  async reportsOf(db: DbOrTx, orgId: string): Promise<ReportRow[]> {
    return db.select().from(planReports).where(eq(planReports.orgId, orgId)).orderBy(desc(planReports.year));
  },

  async reportsOfOrgs(db: DbOrTx, orgIds: string[]): Promise<ReportRow[]> {
    if (orgIds.length === 0) return [];
    return db.select().from(planReports).where(inArray(planReports.orgId, orgIds));
  },

  async upsertReport(db: DbOrTx, row: typeof planReports.$inferInsert): Promise<void> {
    await db
      .insert(planReports)
      .values(row)
      .onConflictDoUpdate({
        target: [planReports.orgId, planReports.year],
        set: {
          textRu: row.textRu,
          coReportRu: row.coReportRu ?? null,
          campaignLinks: row.campaignLinks ?? [],
          publishedAt: row.publishedAt ?? null,
          updatedAt: sql`now()`,
        },
      });
  },
};
