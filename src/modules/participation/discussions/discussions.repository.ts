import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { FollowUpdatesQuery } from '../../search/index.ts';
import {
  discussionBans,
  discussionCommentEdits,
  discussionComments,
  discussionParticipants,
  discussionReports,
  discussions,
} from './discussions.tables.ts';

export type DiscussionRow = typeof discussions.$inferSelect;
export type NewDiscussion = typeof discussions.$inferInsert;
export type CommentRow = typeof discussionComments.$inferSelect;
export type ParticipantRow = typeof discussionParticipants.$inferSelect;
export type CommentEditRow = typeof discussionCommentEdits.$inferSelect;

/** A comment with what the page shows of its author: the name when they consented, else their number. */
export type CommentWithAuthor = CommentRow & { shownName: string | null; reports: number };

/** A discussion in a list, with its published comments counted. */
export type DiscussionListItem = DiscussionRow & { comments: number };

/** A comment waiting for a moderator: pending, or reported and not yet decided. */
export type QueueItem = {
  comment: CommentRow;
  discussion: Pick<DiscussionRow, 'id' | 'title' | 'orgId'>;
  reports: { reason: string; createdAt: Date }[];
};

/** Which discussions a moderator works on: every one, or those of some organisations. */
export type OrgScope = string[] | 'all';
const inScope = (scope: OrgScope) =>
  scope === 'all' ? sql`true` : scope.length === 0 ? sql`false` : inArray(discussions.orgId, scope);

