import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { storedFiles } from '../../platform/files/files.tables.ts';
import { outbox } from '../../platform/mail/mail.tables.ts';
import { openStatuses } from './appeals.model.ts';
import {
  appealAnswers,
  appealAttachments,
  appealComments,
  appealCosigners,
  appealCounters,
  appealDrafts,
  appealEvents,
  appealQuestions,
  appealRatings,
  appealReminders,
  appeals,
} from './appeals.tables.ts';

export type AppealRow = typeof appeals.$inferSelect;
export type AppealDraftRow = typeof appealDrafts.$inferSelect;
export type AppealInsert = typeof appeals.$inferInsert;
export type AppealEventRow = typeof appealEvents.$inferSelect;
export type AppealAnswerRow = typeof appealAnswers.$inferSelect;
export type AppealRatingRow = typeof appealRatings.$inferSelect;
export type AppealQuestionRow = typeof appealQuestions.$inferSelect;
export type CosignerRow = typeof appealCosigners.$inferSelect;
export type AppealCommentRow = typeof appealComments.$inferSelect;

/** An event with the state of the notice it sent (null when it sent none). */
export type EventWithNotice = AppealEventRow & { noticeSentAt: Date | null; noticeQueued: boolean };

/** An attachment with its stored file's name, type and size. */
export type AttachmentWithFile = {
  id: string;
  fileId: string;
  answerId: string | null;
  originalName: string;
  ext: string;
  mediaType: string;
  sizeBytes: number;
};

/** Which organisations' appeals the person may see: by type, 'all' for administrators. */
export type Visibility = { workerOrgs: string[] | 'all'; corruptionOrgs: string[] | 'all' };

export type QueueFilter = {
  status?: string | undefined;
  /** only the appeals the body still owes an answer to */
  open?: boolean | undefined;
  orgId?: string | undefined;
  /** a user id, or 'none' for unassigned */
  officer?: string | undefined;
  /** a ТОТК code or its prefix (section, theme, topic) */
  topic?: string | undefined;
  /** open and due within this many calendar days of today (overdue included) */
  dueWithin?: number | undefined;
  overdue?: boolean | undefined;
  type?: string | undefined;
  /** only complaints of obstructed public control (concept task 6.5) */
  obstruction?: boolean | undefined;
};

/** The queue's sortable columns (an allow-list: the key never reaches SQL as text). */
export const queueSortKeys = ['due', 'registered', 'number', 'status'] as const;
export type QueueSort = { key: (typeof queueSortKeys)[number]; dir: 'asc' | 'desc' };

/** A queue row: the appeal without its text, with the subject or the text's opening instead. */
export type QueueRow = Omit<AppealRow, 'text'> & { excerpt: string };

const OPEN_STATUSES = [...openStatuses];

/**
 * Which rows the person may see: of `appeals` by default, or of a table that keeps its body and
 * whether it is a corruption report in other columns (the queue's kept counts).
 */
function visibleWhere(
  v: Visibility,
  cols: { org: SQLWrapper; isCorruption: SQL; notCorruption: SQL } = {
    org: appeals.orgId,
    isCorruption: eq(appeals.type, 'corruption_report'),
    notCorruption: ne(appeals.type, 'corruption_report'),
  },
): SQL | undefined {
  const part = (orgs: string[] | 'all', corruption: boolean): SQL | undefined => {
    const typeCond = corruption ? cols.isCorruption : cols.notCorruption;
    if (orgs === 'all') return typeCond;
    if (orgs.length === 0) return undefined;
    return and(typeCond, inArray(cols.org, orgs));
  };
  const parts = [part(v.workerOrgs, false), part(v.corruptionOrgs, true)].filter(Boolean) as SQL[];
  if (parts.length === 0) return sql`false`;
  return or(...parts);
}

