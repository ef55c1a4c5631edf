import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { FollowUpdatesQuery } from '../../search/index.ts';
import {
  participantResidences,
  polls,
  pollVotes,
  surveyParticipants,
  surveyResponses,
  surveys,
} from './polls.tables.ts';

export type PollRow = typeof polls.$inferSelect;
export type PollVoteRow = typeof pollVotes.$inferSelect;
export type SurveyRow = typeof surveys.$inferSelect;
export type SurveyResponseRow = typeof surveyResponses.$inferSelect;
export type ResidenceRow = typeof participantResidences.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const inOrgs = (col: typeof polls.orgId | typeof surveys.orgId, orgIds: string[] | 'all') =>
  orgIds === 'all' ? undefined : orgIds.length === 0 ? sql`false` : inArray(col, orgIds);

/** Is this the unique-key violation of a second vote or answer (SQLSTATE 23505)? */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | undefined;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

/** Every query of polls and surveys (task 8.5). */
export const pollsRepository = {
  async pollById(db: DbOrTx, id: string): Promise<PollRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [r] = await db.select().from(polls).where(eq(polls.id, id));
    return r;
  },

  /** Published polls, newest period first; `orgId` narrows to one body. */
  async publishedPolls(
    db: DbOrTx,
    opts: { orgId?: string; topic?: string; limit?: number },
  ): Promise<PollRow[]> {
    return db
      .select()
      .from(polls)
      .where(
        and(
          isNotNull(polls.publishedAt),
          opts.orgId ? eq(polls.orgId, opts.orgId) : undefined,
          opts.topic ? eq(polls.topic, opts.topic) : undefined,
        ),
      )
      .orderBy(desc(polls.closesOn), desc(polls.createdAt))
      .limit(opts.limit ?? 200);
  },

  async pollsOf(db: DbOrTx, orgIds: string[] | 'all', limit = 500): Promise<PollRow[]> {
    return db
      .select()
      .from(polls)
      .where(inOrgs(polls.orgId, orgIds))
      .orderBy(desc(polls.createdAt))
      .limit(limit);
  },

  /**
   * For following: published polls that opened or closed within (after, until],
   * with the moment of each (a period is whole days in Europe/Kaliningrad), newest first.
   */
  async followEvents(
    db: DbOrTx,
    q: FollowUpdatesQuery,
  ): Promise<{ poll: PollRow; event: 'opened' | 'closed'; at: Date }[]> {
    const opened =
      sql<Date>`greatest(${polls.publishedAt}, ${polls.opensOn}::timestamp at time zone 'Europe/Kaliningrad')`.mapWith(
        polls.createdAt,
      );
    const closed = sql<Date>`(${polls.closesOn} + 1)::timestamp at time zone 'Europe/Kaliningrad'`.mapWith(
      polls.createdAt,
    );
    const of = (at: typeof opened) =>
      db
        .select({ poll: polls, at })
        .from(polls)
        .where(
          and(
            isNotNull(polls.publishedAt),
            q.id ? eq(polls.id, q.id) : undefined,
            q.orgId ? eq(polls.orgId, q.orgId) : undefined,
            q.after ? sql`${at} > ${q.after}` : undefined,
            sql`${at} <= ${q.until}`,
          ),
        )
        .orderBy(desc(at))
        .limit(q.limit);
    const [o, c] = await Promise.all([of(opened), of(closed)]);
    return [
      ...o.map((r) => ({ ...r, event: 'opened' as const })),
      ...c.map((r) => ({ ...r, event: 'closed' as const })),
    ];
  },

  /**
   * Figures per body for [from, to): published polls whose period (local days)
   * meets it, and the votes cast in it (a changed vote counts once, when first cast).
   */
  async figures(
    db: DbOrTx,
    from: Date,
    to: Date,
    orgIds?: string[],
  ): Promise<{ orgId: string; polls: number; votes: number }[]> {
    const r = await db.execute<{ orgId: string; polls: number; votes: number }>(sql`
      select p.org_id as "orgId",
             count(distinct p.id)::int as polls,
             count(v.user_id)::int as votes
        from ${polls} p
        left join ${pollVotes} v
          on v.poll_id = p.id
         and v.created_at >= ${from.toISOString()}::timestamptz and v.created_at < ${to.toISOString()}::timestamptz
       where p.published_at is not null
         and p.opens_on <= ((${to.toISOString()}::timestamptz - interval '1 microsecond') at time zone 'Europe/Kaliningrad')::date
         and p.closes_on >= (${from.toISOString()}::timestamptz at time zone 'Europe/Kaliningrad')::date
         ${orgIds ? sql`and p.org_id in ${orgIds.length ? orgIds : ['00000000-0000-0000-0000-000000000000']}` : sql``}
       group by p.org_id`);
    return r.rows;
  },

  async insertPoll(db: DbOrTx, row: typeof polls.$inferInsert): Promise<PollRow> {
    const [r] = await db.insert(polls).values(row).returning();
    if (!r) throw new Error('poll insert returned nothing');
    return r;
  },

  async updatePoll(db: DbOrTx, id: string, set: Partial<typeof polls.$inferInsert>): Promise<void> {
    await db
      .update(polls)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(polls.id, id));
  },

  async votesCount(db: DbOrTx, pollId: string): Promise<number> {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(pollVotes)
      .where(eq(pollVotes.pollId, pollId));
    return r?.n ?? 0;
  },

  /** The votes per option index and the number of voters, counted in SQL. */
  async tally(db: DbOrTx, pollId: string): Promise<{ voters: number; counts: Map<number, number> }> {
    const { rows } = await db.execute<{ choice: number | null; n: number }>(sql`
      select c as choice, count(*)::int as n
        from poll_votes v cross join lateral unnest(v.choices) c
       where v.poll_id = ${pollId} group by c
      union all
      select null, count(*)::int from poll_votes where poll_id = ${pollId}`);
    const counts = new Map<number, number>();
    let voters = 0;
    for (const r of rows) {
      if (r.choice === null) voters = r.n;
      else counts.set(r.choice, r.n);
    }
    return { voters, counts };
  },

  async voteOf(db: DbOrTx, pollId: string, userId: string): Promise<PollVoteRow | undefined> {
    const [r] = await db
      .select()
      .from(pollVotes)
      .where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.userId, userId)));
    return r;
  },

  /** A new vote; the primary key (poll, person) refuses a second one, also a concurrent one. */
  /** `at`: the clock's moment (the participation figures count votes by it); the database's now() without it. */
  async insertVote(
    db: DbOrTx,
    row: { pollId: string; userId: string; choices: number[]; at?: Date },
  ): Promise<void> {
    const { at, ...vote } = row;
    await db.insert(pollVotes).values(at ? { ...vote, createdAt: at, updatedAt: at } : vote);
  },

  async changeVote(db: DbOrTx, row: { pollId: string; userId: string; choices: number[] }): Promise<number> {
    const r = await db
      .update(pollVotes)
      .set({ choices: row.choices, updatedAt: sql`now()` })
      .where(and(eq(pollVotes.pollId, row.pollId), eq(pollVotes.userId, row.userId)));
    return r.rowCount ?? 0;
  },

  async residencesOf(db: DbOrTx, userId: string): Promise<ResidenceRow[]> {
    return db.select().from(participantResidences).where(eq(participantResidences.userId, userId));
  },

  async saveResidence(
    db: DbOrTx,
    row: { userId: string; source: 'esia' | 'declared'; municipalityOrgId: string; address: string },
  ): Promise<void> {
    await db
      .insert(participantResidences)
      .values(row)
      .onConflictDoUpdate({
        target: [participantResidences.userId, participantResidences.source],
        set: { municipalityOrgId: row.municipalityOrgId, address: row.address, recordedAt: sql`now()` },
      });
  },

  // surveys

  async surveyById(db: DbOrTx, id: string): Promise<SurveyRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [r] = await db.select().from(surveys).where(eq(surveys.id, id));
    return r;
  },

  async publishedSurveys(db: DbOrTx, opts: { orgId?: string; today?: string }): Promise<SurveyRow[]> {
    return db
      .select()
      .from(surveys)
      .where(
        and(
          isNotNull(surveys.publishedAt),
          opts.orgId ? eq(surveys.orgId, opts.orgId) : undefined,
          opts.today ? and(lte(surveys.opensOn, opts.today), gte(surveys.closesOn, opts.today)) : undefined,
        ),
      )
      .orderBy(desc(surveys.closesOn), asc(surveys.title))
      .limit(200);
  },

  async surveysOf(db: DbOrTx, orgIds: string[] | 'all', purpose?: string, limit = 500): Promise<SurveyRow[]> {
    return db
      .select()
      .from(surveys)
      .where(and(inOrgs(surveys.orgId, orgIds), purpose ? eq(surveys.purpose, purpose) : undefined))
      .orderBy(desc(surveys.createdAt))
      .limit(limit);
  },

  async insertSurvey(db: DbOrTx, row: typeof surveys.$inferInsert): Promise<SurveyRow> {
    const [r] = await db.insert(surveys).values(row).returning();
    if (!r) throw new Error('survey insert returned nothing');
    return r;
  },

  async updateSurvey(db: DbOrTx, id: string, set: Partial<typeof surveys.$inferInsert>): Promise<void> {
    await db
      .update(surveys)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(surveys.id, id));
  },

  async responsesCount(db: DbOrTx, surveyId: string): Promise<number> {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, surveyId));
    return r?.n ?? 0;
  },

  async hasAnswered(db: DbOrTx, surveyId: string, userId: string): Promise<boolean> {
    const [r] = await db
      .select({ one: sql`1` })
      .from(surveyParticipants)
      .where(and(eq(surveyParticipants.surveyId, surveyId), eq(surveyParticipants.userId, userId)));
    return r !== undefined;
  },

  /** The participant row first: its primary key refuses a second answer before anything is written. */
  async insertParticipant(db: DbOrTx, surveyId: string, userId: string): Promise<void> {
    await db.insert(surveyParticipants).values({ surveyId, userId });
  },

  async insertResponse(db: DbOrTx, row: typeof surveyResponses.$inferInsert): Promise<void> {
    await db.insert(surveyResponses).values(row);
  },

  async responses(db: DbOrTx, surveyId: string): Promise<SurveyResponseRow[]> {
    return db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, surveyId))
      .orderBy(asc(surveyResponses.answeredOn), asc(surveyResponses.id));
  },
};
