import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { FollowUpdatesQuery } from '../../search/index.ts';
import { chatConversations, chatMessages, consultationQuestions, consultations } from './consult.tables.ts';

export type ConsultationRow = typeof consultations.$inferSelect;
export type QuestionRow = typeof consultationQuestions.$inferSelect;
export type ConversationRow = typeof chatConversations.$inferSelect;
export type ChatMessageRow = typeof chatMessages.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id from an address: anything but a UUID names no row (and never reaches Postgres as one). */
export const isUuid = (v: string) => UUID.test(v);

const inOrgs = (
  col: typeof consultations.orgId | typeof chatConversations.orgId,
  orgIds: string[] | 'all',
) => (orgIds === 'all' ? undefined : orgIds.length === 0 ? sql`false` : inArray(col, orgIds));

/** Every query of consultations (task 8.5) and the consultant chat (task 3.4). */
export const consultRepository = {
  async insertConsultation(db: DbOrTx, row: typeof consultations.$inferInsert): Promise<ConsultationRow> {
    const [r] = await db.insert(consultations).values(row).returning();
    if (!r) throw new Error('consultation insert returned nothing');
    return r;
  },

  async consultationById(db: DbOrTx, id: string): Promise<ConsultationRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [r] = await db.select().from(consultations).where(eq(consultations.id, id));
    return r;
  },

  /** Consultations of some bodies (or all), newest start first, with counts of questions and unanswered ones. */
  async consultationsOf(
    db: DbOrTx,
    orgIds: string[] | 'all',
    limit = 200,
  ): Promise<(ConsultationRow & { questions: number; unanswered: number })[]> {
    return db
      .select({
        ...consultationCols,
        questions: sql<number>`(select count(*)::int from consultation_questions q where q.consultation_id = ${consultations.id} and q.hidden_reason is null)`,
        unanswered: sql<number>`(select count(*)::int from consultation_questions q where q.consultation_id = ${consultations.id} and q.hidden_reason is null and q.answer is null)`,
      })
      .from(consultations)
      .where(inOrgs(consultations.orgId, orgIds))
      .orderBy(desc(consultations.startsAt))
      .limit(limit);
  },

  /** Consultations not over yet at `now` of these bodies, soonest first (the members' block). */
  async upcomingOf(db: DbOrTx, orgIds: string[], now: Date, limit = 20): Promise<ConsultationRow[]> {
    if (orgIds.length === 0) return [];
    return db
      .select()
      .from(consultations)
      .where(and(inArray(consultations.orgId, orgIds), gt(consultations.endsAt, now)))
      .orderBy(asc(consultations.startsAt))
      .limit(limit);
  },

  async questionsOf(db: DbOrTx, consultationId: string): Promise<QuestionRow[]> {
    return db
      .select()
      .from(consultationQuestions)
      .where(eq(consultationQuestions.consultationId, consultationId))
      .orderBy(asc(consultationQuestions.createdAt), asc(consultationQuestions.id));
  },

  /** For following: questions answered within (after, until] and not hidden, newest answer first. */
  async answeredSince(
    db: DbOrTx,
    q: FollowUpdatesQuery,
  ): Promise<{ question: QuestionRow; consultation: ConsultationRow }[]> {
    return db
      .select({ question: consultationQuestions, consultation: consultations })
      .from(consultationQuestions)
      .innerJoin(consultations, eq(consultations.id, consultationQuestions.consultationId))
      .where(
        and(
          q.id ? eq(consultations.id, q.id) : undefined,
          q.orgId ? eq(consultations.orgId, q.orgId) : undefined,
          isNull(consultationQuestions.hiddenReason),
          isNotNull(consultationQuestions.answeredAt),
          q.after ? gt(consultationQuestions.answeredAt, q.after) : undefined,
          lte(consultationQuestions.answeredAt, q.until),
        ),
      )
      .orderBy(desc(consultationQuestions.answeredAt))
      .limit(q.limit);
  },

  /** Figures per body for [from, to): questions answered in it and not hidden. */
  async answeredCounts(
    db: DbOrTx,
    from: Date,
    to: Date,
    orgIds?: string[],
  ): Promise<{ orgId: string; answered: number }[]> {
    const r = await db.execute<{ orgId: string; answered: number }>(sql`
      select c.org_id as "orgId", count(*)::int as answered
        from ${consultationQuestions} q
        join ${consultations} c on c.id = q.consultation_id
       where q.hidden_reason is null
         and q.answered_at >= ${from.toISOString()}::timestamptz and q.answered_at < ${to.toISOString()}::timestamptz
         ${orgIds ? sql`and c.org_id in ${orgIds.length ? orgIds : ['00000000-0000-0000-0000-000000000000']}` : sql``}
       group by c.org_id`);
    return r.rows;
  },

  async questionById(db: DbOrTx, id: string): Promise<QuestionRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [r] = await db.select().from(consultationQuestions).where(eq(consultationQuestions.id, id));
    return r;
  },

  async insertQuestion(db: DbOrTx, row: typeof consultationQuestions.$inferInsert): Promise<QuestionRow> {
    const [r] = await db.insert(consultationQuestions).values(row).returning();
    if (!r) throw new Error('question insert returned nothing');
    return r;
  },

  async answerQuestion(db: DbOrTx, id: string, answer: string, by: string | null, at: Date): Promise<void> {
    await db
      .update(consultationQuestions)
      .set({ answer, answeredBy: by, answeredAt: at })
      .where(eq(consultationQuestions.id, id));
  },

  async hideQuestion(db: DbOrTx, id: string, reason: string): Promise<void> {
    await db
      .update(consultationQuestions)
      .set({ hiddenReason: reason })
      .where(eq(consultationQuestions.id, id));
  },

  /** How many questions a person asked in a consultation since `since` (flood limit). */
  async recentQuestionsBy(db: DbOrTx, consultationId: string, userId: string, since: Date): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(consultationQuestions)
      .where(
        and(
          eq(consultationQuestions.consultationId, consultationId),
          eq(consultationQuestions.authorUserId, userId),
          gt(consultationQuestions.createdAt, since),
        ),
      );
    return r?.n ?? 0;
  },

  // Chat

  async insertConversation(db: DbOrTx, row: typeof chatConversations.$inferInsert): Promise<ConversationRow> {
    const [r] = await db.insert(chatConversations).values(row).returning();
    if (!r) throw new Error('conversation insert returned nothing');
    return r;
  },

  async conversationById(db: DbOrTx, id: string): Promise<ConversationRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [r] = await db.select().from(chatConversations).where(eq(chatConversations.id, id));
    return r;
  },

  /** The row locked for an answer, so two consultants answering at once are serialised. */
  async lockConversation(db: DbOrTx, id: string): Promise<ConversationRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [r] = await db.select().from(chatConversations).where(eq(chatConversations.id, id)).for('update');
    return r;
  },

  async setConversation(
    db: DbOrTx,
    id: string,
    set: Partial<Pick<ConversationRow, 'status' | 'lastMessageAt'>>,
  ): Promise<void> {
    await db.update(chatConversations).set(set).where(eq(chatConversations.id, id));
  },

  async insertMessage(db: DbOrTx, row: typeof chatMessages.$inferInsert): Promise<ChatMessageRow> {
    const [r] = await db.insert(chatMessages).values(row).returning();
    if (!r) throw new Error('message insert returned nothing');
    return r;
  },

  async messagesOf(db: DbOrTx, conversationId: string): Promise<ChatMessageRow[]> {
    return db
      .select()
      .from(chatMessages)
      .where(eq(chatMessages.conversationId, conversationId))
      .orderBy(asc(chatMessages.createdAt), asc(chatMessages.id));
  },

  /** The staff queue: conversations of these bodies, waiting ones first, oldest wait first. */
  async queue(db: DbOrTx, orgIds: string[] | 'all', limit = 200): Promise<ConversationRow[]> {
    return db
      .select()
      .from(chatConversations)
      .where(and(inOrgs(chatConversations.orgId, orgIds), sql`${chatConversations.status} <> 'closed'`))
      .orderBy(
        sql`case when ${chatConversations.status} = 'waiting' then 0 else 1 end`,
        asc(chatConversations.lastMessageAt),
      )
      .limit(limit);
  },

  /** Waiting conversations per body, for the counts on /manage/chat. */
  async waitingCounts(db: DbOrTx, orgIds: string[] | 'all'): Promise<{ orgId: string; waiting: number }[]> {
    return db
      .select({ orgId: chatConversations.orgId, waiting: sql<number>`count(*)::int` })
      .from(chatConversations)
      .where(and(inOrgs(chatConversations.orgId, orgIds), eq(chatConversations.status, 'waiting')))
      .groupBy(chatConversations.orgId);
  },

  /** A person's messages since `since` across conversations (flood limit). */
  async recentMessagesBy(db: DbOrTx, userId: string, since: Date): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(chatMessages)
      .where(
        and(
          eq(chatMessages.authorUserId, userId),
          eq(chatMessages.fromStaff, false),
          gt(chatMessages.createdAt, since),
        ),
      );
    return r?.n ?? 0;
  },

  async conversationsOfUser(db: DbOrTx, userId: string): Promise<ConversationRow[]> {
    return db
      .select()
      .from(chatConversations)
      .where(eq(chatConversations.userId, userId))
      .orderBy(desc(chatConversations.lastMessageAt))
      .limit(50);
  },
};

const consultationCols = {
  id: consultations.id,
  orgId: consultations.orgId,
  topic: consultations.topic,
  description: consultations.description,
  officialId: consultations.officialId,
  officialName: consultations.officialName,
  officialPosition: consultations.officialPosition,
  startsAt: consultations.startsAt,
  endsAt: consultations.endsAt,
  createdBy: consultations.createdBy,
  createdAt: consultations.createdAt,
};
