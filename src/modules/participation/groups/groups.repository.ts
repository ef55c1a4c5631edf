import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { FollowUpdatesQuery } from '../../search/index.ts';
import { isUuid } from '../consult/consult.repository.ts';
import {
  referenceGroupMembers,
  referenceGroupRatings,
  referenceGroupReferrals,
  referenceGroups,
} from './groups.tables.ts';

export type GroupRow = typeof referenceGroups.$inferSelect;
export type MemberRow = typeof referenceGroupMembers.$inferSelect;
export type RatingRow = typeof referenceGroupRatings.$inferSelect;
export type ReferralRow = typeof referenceGroupReferrals.$inferSelect;
/** A period's summary of a group's ratings (task 2.5). */
export type RatingSummary = { groupId: string; period: string; n: number; channels: number; work: number };

/** Every query of reference groups (tasks 2.1–2.5). */
export const groupsRepository = {
  async insertGroup(db: DbOrTx, row: typeof referenceGroups.$inferInsert): Promise<GroupRow> {
    const [r] = await db.insert(referenceGroups).values(row).returning();
    if (!r) throw new Error('group insert returned nothing');
    return r;
  },

  async updateGroup(
    db: DbOrTx,
    id: string,
    set: Pick<GroupRow, 'name' | 'who' | 'why' | 'how' | 'channels' | 'needsApproval'>,
  ): Promise<void> {
    await db
      .update(referenceGroups)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(referenceGroups.id, id));
  },

  async groupById(db: DbOrTx, id: string): Promise<GroupRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [r] = await db.select().from(referenceGroups).where(eq(referenceGroups.id, id));
    return r;
  },

  async groupsOf(
    db: DbOrTx,
    orgIds: string[] | 'all',
  ): Promise<(GroupRow & { members: number; pending: number })[]> {
    return db
      .select({
        ...groupCols,
        members: sql<number>`(select count(*)::int from reference_group_members m where m.group_id = ${referenceGroups.id} and m.status = 'approved')`,
        pending: sql<number>`(select count(*)::int from reference_group_members m where m.group_id = ${referenceGroups.id} and m.status = 'pending')`,
      })
      .from(referenceGroups)
      .where(
        orgIds === 'all'
          ? undefined
          : orgIds.length === 0
            ? sql`false`
            : inArray(referenceGroups.orgId, orgIds),
      )
      .orderBy(asc(referenceGroups.orgId), asc(referenceGroups.name));
  },

  async membership(db: DbOrTx, groupId: string, userId: string): Promise<MemberRow | undefined> {
    const [r] = await db
      .select()
      .from(referenceGroupMembers)
      .where(and(eq(referenceGroupMembers.groupId, groupId), eq(referenceGroupMembers.userId, userId)));
    return r;
  },

  /** Join, or ask again after a refusal; a second join of a member changes nothing (unique key). */
  async upsertMember(db: DbOrTx, row: typeof referenceGroupMembers.$inferInsert): Promise<MemberRow> {
    const [r] = await db
      .insert(referenceGroupMembers)
      .values(row)
      .onConflictDoUpdate({
        target: [referenceGroupMembers.groupId, referenceGroupMembers.userId],
        set: {
          organisation: row.organisation ?? null,
          status: row.status,
          createdAt: row.createdAt ?? sql`now()`,
          decidedAt: null,
          decidedBy: null,
        },
        setWhere: sql`${referenceGroupMembers.status} = 'rejected'`,
      })
      .returning();
    if (r) return r;
    // already a member or waiting: the row as it is
    const existing = await groupsRepository.membership(db, row.groupId, row.userId);
    if (!existing) throw new Error('membership vanished');
    return existing;
  },

  async memberById(db: DbOrTx, id: string): Promise<MemberRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [r] = await db.select().from(referenceGroupMembers).where(eq(referenceGroupMembers.id, id));
    return r;
  },

  async decideMember(db: DbOrTx, id: string, status: 'approved' | 'rejected', by: string, at: Date) {
    await db
      .update(referenceGroupMembers)
      .set({ status, decidedBy: by, decidedAt: at })
      .where(eq(referenceGroupMembers.id, id));
  },

  async membersOf(db: DbOrTx, groupId: string): Promise<MemberRow[]> {
    return db
      .select()
      .from(referenceGroupMembers)
      .where(eq(referenceGroupMembers.groupId, groupId))
      .orderBy(
        sql`case when ${referenceGroupMembers.status} = 'pending' then 0 else 1 end`,
        asc(referenceGroupMembers.createdAt),
      );
  },

  /** A person's memberships with their groups. */
  async groupsOfUser(db: DbOrTx, userId: string): Promise<{ member: MemberRow; group: GroupRow }[]> {
    return db
      .select({ member: referenceGroupMembers, group: referenceGroups })
      .from(referenceGroupMembers)
      .innerJoin(referenceGroups, eq(referenceGroups.id, referenceGroupMembers.groupId))
      .where(eq(referenceGroupMembers.userId, userId))
      .orderBy(asc(referenceGroups.name));
  },

  /** The bodies whose groups the person is an approved member of. */
  async memberOrgIds(db: DbOrTx, userId: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ orgId: referenceGroups.orgId })
      .from(referenceGroupMembers)
      .innerJoin(referenceGroups, eq(referenceGroups.id, referenceGroupMembers.groupId))
      .where(and(eq(referenceGroupMembers.userId, userId), eq(referenceGroupMembers.status, 'approved')));
    return rows.map((r) => r.orgId);
  },

  /** One rating per member and period: a second one replaces the first. */
  async upsertRating(db: DbOrTx, row: typeof referenceGroupRatings.$inferInsert): Promise<void> {
    await db
      .insert(referenceGroupRatings)
      .values(row)
      .onConflictDoUpdate({
        target: [referenceGroupRatings.groupId, referenceGroupRatings.userId, referenceGroupRatings.period],
        set: { channels: row.channels, work: row.work, comment: row.comment ?? null, createdAt: sql`now()` },
      });
  },

  async ratingOf(
    db: DbOrTx,
    groupId: string,
    userId: string,
    period: string,
  ): Promise<RatingRow | undefined> {
    const [r] = await db
      .select()
      .from(referenceGroupRatings)
      .where(
        and(
          eq(referenceGroupRatings.groupId, groupId),
          eq(referenceGroupRatings.userId, userId),
          eq(referenceGroupRatings.period, period),
        ),
      );
    return r;
  },

  /** Averages per group and period, newest period first. */
  async summaries(db: DbOrTx, groupIds: string[]): Promise<RatingSummary[]> {
    if (groupIds.length === 0) return [];
    return db
      .select({
        groupId: referenceGroupRatings.groupId,
        period: referenceGroupRatings.period,
        n: sql<number>`count(*)::int`,
        channels: sql<number>`round(avg(${referenceGroupRatings.channels}), 1)::float`,
        work: sql<number>`round(avg(${referenceGroupRatings.work}), 1)::float`,
      })
      .from(referenceGroupRatings)
      .where(inArray(referenceGroupRatings.groupId, groupIds))
      .groupBy(referenceGroupRatings.groupId, referenceGroupRatings.period)
      .orderBy(desc(referenceGroupRatings.period));
  },

  /** Members' comments of a period, for staff preparing the summary. */
  async comments(db: DbOrTx, groupId: string, period: string): Promise<string[]> {
    const rows = await db
      .select({ comment: referenceGroupRatings.comment })
      .from(referenceGroupRatings)
      .where(
        and(
          eq(referenceGroupRatings.groupId, groupId),
          eq(referenceGroupRatings.period, period),
          sql`${referenceGroupRatings.comment} is not null`,
        ),
      );
    return rows.map((r) => r.comment as string);
  },

  async insertReferral(db: DbOrTx, row: typeof referenceGroupReferrals.$inferInsert): Promise<ReferralRow> {
    const [r] = await db.insert(referenceGroupReferrals).values(row).returning();
    if (!r) throw new Error('referral insert returned nothing');
    return r;
  },

  /** For following: a group's summaries offered to the public council within (after, until], newest first. */
  async referralsSince(
    db: DbOrTx,
    q: FollowUpdatesQuery,
  ): Promise<{ referral: ReferralRow; group: GroupRow }[]> {
    return db
      .select({ referral: referenceGroupReferrals, group: referenceGroups })
      .from(referenceGroupReferrals)
      .innerJoin(referenceGroups, eq(referenceGroups.id, referenceGroupReferrals.groupId))
      .where(
        and(
          q.id ? eq(referenceGroups.id, q.id) : undefined,
          q.orgId ? eq(referenceGroups.orgId, q.orgId) : undefined,
          q.after ? gt(referenceGroupReferrals.referredAt, q.after) : undefined,
          lte(referenceGroupReferrals.referredAt, q.until),
        ),
      )
      .orderBy(desc(referenceGroupReferrals.referredAt))
      .limit(q.limit);
  },

  async referralsOf(db: DbOrTx, groupIds: string[]): Promise<ReferralRow[]> {
    if (groupIds.length === 0) return [];
    return db
      .select()
      .from(referenceGroupReferrals)
      .where(inArray(referenceGroupReferrals.groupId, groupIds))
      .orderBy(desc(referenceGroupReferrals.referredAt));
  },
};

const groupCols = {
  id: referenceGroups.id,
  orgId: referenceGroups.orgId,
  name: referenceGroups.name,
  who: referenceGroups.who,
  why: referenceGroups.why,
  how: referenceGroups.how,
  channels: referenceGroups.channels,
  needsApproval: referenceGroups.needsApproval,
  createdAt: referenceGroups.createdAt,
  updatedAt: referenceGroups.updatedAt,
};