/** Every query of the discussion engine. */
export const discussionsRepository = {
  /** undefined when the owner object already has a discussion */
  async insertDiscussion(db: DbOrTx, values: NewDiscussion): Promise<DiscussionRow | undefined> {
    const [row] = await db.insert(discussions).values(values).onConflictDoNothing().returning();
    return row;
  },

  async findById(db: DbOrTx, id: string): Promise<DiscussionRow | undefined> {
    const [row] = await db.select().from(discussions).where(eq(discussions.id, id));
    return row;
  },

  async ofType(db: DbOrTx, objectType: string): Promise<DiscussionRow[]> {
    return db.select().from(discussions).where(eq(discussions.objectType, objectType));
  },

  async findByObject(db: DbOrTx, objectType: string, objectId: string): Promise<DiscussionRow | undefined> {
    const [row] = await db
      .select()
      .from(discussions)
      .where(and(eq(discussions.objectType, objectType), eq(discussions.objectId, objectId)));
    return row;
  },

  /** Discussions of one type (or all), of one organisation (or all), open ones first, newest first. */
  async list(
    db: DbOrTx,
    o: { orgId?: string; objectType?: string; now: Date; limit: number },
  ): Promise<DiscussionListItem[]> {
    const published = sql<number>`(select count(*)::int from discussion_comments c
      where c.discussion_id = ${discussions.id} and c.status = 'published')`;
    const rows = await db
      .select({ d: discussions, comments: published })
      .from(discussions)
      .where(
        and(
          o.orgId ? eq(discussions.orgId, o.orgId) : undefined,
          o.objectType ? eq(discussions.objectType, o.objectType) : undefined,
        ),
      )
      .orderBy(
        sql`(${discussions.closesAt} < ${o.now})`,
        desc(discussions.opensAt),
        desc(discussions.createdAt),
      )
      .limit(o.limit);
    return rows.map((r) => ({ ...r.d, comments: Number(r.comments) }));
  },

  async updateDiscussion(db: DbOrTx, id: string, set: Partial<NewDiscussion>): Promise<void> {
    await db.update(discussions).set(set).where(eq(discussions.id, id));
  },

  async findParticipant(
    db: DbOrTx,
    discussionId: string,
    userId: string,
  ): Promise<ParticipantRow | undefined> {
    const [row] = await db
      .select()
      .from(discussionParticipants)
      .where(
        and(eq(discussionParticipants.discussionId, discussionId), eq(discussionParticipants.userId, userId)),
      );
    return row;
  },

  /**
   * The person's participant row, given the next number when they first take part.
   * The counter's update locks the discussion row, so two first comments never share a number.
   */
  async joinDiscussion(db: DbOrTx, discussionId: string, userId: string, at: Date): Promise<ParticipantRow> {
    const existing = await this.findParticipant(db, discussionId, userId);
    if (existing) return existing;
    const [c] = await db
      .update(discussions)
      .set({ participantCount: sql`${discussions.participantCount} + 1` })
      .where(eq(discussions.id, discussionId))
      .returning({ n: discussions.participantCount });
    if (!c) throw new Error('discussion vanished');
    const [row] = await db
      .insert(discussionParticipants)
      .values({ discussionId, userId, number: c.n, joinedAt: at })
      .onConflictDoNothing()
      .returning();
    return row ?? ((await this.findParticipant(db, discussionId, userId)) as ParticipantRow);
  },

  /** Records (or withdraws, with null) the consent to show the name in this discussion. */
  async setNameConsent(
    db: DbOrTx,
    discussionId: string,
    userId: string,
    consent: { at: Date; name: string } | null,
  ): Promise<void> {
    await db
      .update(discussionParticipants)
      .set({ nameConsentAt: consent?.at ?? null, shownName: consent?.name ?? null })
      .where(
        and(eq(discussionParticipants.discussionId, discussionId), eq(discussionParticipants.userId, userId)),
      );
  },

  async insertComment(db: DbOrTx, values: typeof discussionComments.$inferInsert): Promise<CommentRow> {
    const [row] = await db.insert(discussionComments).values(values).returning();
    if (!row) throw new Error('comment insert returned no row');
    return row;
  },

  async findComment(db: DbOrTx, id: string): Promise<CommentRow | undefined> {
    const [row] = await db.select().from(discussionComments).where(eq(discussionComments.id, id));
    return row;
  },

  /** The comment locked for a change (edit, moderation). */
  async lockComment(db: DbOrTx, id: string): Promise<CommentRow | undefined> {
    const [row] = await db
      .select()
      .from(discussionComments)
      .where(eq(discussionComments.id, id))
      .for('update');
    return row;
  },

  /** A discussion's comments, oldest first, with the author's shown name and open reports. */
  async commentsOf(db: DbOrTx, discussionId: string): Promise<CommentWithAuthor[]> {
    const reports = sql<number>`(select count(*)::int from discussion_reports r
      where r.comment_id = ${discussionComments.id} and r.resolved_at is null)`;
    const rows = await db
      .select({ c: discussionComments, shownName: discussionParticipants.shownName, reports })
      .from(discussionComments)
      .leftJoin(
        discussionParticipants,
        and(
          eq(discussionParticipants.discussionId, discussionComments.discussionId),
          eq(discussionParticipants.userId, discussionComments.authorUserId),
        ),
      )
      .where(eq(discussionComments.discussionId, discussionId))
      .orderBy(asc(discussionComments.createdAt), asc(discussionComments.id));
    return rows.map((r) => ({ ...r.c, shownName: r.shownName, reports: Number(r.reports) }));
  },

  async replaceText(db: DbOrTx, c: CommentRow, text: string, at: Date): Promise<void> {
    await db.insert(discussionCommentEdits).values({ commentId: c.id, previousText: c.text, editedAt: at });
    await db.update(discussionComments).set({ text, editedAt: at }).where(eq(discussionComments.id, c.id));
  },

  async editsOf(db: DbOrTx, commentId: string): Promise<CommentEditRow[]> {
    return db
      .select()
      .from(discussionCommentEdits)
      .where(eq(discussionCommentEdits.commentId, commentId))
      .orderBy(asc(discussionCommentEdits.editedAt));
  },

  /** The person's comments since a moment (any discussion): how many, and how many with this exact text. */
  async recentByAuthor(
    db: DbOrTx,
    userId: string,
    since: Date,
    text: string,
  ): Promise<{ total: number; sameText: number }> {
    const [row] = await db
      .select({
        total: count(),
        sameText: sql<number>`count(*) filter (where lower(${discussionComments.text}) = lower(${text}))::int`,
      })
      .from(discussionComments)
      .where(and(eq(discussionComments.authorUserId, userId), gt(discussionComments.createdAt, since)));
    return { total: Number(row?.total ?? 0), sameText: Number(row?.sameText ?? 0) };
  },

  /** false when this person has already reported this comment */
  async insertReport(db: DbOrTx, values: typeof discussionReports.$inferInsert): Promise<boolean> {
    const r = await db
      .insert(discussionReports)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: discussionReports.id });
    return r.length > 0;
  },

  async openReports(db: DbOrTx, commentId: string) {
    return db
      .select()
      .from(discussionReports)
      .where(and(eq(discussionReports.commentId, commentId), isNull(discussionReports.resolvedAt)))
      .orderBy(asc(discussionReports.createdAt));
  },

  async resolveReports(db: DbOrTx, commentId: string, by: string | null, at: Date): Promise<number> {
    const r = await db
      .update(discussionReports)
      .set({ resolvedAt: at, resolvedBy: by })
      .where(and(eq(discussionReports.commentId, commentId), isNull(discussionReports.resolvedAt)))
      .returning({ id: discussionReports.id });
    return r.length;
  },

  async setModeration(
    db: DbOrTx,
    id: string,
    set: { status: string; hiddenReason: string | null; moderatedBy: string | null; moderatedAt: Date },
  ): Promise<void> {
    await db.update(discussionComments).set(set).where(eq(discussionComments.id, id));
  },

  /** The moderator queue: pending comments and comments with open reports, oldest first. */
  async queue(db: DbOrTx, scope: OrgScope, limit: number): Promise<QueueItem[]> {
    const reported = sql`exists (select 1 from discussion_reports r
      where r.comment_id = ${discussionComments.id} and r.resolved_at is null)`;
    const rows = await db
      .select({
        comment: discussionComments,
        discussion: { id: discussions.id, title: discussions.title, orgId: discussions.orgId },
      })
      .from(discussionComments)
      .innerJoin(discussions, eq(discussions.id, discussionComments.discussionId))
      .where(and(inScope(scope), or(eq(discussionComments.status, 'pending'), reported)))
      .orderBy(asc(discussionComments.createdAt))
      .limit(limit);
    const ids = rows.map((r) => r.comment.id);
    const reports =
      ids.length === 0
        ? []
        : await db
            .select()
            .from(discussionReports)
            .where(and(inArray(discussionReports.commentId, ids), isNull(discussionReports.resolvedAt)))
            .orderBy(asc(discussionReports.createdAt));
    return rows.map((r) => ({
      ...r,
      reports: reports
        .filter((x) => x.commentId === r.comment.id)
        .map((x) => ({ reason: x.reason, createdAt: x.createdAt })),
    }));
  },

  /** How many comments wait (pending) and how many reported ones are undecided. */
  async queueCounts(db: DbOrTx, scope: OrgScope): Promise<{ pending: number; reported: number }> {
    const [row] = await db
      .select({
        pending: sql<number>`count(*) filter (where ${discussionComments.status} = 'pending')::int`,
        reported: sql<number>`count(*) filter (where exists (select 1 from discussion_reports r
          where r.comment_id = ${discussionComments.id} and r.resolved_at is null))::int`,
      })
      .from(discussionComments)
      .innerJoin(discussions, eq(discussions.id, discussionComments.discussionId))
      .where(inScope(scope));
    return { pending: Number(row?.pending ?? 0), reported: Number(row?.reported ?? 0) };
  },

  /**
   * For following: published comments (dated when they became visible: a
   * pre-moderated one when approved) and published outcomes, newest first.
   */
  async followUpdates(
    db: DbOrTx,
    q: FollowUpdatesQuery,
  ): Promise<{
    comments: { id: string; text: string; official: boolean; at: Date; discussion: DiscussionRow }[];
    outcomes: DiscussionRow[];
  }> {
    const at =
      sql<Date>`coalesce(${discussionComments.moderatedAt}, ${discussionComments.createdAt})`.mapWith(
        discussionComments.createdAt,
      );
    const scope = and(
      q.id ? eq(discussions.id, q.id) : undefined,
      q.orgId ? eq(discussions.orgId, q.orgId) : undefined,
    );
    const [comments, outcomes] = await Promise.all([
      db
        .select({
          id: discussionComments.id,
          text: discussionComments.text,
          official: discussionComments.official,
          at,
          discussion: discussions,
        })
        .from(discussionComments)
        .innerJoin(discussions, eq(discussions.id, discussionComments.discussionId))
        .where(
          and(
            scope,
            eq(discussionComments.status, 'published'),
            q.after ? gt(at, q.after) : undefined,
            lte(at, q.until),
          ),
        )
        .orderBy(desc(at))
        .limit(q.limit),
      db
        .select()
        .from(discussions)
        .where(
          and(
            scope,
            isNotNull(discussions.outcomeAt),
            q.after ? gt(discussions.outcomeAt, q.after) : undefined,
            lte(discussions.outcomeAt, q.until),
          ),
        )
        .orderBy(desc(discussions.outcomeAt))
        .limit(q.limit),
    ]);
    return { comments, outcomes };
  },

  /**
   * Figures per body for [from, to): discussions open at some moment of it, and
   * comments published in it by participants (the body's official replies left out).
   */
  async figures(
    db: DbOrTx,
    from: Date,
    to: Date,
    orgIds?: string[],
  ): Promise<{ orgId: string; discussions: number; comments: number }[]> {
    const r = await db.execute<{ orgId: string; discussions: number; comments: number }>(sql`
      select d.org_id as "orgId",
             count(distinct d.id)::int as discussions,
             count(c.id)::int as comments
        from ${discussions} d
        left join ${discussionComments} c
          on c.discussion_id = d.id and c.status = 'published' and not c.official
         and c.created_at >= ${from.toISOString()}::timestamptz and c.created_at < ${to.toISOString()}::timestamptz
       where d.opens_at < ${to.toISOString()}::timestamptz and d.closes_at >= ${from.toISOString()}::timestamptz
         ${orgIds ? sql`and d.org_id in ${orgIds.length ? orgIds : ['00000000-0000-0000-0000-000000000000']}` : sql``}
       group by d.org_id`);
    return r.rows;
  },

  async activeBan(db: DbOrTx, userId: string, now: Date) {
    const [row] = await db
      .select()
      .from(discussionBans)
      .where(and(eq(discussionBans.userId, userId), gt(discussionBans.until, now)))
      .orderBy(desc(discussionBans.until))
      .limit(1);
    return row;
  },

  async insertBan(db: DbOrTx, values: typeof discussionBans.$inferInsert): Promise<void> {
    await db.insert(discussionBans).values(values);
  },
};