function filterWhere(f: QueueFilter, today: string, withStatus: boolean): SQL[] {
  const w: SQL[] = [];
  if (withStatus && f.status) w.push(eq(appeals.status, f.status));
  if (withStatus && f.open) w.push(inArray(appeals.status, OPEN_STATUSES));
  if (f.orgId) w.push(eq(appeals.orgId, f.orgId));
  if (f.type) w.push(eq(appeals.type, f.type));
  if (f.obstruction) w.push(isNotNull(appeals.obstructionKind));
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

/**
 * Every query of the appeal and the tables that hang off it (cosigners, events,
 * attachments, questions, answers, ratings, reminders, the number counters):
 * registration, the citizen's cabinet, the staff queue and actions, reminders,
 * deadline recomputation and the monthly report. FAQ items and reviews are in
 * `public.repository.ts`, the public statistics in `stats/stats.repository.ts`.
 */
export const appealsRepository = {
  /**
   * The next number in a body's yearly sequence. The counter row stays locked
   * until the caller's transaction ends, so concurrent registrations queue and
   * a rollback gives the number back: the sequence has no gaps.
   */
  async nextSequence(tx: DbOrTx, orgId: string, year: number): Promise<number> {
    const [row] = await tx
      .insert(appealCounters)
      .values({ orgId, year, lastSequence: 1 })
      .onConflictDoUpdate({
        target: [appealCounters.orgId, appealCounters.year],
        set: { lastSequence: sql`${appealCounters.lastSequence} + 1` },
      })
      .returning({ seq: appealCounters.lastSequence });
    if (!row) throw new Error('appeal counter returned nothing');
    return row.seq;
  },

  async insert(tx: DbOrTx, row: AppealInsert): Promise<AppealRow> {
    const [res] = await tx.insert(appeals).values(row).returning();
    if (!res) throw new Error('appeal insert returned nothing');
    return res;
  },

  async insertCosigners(tx: DbOrTx, rows: (typeof appealCosigners.$inferInsert)[]): Promise<void> {
    if (rows.length) await tx.insert(appealCosigners).values(rows);
  },

  async insertAttachments(tx: DbOrTx, rows: (typeof appealAttachments.$inferInsert)[]): Promise<void> {
    if (rows.length) await tx.insert(appealAttachments).values(rows);
  },

  async insertEvent(tx: DbOrTx, row: typeof appealEvents.$inferInsert): Promise<AppealEventRow> {
    const [res] = await tx.insert(appealEvents).values(row).returning();
    if (!res) throw new Error('appeal event insert returned nothing');
    return res;
  },

  async findByIdempotencyKey(db: DbOrTx, authorUserId: string, key: string): Promise<AppealRow | undefined> {
    const [row] = await db
      .select()
      .from(appeals)
      .where(and(eq(appeals.authorUserId, authorUserId), eq(appeals.idempotencyKey, key)));
    return row;
  },

  async findByNumber(db: DbOrTx, number: string): Promise<AppealRow | undefined> {
    const [row] = await db.select().from(appeals).where(eq(appeals.number, number));
    return row;
  },

  /** Is there any complaint of obstructed public control (the demo seed's idempotence)? */
  async hasObstructionComplaints(db: DbOrTx): Promise<boolean> {
    const [row] = await db
      .select({ id: appeals.id })
      .from(appeals)
      .where(isNotNull(appeals.obstructionKind))
      .limit(1);
    return row !== undefined;
  },

  async findById(db: DbOrTx, id: string): Promise<AppealRow | undefined> {
    const [row] = await db.select().from(appeals).where(eq(appeals.id, id));
    return row;
  },

  /** The complaints that dispute this appeal's answer (issue 10), oldest first. */
  async disputedBy(
    db: DbOrTx,
    appealId: string,
  ): Promise<{ id: string; number: string; orgId: string; registeredOn: string }[]> {
    return db
      .select({
        id: appeals.id,
        number: appeals.number,
        orgId: appeals.orgId,
        registeredOn: appeals.registeredOn,
      })
      .from(appeals)
      .where(eq(appeals.disputesAppealId, appealId))
      .orderBy(asc(appeals.registeredAt));
  },

  /** A citizen's own appeals, newest first. */
  async listByAuthor(
    db: DbOrTx,
    authorUserId: string,
    page: { limit: number; offset: number },
  ): Promise<{ rows: AppealRow[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      db
        .select()
        .from(appeals)
        .where(eq(appeals.authorUserId, authorUserId))
        .orderBy(desc(appeals.registeredAt), desc(appeals.sequence))
        .limit(page.limit)
        .offset(page.offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(appeals)
        .where(eq(appeals.authorUserId, authorUserId)),
    ]);
    return { rows, total: count?.n ?? 0 };
  },

  /** Events oldest first, with whether the notice each sent has gone out. */
  async events(
    db: DbOrTx,
    appealId: string,
    opts: { authorOnly?: boolean } = {},
  ): Promise<EventWithNotice[]> {
    const rows = await db
      .select({ e: appealEvents, sentAt: outbox.sentAt, outboxRow: outbox.id })
      .from(appealEvents)
      .leftJoin(outbox, eq(outbox.id, appealEvents.outboxId))
      .where(
        opts.authorOnly
          ? and(eq(appealEvents.appealId, appealId), eq(appealEvents.visibleToAuthor, true))
          : eq(appealEvents.appealId, appealId),
      )
      .orderBy(asc(appealEvents.at), asc(appealEvents.id));
    return rows.map((r) => ({ ...r.e, noticeSentAt: r.sentAt, noticeQueued: r.outboxRow !== null }));
  },

  async cosigners(db: DbOrTx, appealId: string): Promise<CosignerRow[]> {
    return db
      .select()
      .from(appealCosigners)
      .where(eq(appealCosigners.appealId, appealId))
      .orderBy(asc(appealCosigners.position));
  },

  async attachments(db: DbOrTx, appealId: string): Promise<AttachmentWithFile[]> {
    return db
      .select({
        id: appealAttachments.id,
        fileId: appealAttachments.fileId,
        answerId: appealAttachments.answerId,
        originalName: storedFiles.originalName,
        ext: storedFiles.ext,
        mediaType: storedFiles.mediaType,
        sizeBytes: storedFiles.sizeBytes,
      })
      .from(appealAttachments)
      .innerJoin(storedFiles, eq(storedFiles.id, appealAttachments.fileId))
      .where(eq(appealAttachments.appealId, appealId))
      .orderBy(asc(appealAttachments.position), asc(appealAttachments.createdAt));
  },

  /** Stored files uploaded by this person that are not attached to anything yet, by id. */
  async ownUnattachedFiles(
    db: DbOrTx,
    userId: string,
    ids: string[],
  ): Promise<{ id: string; originalName: string; ext: string; sizeBytes: number }[]> {
    if (!ids.length) return [];
    return db
      .select({
        id: storedFiles.id,
        originalName: storedFiles.originalName,
        ext: storedFiles.ext,
        sizeBytes: storedFiles.sizeBytes,
      })
      .from(storedFiles)
      .leftJoin(appealAttachments, eq(appealAttachments.fileId, storedFiles.id))
      .where(
        and(inArray(storedFiles.id, ids), eq(storedFiles.uploadedBy, userId), isNull(appealAttachments.id)),
      );
  },

  /** Answers that have been sent to the citizen, oldest first. */
  async sentAnswers(db: DbOrTx, appealId: string): Promise<AppealAnswerRow[]> {
    return db
      .select()
      .from(appealAnswers)
      .where(and(eq(appealAnswers.appealId, appealId), eq(appealAnswers.status, 'sent')))
      .orderBy(asc(appealAnswers.sentAt));
  },

  async rating(db: DbOrTx, appealId: string, userId: string): Promise<AppealRatingRow | undefined> {
    const [row] = await db
      .select()
      .from(appealRatings)
      .where(and(eq(appealRatings.appealId, appealId), eq(appealRatings.userId, userId)));
    return row;
  },

  /** Insert a rating; false when this person has already rated the appeal. */
  async insertRating(tx: DbOrTx, row: typeof appealRatings.$inferInsert): Promise<boolean> {
    const res = await tx
      .insert(appealRatings)
      .values(row)
      .onConflictDoNothing({ target: [appealRatings.appealId, appealRatings.userId] })
      .returning({ id: appealRatings.id });
    return res.length > 0;
  },

  /** Whether the registration notice (the outbox row of the 'registered' event's notice) is still unsent. */
  async registrationNoticePending(db: DbOrTx, appealId: string): Promise<boolean> {
    const [row] = await db
      .select({ sentAt: outbox.sentAt })
      .from(appealEvents)
      .innerJoin(outbox, eq(outbox.id, appealEvents.outboxId))
      .where(and(eq(appealEvents.appealId, appealId), eq(appealEvents.kind, 'registered')));
    return row ? row.sentAt === null : false;
  },

  /** Lock the row for an action, so two staff actions on one appeal run one after the other. */
  async lockById(tx: DbOrTx, id: string): Promise<AppealRow | undefined> {
    const [row] = await tx.select().from(appeals).where(eq(appeals.id, id)).for('update');
    return row;
  },

  /**
   * A page of the queue and the total. By default open appeals first, the
   * earliest deadline (so the overdue) first; another allow-listed column when asked.
   */
  async queue(
    db: DbOrTx,
    v: Visibility,
    f: QueueFilter,
    today: string,
    page: { limit: number; offset: number },
    sort: QueueSort = { key: 'due', dir: 'asc' },
  ): Promise<QueueRow[]> {
    const where = and(visibleWhere(v), ...filterWhere(f, today, true));
    const { text: _text, ...columns } = getTableColumns(appeals);
    const by = sort.dir === 'desc' ? desc : asc;
    // When the filter already keeps only open appeals, «open first» is constant: left out, the order
    // is the partial index appeals_org_open_due_idx's own, so a page reads its 50 rows, not the backlog.
    // Likewise with one status chosen: appeals_org_queue_idx (org_id, status, due_date, …) gives the order.
    const onlyOpen = f.open || f.overdue || f.dueWithin !== undefined || Boolean(f.status);
    const order: SQL[] =
      sort.key === 'due'
        ? [
            ...(onlyOpen ? [] : [sql`case when ${inArray(appeals.status, OPEN_STATUSES)} then 0 else 1 end`]),
            by(appeals.dueDate),
          ]
        : sort.key === 'registered'
          ? [by(appeals.registeredAt)]
          : sort.key === 'number'
            ? [by(appeals.year), by(appeals.sequence)]
            : [by(appeals.status), asc(appeals.dueDate)];
    return db
      .select({
        ...columns,
        excerpt: sql<string>`coalesce(nullif(${appeals.subject}, ''), left(${appeals.text}, 140))`,
      })
      .from(appeals)
      .where(where)
      .orderBy(...order, asc(appeals.dueDate), asc(appeals.number))
      .limit(page.limit)
      .offset(page.offset);
  },

  /** Fold the counts' deltas into their base rows (the job appeals.figures.refresh); returns how many deltas. */
  async foldStatusDeltas(db: DbOrTx): Promise<number> {
    return db.transaction(async (tx) => {
      const lock = (
        await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('appeal_status_fold')) as ok`)
      ).rows[0] as { ok: boolean } | undefined;
      if (!lock?.ok) return 0;
      const r = await tx.execute(sql`
        with d as (delete from appeal_status_deltas returning org_id, corruption, status, n),
        s as (select org_id, corruption, status, sum(n)::int as n from d group by 1, 2, 3),
        folded as (
          insert into appeal_status_counts as c (org_id, corruption, status, n)
          select org_id, corruption, status, n from s order by 1, 2, 3
          on conflict (org_id, corruption, status) do update set n = c.n + excluded.n
          returning 1
        )
        select (select count(*) from d)::int as n`);
      await tx.execute(sql`delete from appeal_status_counts where n = 0`);
      return Number((r.rows[0] as { n: number } | undefined)?.n ?? 0);
    });
  },

  /**
   * The number of appeals `queue` pages through, from the counts by status under the same other
   * filters (queueCounts): no second count over the backlog.
   */
  queueTotal(counts: { byStatus: Record<string, number> }, f: QueueFilter): number {
    let total = 0;
    for (const [status, n] of Object.entries(counts.byStatus)) {
      if (f.status && status !== f.status) continue;
      if (f.open && !OPEN_STATUSES.includes(status as (typeof OPEN_STATUSES)[number])) continue;
      total += n;
    }
    return total;
  },

  /** Counts by status under the other filters, and the overdue count. */
  async queueCounts(
    db: DbOrTx,
    v: Visibility,
    f: QueueFilter,
    today: string,
  ): Promise<{ byStatus: Record<string, number>; overdue: number }> {
    if (!f.officer && !f.topic && !f.type && !f.obstruction && f.dueWithin === undefined && !f.overdue) {
      // the queue as it opens (a body, a status): the kept counts, and the overdue from the open items' index
      const kept = and(
        visibleWhere(v, {
          org: sql`org_id`,
          isCorruption: sql`corruption`,
          notCorruption: sql`not corruption`,
        }),
        f.orgId ? sql`org_id = ${f.orgId}` : undefined,
      );
      const rows = (
        await db.execute(sql`
        select status, sum(n)::int as n from (
          select status, n from appeal_status_counts where ${kept}
          union all
          select status, n from appeal_status_deltas where ${kept}
        ) x group by status having sum(n) <> 0`)
      ).rows as { status: string; n: number }[];
      const [late] = await db
        .select({ n: count() })
        .from(appeals)
        .where(
          and(
            visibleWhere(v),
            f.orgId ? eq(appeals.orgId, f.orgId) : undefined,
            inArray(appeals.status, OPEN_STATUSES),
            lt(appeals.dueDate, today),
          ),
        );
      return {
        byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
        overdue: late?.n ?? 0,
      };
    }
    const where = and(visibleWhere(v), ...filterWhere(f, today, false));
    const rows = await db
      .select({
        status: appeals.status,
        n: count(),
        overdue: sql<number>`count(*) filter (where ${appeals.dueDate} < ${today} and ${appeals.status} in ('registered','in_review','extended','awaiting_signature','answer_signed'))::int`,
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

  async countEvents(db: DbOrTx, appealId: string, kind: string): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(appealEvents)
      .where(and(eq(appealEvents.appealId, appealId), eq(appealEvents.kind, kind)));
    return r?.n ?? 0;
  },

  async questions(db: DbOrTx, appealId: string): Promise<AppealQuestionRow[]> {
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

  /** Add a ССТУ flag (e.g. 'late') to the questions still open. */
  async flagOpenQuestions(tx: DbOrTx, appealId: string, flag: string, now: Date): Promise<void> {
    await tx
      .update(appealQuestions)
      .set({
        flags: sql`(select coalesce(jsonb_agg(distinct f), '[]'::jsonb) from jsonb_array_elements_text(${appealQuestions.flags} || ${JSON.stringify([flag])}::jsonb) f)`,
        updatedAt: now,
      })
      .where(
        and(
          eq(appealQuestions.appealId, appealId),
          inArray(appealQuestions.status, ['in_review', 'extended']),
        ),
      );
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

  async insertAnswer(tx: DbOrTx, row: typeof appealAnswers.$inferInsert): Promise<AppealAnswerRow> {
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

  /** Staff's internal comments on an appeal, oldest first (never read by the citizen's side). */
  async comments(db: DbOrTx, appealId: string): Promise<AppealCommentRow[]> {
    return db
      .select()
      .from(appealComments)
      .where(eq(appealComments.appealId, appealId))
      .orderBy(asc(appealComments.createdAt), asc(appealComments.id));
  },

  async insertComment(tx: DbOrTx, row: typeof appealComments.$inferInsert): Promise<AppealCommentRow> {
    const [res] = await tx.insert(appealComments).values(row).returning();
    if (!res) throw new Error('comment insert returned nothing');
    return res;
  },

  async answers(db: DbOrTx, appealId: string): Promise<AppealAnswerRow[]> {
    return db
      .select()
      .from(appealAnswers)
      .where(eq(appealAnswers.appealId, appealId))
      .orderBy(asc(appealAnswers.createdAt));
  },

  /** Open appeals due on or before `until` (for reminders), with no reminder of that kind for that deadline yet. */
  async openDueBy(db: DbOrTx, until: string): Promise<AppealRow[]> {
    return db
      .select()
      .from(appeals)
      .where(and(inArray(appeals.status, OPEN_STATUSES), lte(appeals.dueDate, until)))
      .orderBy(asc(appeals.dueDate));
  },

  /** Appeals not yet decided on (registered or in review) whose 7-day notice date falls in [from, until]. */
  async undecidedNoticeDueBetween(db: DbOrTx, from: string, until: string): Promise<AppealRow[]> {
    return db
      .select()
      .from(appeals)
      .where(
        and(
          inArray(appeals.status, ['registered', 'in_review']),
          gte(appeals.noticeDueDate, from),
          lte(appeals.noticeDueDate, until),
        ),
      )
      .orderBy(asc(appeals.noticeDueDate));
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

  /**
   * Open appeals whose deadlines may depend on a day of `year`: registered in
   * that year or the one before (no deadline runs longer than a year), locked.
   */
  async openDependingOnYear(tx: DbOrTx, year: number): Promise<AppealRow[]> {
    return tx
      .select()
      .from(appeals)
      .where(
        and(
          inArray(appeals.status, OPEN_STATUSES),
          gte(appeals.registeredOn, `${year - 1}-01-01`),
          lte(appeals.registeredOn, `${year}-12-31`),
        ),
      )
      .orderBy(asc(appeals.registeredOn))
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

  // Drafts: each query names the author, so one person never reads or changes another's.

  async insertDraft(
    db: DbOrTx,
    row: Pick<
      typeof appealDrafts.$inferInsert,
      'authorUserId' | 'type' | 'values' | 'fileIds' | 'createdAt' | 'updatedAt'
    >,
  ): Promise<AppealDraftRow> {
    const [d] = await db.insert(appealDrafts).values(row).returning();
    if (!d) throw new Error('draft not inserted');
    return d;
  },

  async updateOwnDraft(
    db: DbOrTx,
    id: string,
    authorUserId: string,
    patch: Pick<AppealDraftRow, 'type' | 'values' | 'fileIds' | 'updatedAt'>,
  ): Promise<AppealDraftRow | undefined> {
    const [d] = await db
      .update(appealDrafts)
      .set(patch)
      .where(and(eq(appealDrafts.id, id), eq(appealDrafts.authorUserId, authorUserId)))
      .returning();
    return d;
  },

  async findOwnDraft(db: DbOrTx, id: string, authorUserId: string): Promise<AppealDraftRow | undefined> {
    const [d] = await db
      .select()
      .from(appealDrafts)
      .where(and(eq(appealDrafts.id, id), eq(appealDrafts.authorUserId, authorUserId)));
    return d;
  },

  async listOwnDrafts(db: DbOrTx, authorUserId: string): Promise<AppealDraftRow[]> {
    return db
      .select()
      .from(appealDrafts)
      .where(eq(appealDrafts.authorUserId, authorUserId))
      .orderBy(desc(appealDrafts.updatedAt))
      .limit(50);
  },

  async deleteOwnDraft(db: DbOrTx, id: string, authorUserId: string): Promise<boolean> {
    const gone = await db
      .delete(appealDrafts)
      .where(and(eq(appealDrafts.id, id), eq(appealDrafts.authorUserId, authorUserId)))
      .returning({ id: appealDrafts.id });
    return gone.length > 0;
  },
};
