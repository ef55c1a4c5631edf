import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { settings } from '../../platform/db/settings.tables.ts';
import { storedFiles } from '../../platform/files/files.tables.ts';
import { outbox } from '../../platform/mail/mail.tables.ts';
import {
  appealAnswers,
  appealAttachments,
  appealCosigners,
  appealCounters,
  appealEvents,
  appealRatings,
  appeals,
} from './appeals.tables.ts';

export type AppealRow = typeof appeals.$inferSelect;
export type AppealInsert = typeof appeals.$inferInsert;
export type AppealEventRow = typeof appealEvents.$inferSelect;
export type AppealAnswerRow = typeof appealAnswers.$inferSelect;
export type AppealRatingRow = typeof appealRatings.$inferSelect;
export type CosignerRow = typeof appealCosigners.$inferSelect;

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

/** Every query of the appeals module. */
export const appealsRepository = {
  /** A settings row's JSON value, or undefined when the row is missing. */
  async setting(db: DbOrTx, key: string): Promise<unknown> {
    const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
    return row?.value;
  },

  async putSetting(db: DbOrTx, key: string, value: unknown): Promise<void> {
    await db
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  },

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

  async findById(db: DbOrTx, id: string): Promise<AppealRow | undefined> {
    const [row] = await db.select().from(appeals).where(eq(appeals.id, id));
    return row;
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
};
