import { and, asc, count, eq, inArray, isNull, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { storedFiles } from '../../platform/files/files.tables.ts';
import { roleAssignments, users } from '../accounts/accounts.tables.ts';
import {
  appealAnswers,
  appealAttachments,
  appealEvents,
  appealQuestions,
  appealReminders,
  appeals,
} from './appeals.tables.ts';

/*
 * The staff side's queries: the queue with its filters and counts, the
 * actions' writes, reminders, deadline recomputation and the monthly report.
 * Reads the accounts module's role table only to list a body's officers.
 */

export type StaffAppealRow = typeof appeals.$inferSelect;
export type StaffEventRow = typeof appealEvents.$inferSelect;
export type QuestionRow = typeof appealQuestions.$inferSelect;
export type AnswerRow = typeof appealAnswers.$inferSelect;

/** Which organisations' appeals the person may see: by type, 'all' for administrators. */
export type Visibility = { workerOrgs: string[] | 'all'; corruptionOrgs: string[] | 'all' };

export type QueueFilter = {
  status?: string | undefined;
  orgId?: string | undefined;
  /** a user id, or 'none' for unassigned */
  officer?: string | undefined;
  /** a ТОТК code or its prefix (section, theme, topic) */
  topic?: string | undefined;
  /** open and due within this many calendar days of today (overdue included) */
  dueWithin?: number | undefined;
  overdue?: boolean | undefined;
  type?: string | undefined;
};

const OPEN_STATUSES = ['registered', 'in_review', 'extended', 'answer_signed'];

function visibleWhere(v: Visibility): SQL | undefined {
  const part = (orgs: string[] | 'all', corruption: boolean): SQL | undefined => {
    const typeCond = corruption
      ? eq(appeals.type, 'corruption_report')
      : ne(appeals.type, 'corruption_report');
    if (orgs === 'all') return typeCond;
    if (orgs.length === 0) return undefined;
    return and(typeCond, inArray(appeals.orgId, orgs));
  };
  const parts = [part(v.workerOrgs, false), part(v.corruptionOrgs, true)].filter(Boolean) as SQL[];
  if (parts.length === 0) return sql`false`;
  return or(...parts);
}

function filterWhere(f: QueueFilter, today: string, withStatus: boolean): SQL[] {
  const w: SQL[] = [];
  if (withStatus && f.status) w.push(eq(appeals.status, f.status));
  if (f.orgId) w.push(eq(appeals.orgId, f.orgId));
  if (f.type) w.push(eq(appeals.type, f.type));
  if (f.officer === 'none') w.push(isNull(appeals.assignedUserId));
  else if (f.officer) w.push(eq(appeals.assignedUserId, f.officer));
  if (f.topic)
    w.push(
      sql`exists (select 1 from ${appealQuestions} q where q.appeal_id = ${appeals.id} and (q.topic_code = ${f.topic} or q.topic_code like ${`${f.topic}.%`}))`,
    );
  if (f.dueWithin !== undefined) {
    w.push(inArray(appeals.status, OPEN_STATUSES));
    w.push(lte(appeals.dueDate, sql`(${today}::date + ${f.dueWithin}::int)`));
  }
  if (f.overdue) {
    w.push(inArray(appeals.status, OPEN_STATUSES));
    w.push(lt(appeals.dueDate, today));
  }
  return w;
}

export const staffRepository = {
  async findById(db: DbOrTx, id: string): Promise<StaffAppealRow | undefined> {
    const [row] = await db.select().from(appeals).where(eq(appeals.id, id));
    return row;
  },

  /** Lock the row for an action, so two staff actions on one appeal run one after the other. */
  async lockById(tx: DbOrTx, id: string): Promise<StaffAppealRow | undefined> {
    const [row] = await tx.select().from(appeals).where(eq(appeals.id, id)).for('update');
    return row;
  },

  /** A page of the queue, earliest deadline first, and the total. */
  async queue(
    db: DbOrTx,
    v: Visibility,
    f: QueueFilter,
    today: string,
    page: { limit: number; offset: number },
  ): Promise<{ rows: StaffAppealRow[]; total: number }> {
    const where = and(visibleWhere(v), ...filterWhere(f, today, true));
    const [rows, [tot]] = await Promise.all([
      db
        .select()
        .from(appeals)
        .where(where)
        .orderBy(
          sql`case when ${appeals.status} in ('registered','in_review','extended','answer_signed') then 0 else 1 end`,
          asc(appeals.dueDate),
          asc(appeals.number),
        )
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(appeals).where(where),
    ]);
    return { rows, total: tot?.n ?? 0 };
  },

  /** Counts by status under the other filters, and the overdue count. */
  async queueCounts(
    db: DbOrTx,
    v: Visibility,
    f: QueueFilter,
    today: string,
  ): Promise<{ byStatus: Record<string, number>; overdue: number }> {
    const where = and(visibleWhere(v), ...filterWhere(f, today, false));
    const rows = await db
      .select({
        status: appeals.status,
        n: count(),
        overdue: sql<number>`count(*) filter (where ${appeals.dueDate} < ${today} and ${appeals.status} in ('registered','in_review','extended','answer_signed'))::int`,
      })
      .from(appeals)
      .where(where)
      .groupBy(appeals.status);
    const byStatus: Record<string, number> = {};
    let overdue = 0;
    for (const r of rows) {
      byStatus[r.status] = r.n;
      overdue += Number(r.overdue);
    }
    return { byStatus, overdue };
  },

  async update(tx: DbOrTx, id: string, patch: Partial<typeof appeals.$inferInsert>): Promise<void> {
    await tx.update(appeals).set(patch).where(eq(appeals.id, id));
  },

  async insertEvent(tx: DbOrTx, row: typeof appealEvents.$inferInsert): Promise<StaffEventRow> {
    const [res] = await tx.insert(appealEvents).values(row).returning();
    if (!res) throw new Error('event insert returned nothing');
    return res;
  },

  async events(db: DbOrTx, appealId: string): Promise<StaffEventRow[]> {
    return db
      .select()
      .from(appealEvents)
      .where(eq(appealEvents.appealId, appealId))
      .orderBy(asc(appealEvents.at), asc(appealEvents.id));
  },

  async countEvents(db: DbOrTx, appealId: string, kind: string): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(appealEvents)
      .where(and(eq(appealEvents.appealId, appealId), eq(appealEvents.kind, kind)));
    return r?.n ?? 0;
  },

  async questions(db: DbOrTx, appealId: string): Promise<QuestionRow[]> {
    return db
      .select()
      .from(appealQuestions)
      .where(eq(appealQuestions.appealId, appealId))
      .orderBy(asc(appealQuestions.position));
  },

  async replaceQuestions(
    tx: DbOrTx,
    appealId: string,
    rows: { topicCode: string; status: string; measuresTaken: boolean; flags: string[] }[],
    now: Date,
  ): Promise<void> {
    await tx.delete(appealQuestions).where(eq(appealQuestions.appealId, appealId));
    if (rows.length > 0)
      await tx
        .insert(appealQuestions)
        .values(rows.map((r, i) => ({ ...r, appealId, position: i, updatedAt: now })));
  },

  /** Set the ССТУ status of every question still open (forwarded, extended, left without answer). */
  async setOpenQuestionsStatus(tx: DbOrTx, appealId: string, status: string, now: Date): Promise<void> {
    await tx
      .update(appealQuestions)
      .set({ status, updatedAt: now })
      .where(
        and(
          eq(appealQuestions.appealId, appealId),
          inArray(appealQuestions.status, ['in_review', 'extended']),
        ),
      );
  },

  async insertAnswer(tx: DbOrTx, row: typeof appealAnswers.$inferInsert): Promise<AnswerRow> {
    const [res] = await tx.insert(appealAnswers).values(row).returning();
    if (!res) throw new Error('answer insert returned nothing');
    return res;
  },

  async updateAnswer(
    tx: DbOrTx,
    id: string,
    patch: Partial<typeof appealAnswers.$inferInsert>,
  ): Promise<void> {
    await tx.update(appealAnswers).set(patch).where(eq(appealAnswers.id, id));
  },

  /** The appeal's files (the author's, and each answer's by answerId) with their names and sizes. */
  async attachments(db: DbOrTx, appealId: string) {
    return db
      .select({
        fileId: appealAttachments.fileId,
        answerId: appealAttachments.answerId,
        originalName: storedFiles.originalName,
        ext: storedFiles.ext,
        sizeBytes: storedFiles.sizeBytes,
      })
      .from(appealAttachments)
      .innerJoin(storedFiles, eq(storedFiles.id, appealAttachments.fileId))
      .where(eq(appealAttachments.appealId, appealId))
      .orderBy(asc(appealAttachments.position), asc(appealAttachments.createdAt));
  },

  async insertAttachments(tx: DbOrTx, rows: (typeof appealAttachments.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await tx.insert(appealAttachments).values(rows);
  },

  async answers(db: DbOrTx, appealId: string): Promise<AnswerRow[]> {
    return db
      .select()
      .from(appealAnswers)
      .where(eq(appealAnswers.appealId, appealId))
      .orderBy(asc(appealAnswers.createdAt));
  },

  /** People holding one of these roles in the organisation (not disabled), by name. */
  async staffOf(
    db: DbOrTx,
    orgId: string,
    roles: readonly string[],
  ): Promise<{ id: string; displayName: string; email: string; roles: string[] }[]> {
    const rows = await db
      .select({
        id: users.id,
        displayName: users.displayName,
        email: users.email,
        role: roleAssignments.role,
      })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(
        and(
          eq(roleAssignments.orgId, orgId),
          inArray(roleAssignments.role, [...roles]),
          isNull(users.disabledAt),
        ),
      )
      .orderBy(asc(users.displayName));
    const out = new Map<string, { id: string; displayName: string; email: string; roles: string[] }>();
    for (const r of rows) {
      const p = out.get(r.id) ?? { id: r.id, displayName: r.displayName, email: r.email, roles: [] };
      p.roles.push(r.role);
      out.set(r.id, p);
    }
    return [...out.values()];
  },

  async userById(
    db: DbOrTx,
    id: string,
  ): Promise<{ id: string; displayName: string; email: string } | undefined> {
    const [u] = await db
      .select({ id: users.id, displayName: users.displayName, email: users.email })
      .from(users)
      .where(eq(users.id, id));
    return u;
  },

  /** Open appeals due on or before `until` (for reminders), with no reminder of that kind for that deadline yet. */
  async openDueBy(db: DbOrTx, until: string): Promise<StaffAppealRow[]> {
    return db
      .select()
      .from(appeals)
      .where(and(inArray(appeals.status, OPEN_STATUSES), lte(appeals.dueDate, until)))
      .orderBy(asc(appeals.dueDate));
  },

  /** Record a reminder once per (appeal, kind, deadline); false when it was already sent. */
  async claimReminder(
    tx: DbOrTx,
    appealId: string,
    kind: string,
    dueDate: string,
    at: Date,
  ): Promise<boolean> {
    const rows = await tx
      .insert(appealReminders)
      .values({ appealId, kind, dueDate, sentAt: at })
      .onConflictDoNothing()
      .returning({ appealId: appealReminders.appealId });
    return rows.length > 0;
  },

  async setReminderOutbox(tx: DbOrTx, appealId: string, kind: string, dueDate: string, outboxId: string) {
    await tx
      .update(appealReminders)
      .set({ outboxId })
      .where(
        and(
          eq(appealReminders.appealId, appealId),
          eq(appealReminders.kind, kind),
          eq(appealReminders.dueDate, dueDate),
        ),
      );
  },

  /** Open appeals whose deadlines were computed with a year lacking decree data. */
  async openProvisional(tx: DbOrTx): Promise<StaffAppealRow[]> {
    return tx
      .select()
      .from(appeals)
      .where(and(inArray(appeals.status, OPEN_STATUSES), eq(appeals.dueProvisional, true)))
      .for('update');
  },

  /**
   * The monthly report: questions of a body's appeals (59-ФЗ and corruption
   * reports excluded: the ССТУ report is of citizens' appeals) registered in
   * the month, by ТОТК code and ССТУ status.
   */
  async monthlyReport(
    db: DbOrTx,
    orgId: string,
    from: string,
    to: string,
  ): Promise<{ topicCode: string; status: string; measuresTaken: boolean; n: number }[]> {
    const rows = await db
      .select({
        topicCode: appealQuestions.topicCode,
        status: appealQuestions.status,
        measuresTaken: appealQuestions.measuresTaken,
        n: count(),
      })
      .from(appealQuestions)
      .innerJoin(appeals, eq(appeals.id, appealQuestions.appealId))
      .where(
        and(
          eq(appeals.orgId, orgId),
          eq(appeals.type, 'appeal'),
          sql`${appeals.registeredOn} >= ${from}`,
          sql`${appeals.registeredOn} <= ${to}`,
        ),
      )
      .groupBy(appealQuestions.topicCode, appealQuestions.status, appealQuestions.measuresTaken)
      .orderBy(asc(appealQuestions.topicCode));
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },

  /** Appeals of the month with no question classified yet (shown as a warning on the report). */
  async unclassifiedCount(db: DbOrTx, orgId: string, from: string, to: string): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(appeals)
      .where(
        and(
          eq(appeals.orgId, orgId),
          eq(appeals.type, 'appeal'),
          sql`${appeals.registeredOn} >= ${from}`,
          sql`${appeals.registeredOn} <= ${to}`,
          sql`not exists (select 1 from ${appealQuestions} q where q.appeal_id = ${appeals.id})`,
        ),
      );
    return r?.n ?? 0;
  },
};
