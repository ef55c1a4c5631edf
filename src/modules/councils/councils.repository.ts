import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import {
  councilAgendaItems,
  councilApplications,
  councilAssessments,
  councilCallCriteria,
  councilCalls,
  councilConclusions,
  councilDecisions,
  councilMeetings,
  councilMembers,
  councilOpinionRequests,
  councilPoolMembers,
  councilRecusals,
  councilRegistrations,
  councilScores,
  councils,
} from './councils.tables.ts';

export type CouncilRow = typeof councils.$inferSelect;
export type MemberRow = typeof councilMembers.$inferSelect;
export type CallRow = typeof councilCalls.$inferSelect;
export type CriterionRow = typeof councilCallCriteria.$inferSelect;
export type ApplicationRow = typeof councilApplications.$inferSelect;
export type ScoreRow = typeof councilScores.$inferSelect;
export type RecusalRow = typeof councilRecusals.$inferSelect;
export type PoolMemberRow = typeof councilPoolMembers.$inferSelect;
export type OpinionRequestRow = typeof councilOpinionRequests.$inferSelect;
export type MeetingRow = typeof councilMeetings.$inferSelect;
export type AgendaItemRow = typeof councilAgendaItems.$inferSelect;
export type RegistrationRow = typeof councilRegistrations.$inferSelect;
export type DecisionRow = typeof councilDecisions.$inferSelect;
export type ConclusionRow = typeof councilConclusions.$inferSelect;
export type AssessmentRow = typeof councilAssessments.$inferSelect;

const first = <T>(rows: T[]): T | undefined => rows[0];

/** Every query of the councils module. */
export const councilsRepository = {
  // Councils
  async insertCouncil(db: DbOrTx, v: typeof councils.$inferInsert): Promise<CouncilRow> {
    return first(await db.insert(councils).values(v).returning()) as CouncilRow;
  },
  async updateCouncil(db: DbOrTx, id: string, v: Partial<typeof councils.$inferInsert>): Promise<void> {
    await db.update(councils).set(v).where(eq(councils.id, id));
  },
  async findCouncil(db: DbOrTx, id: string): Promise<CouncilRow | undefined> {
    return first(await db.select().from(councils).where(eq(councils.id, id)));
  },
  async councilsOfOrg(db: DbOrTx, orgId: string): Promise<CouncilRow[]> {
    return db
      .select()
      .from(councils)
      .where(eq(councils.orgId, orgId))
      .orderBy(asc(councils.kind), asc(councils.nameRu));
  },
  async listCouncils(db: DbOrTx, orgIds?: string[]): Promise<CouncilRow[]> {
    if (orgIds && orgIds.length === 0) return [];
    return db
      .select()
      .from(councils)
      .where(orgIds ? inArray(councils.orgId, orgIds) : undefined)
      .orderBy(asc(councils.kind), asc(councils.nameRu));
  },
  async councilsOfKind(db: DbOrTx, kind: string): Promise<CouncilRow[]> {
    return db.select().from(councils).where(eq(councils.kind, kind));
  },

  // Members
  async insertMember(db: DbOrTx, v: typeof councilMembers.$inferInsert): Promise<MemberRow> {
    return first(await db.insert(councilMembers).values(v).returning()) as MemberRow;
  },
  async findMember(db: DbOrTx, id: string): Promise<MemberRow | undefined> {
    return first(await db.select().from(councilMembers).where(eq(councilMembers.id, id)));
  },
  async endMember(db: DbOrTx, id: string, endedOn: string, endReason: string): Promise<void> {
    await db.update(councilMembers).set({ endedOn, endReason }).where(eq(councilMembers.id, id));
  },
  async membersOf(db: DbOrTx, councilId: string): Promise<MemberRow[]> {
    return db
      .select()
      .from(councilMembers)
      .where(eq(councilMembers.councilId, councilId))
      .orderBy(
        sql`case ${councilMembers.position} when 'chair' then 0 when 'deputy' then 1 when 'secretary' then 2 else 3 end`,
        asc(councilMembers.fullName),
      );
  },
  /** Is the person a current member (on this date) of any expert council? */
  async isCurrentExpert(db: DbOrTx, userId: string, on: string): Promise<boolean> {
    const rows = await db
      .select({ id: councilMembers.id })
      .from(councilMembers)
      .innerJoin(councils, eq(councils.id, councilMembers.councilId))
      .where(and(eq(councils.kind, 'expert_council'), eq(councilMembers.userId, userId), ...currentOn(on)))
      .limit(1);
    return rows.length > 0;
  },
  /** The user ids of the current members of every expert council (the scorers). */
  async currentExperts(db: DbOrTx, on: string): Promise<{ userId: string; fullName: string }[]> {
    const rows = await db
      .selectDistinct({ userId: councilMembers.userId, fullName: councilMembers.fullName })
      .from(councilMembers)
      .innerJoin(councils, eq(councils.id, councilMembers.councilId))
      .where(
        and(eq(councils.kind, 'expert_council'), sql`${councilMembers.userId} is not null`, ...currentOn(on)),
      );
    return rows.map((r) => ({ userId: r.userId as string, fullName: r.fullName }));
  },

  // Calls
  async insertCall(db: DbOrTx, v: typeof councilCalls.$inferInsert): Promise<CallRow> {
    return first(await db.insert(councilCalls).values(v).returning()) as CallRow;
  },
  async insertCriteria(db: DbOrTx, rows: (typeof councilCallCriteria.$inferInsert)[]): Promise<void> {
    if (rows.length) await db.insert(councilCallCriteria).values(rows);
  },
  async findCall(db: DbOrTx, id: string, lock = false): Promise<CallRow | undefined> {
    const q = db.select().from(councilCalls).where(eq(councilCalls.id, id));
    return first(await (lock ? q.for('update') : q));
  },
  async callsOf(db: DbOrTx, councilId: string): Promise<CallRow[]> {
    return db
      .select()
      .from(councilCalls)
      .where(eq(councilCalls.councilId, councilId))
      .orderBy(desc(councilCalls.opensOn));
  },
  async openCalls(db: DbOrTx, today: string): Promise<CallRow[]> {
    return db
      .select()
      .from(councilCalls)
      .where(
        and(
          eq(councilCalls.status, 'open'),
          lte(councilCalls.opensOn, today),
          gte(councilCalls.closesOn, today),
        ),
      )
      .orderBy(asc(councilCalls.closesOn));
  },
  async criteriaOf(db: DbOrTx, callId: string): Promise<CriterionRow[]> {
    return db
      .select()
      .from(councilCallCriteria)
      .where(eq(councilCallCriteria.callId, callId))
      .orderBy(asc(councilCallCriteria.position));
  },
  async publishCall(db: DbOrTx, id: string, decisionRu: string, at: Date): Promise<void> {
    await db
      .update(councilCalls)
      .set({ status: 'published', decisionRu, publishedAt: at })
      .where(eq(councilCalls.id, id));
  },

  // Applications
  async insertApplication(
    db: DbOrTx,
    v: typeof councilApplications.$inferInsert,
  ): Promise<ApplicationRow | undefined> {
    return first(await db.insert(councilApplications).values(v).onConflictDoNothing().returning());
  },
  async findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
    return first(await db.select().from(councilApplications).where(eq(councilApplications.id, id)));
  },
  async applicationsOf(db: DbOrTx, callId: string): Promise<ApplicationRow[]> {
    return db
      .select()
      .from(councilApplications)
      .where(eq(councilApplications.callId, callId))
      .orderBy(asc(councilApplications.createdAt));
  },
  async applicationsOfUser(db: DbOrTx, userId: string): Promise<(ApplicationRow & { callTitle: string })[]> {
    const rows = await db
      .select({ a: councilApplications, callTitle: councilCalls.titleRu })
      .from(councilApplications)
      .innerJoin(councilCalls, eq(councilCalls.id, councilApplications.callId))
      .where(eq(councilApplications.userId, userId))
      .orderBy(desc(councilApplications.createdAt));
    return rows.map((r) => ({ ...r.a, callTitle: r.callTitle }));
  },
  async setApplicationStatus(
    db: DbOrTx,
    id: string,
    status: string,
    checkNote?: string | null,
  ): Promise<void> {
    await db
      .update(councilApplications)
      .set({ status, ...(checkNote !== undefined ? { checkNote } : {}) })
      .where(eq(councilApplications.id, id));
  },

  // Scores
  async insertScores(db: DbOrTx, rows: (typeof councilScores.$inferInsert)[]): Promise<void> {
    if (rows.length) await db.insert(councilScores).values(rows);
  },
  async scoresOfCall(db: DbOrTx, callId: string): Promise<ScoreRow[]> {
    return db
      .select({ s: councilScores })
      .from(councilScores)
      .innerJoin(councilApplications, eq(councilApplications.id, councilScores.applicationId))
      .where(eq(councilApplications.callId, callId))
      .then((rows) => rows.map((r) => r.s));
  },
  async recusalsOfCall(db: DbOrTx, callId: string): Promise<RecusalRow[]> {
    return db
      .select({ r: councilRecusals })
      .from(councilRecusals)
      .innerJoin(councilApplications, eq(councilApplications.id, councilRecusals.applicationId))
      .where(eq(councilApplications.callId, callId))
      .then((rows) => rows.map((r) => r.r));
  },
  async insertRecusal(db: DbOrTx, v: typeof councilRecusals.$inferInsert): Promise<void> {
    await db.insert(councilRecusals).values(v).onConflictDoNothing();
  },
  /** Calls with complete applications still to score (for the experts' cabinet). */
  async callsBeingScored(db: DbOrTx): Promise<CallRow[]> {
    return db
      .selectDistinct({ c: councilCalls })
      .from(councilCalls)
      .innerJoin(councilApplications, eq(councilApplications.callId, councilCalls.id))
      .where(and(eq(councilCalls.status, 'open'), eq(councilApplications.status, 'complete')))
      .then((rows) => rows.map((r) => r.c));
  },

  // Pool
  async upsertPoolMember(db: DbOrTx, v: typeof councilPoolMembers.$inferInsert): Promise<void> {
    await db
      .insert(councilPoolMembers)
      .values(v)
      .onConflictDoUpdate({
        target: councilPoolMembers.userId,
        set: { expertise: v.expertise, fullName: v.fullName, callId: v.callId, consentAt: v.consentAt },
      });
  },
  async pool(db: DbOrTx, expertise?: string): Promise<PoolMemberRow[]> {
    return db
      .select()
      .from(councilPoolMembers)
      .where(expertise ? eq(councilPoolMembers.expertise, expertise) : undefined)
      .orderBy(asc(councilPoolMembers.expertise), asc(councilPoolMembers.fullName));
  },
  async poolFields(db: DbOrTx): Promise<{ expertise: string; n: number }[]> {
    return db
      .select({ expertise: councilPoolMembers.expertise, n: sql<number>`count(*)::int` })
      .from(councilPoolMembers)
      .groupBy(councilPoolMembers.expertise)
      .orderBy(asc(councilPoolMembers.expertise));
  },
  async findPoolMember(db: DbOrTx, id: string): Promise<PoolMemberRow | undefined> {
    return first(await db.select().from(councilPoolMembers).where(eq(councilPoolMembers.id, id)));
  },
  async poolMemberOfUser(db: DbOrTx, userId: string): Promise<PoolMemberRow | undefined> {
    return first(await db.select().from(councilPoolMembers).where(eq(councilPoolMembers.userId, userId)));
  },
  async insertOpinionRequest(
    db: DbOrTx,
    v: typeof councilOpinionRequests.$inferInsert,
  ): Promise<OpinionRequestRow> {
    return first(await db.insert(councilOpinionRequests).values(v).returning()) as OpinionRequestRow;
  },
  async findOpinionRequest(db: DbOrTx, id: string): Promise<OpinionRequestRow | undefined> {
    return first(await db.select().from(councilOpinionRequests).where(eq(councilOpinionRequests.id, id)));
  },
  async answerOpinionRequest(db: DbOrTx, id: string, answer: string, at: Date): Promise<number> {
    const rows = await db
      .update(councilOpinionRequests)
      .set({ answer, answeredAt: at })
      .where(and(eq(councilOpinionRequests.id, id), isNull(councilOpinionRequests.answeredAt)))
      .returning({ id: councilOpinionRequests.id });
    return rows.length;
  },
  async opinionRequestsOf(
    db: DbOrTx,
    councilId: string,
  ): Promise<(OpinionRequestRow & { expertName: string })[]> {
    const rows = await db
      .select({ r: councilOpinionRequests, expertName: councilPoolMembers.fullName })
      .from(councilOpinionRequests)
      .innerJoin(councilPoolMembers, eq(councilPoolMembers.id, councilOpinionRequests.poolMemberId))
      .where(eq(councilOpinionRequests.councilId, councilId))
      .orderBy(desc(councilOpinionRequests.createdAt));
    return rows.map((r) => ({ ...r.r, expertName: r.expertName }));
  },
  async opinionRequestsTo(
    db: DbOrTx,
    poolMemberId: string,
  ): Promise<(OpinionRequestRow & { councilName: string })[]> {
    const rows = await db
      .select({ r: councilOpinionRequests, councilName: councils.nameRu })
      .from(councilOpinionRequests)
      .innerJoin(councils, eq(councils.id, councilOpinionRequests.councilId))
      .where(eq(councilOpinionRequests.poolMemberId, poolMemberId))
      .orderBy(desc(councilOpinionRequests.createdAt));
    return rows.map((r) => ({ ...r.r, councilName: r.councilName }));
  },

  // Meetings
  async insertMeeting(db: DbOrTx, v: typeof councilMeetings.$inferInsert): Promise<MeetingRow> {
    return first(await db.insert(councilMeetings).values(v).returning()) as MeetingRow;
  },
  async insertAgenda(db: DbOrTx, rows: (typeof councilAgendaItems.$inferInsert)[]): Promise<void> {
    if (rows.length) await db.insert(councilAgendaItems).values(rows);
  },
  async findMeeting(db: DbOrTx, id: string, lock = false): Promise<MeetingRow | undefined> {
    const q = db.select().from(councilMeetings).where(eq(councilMeetings.id, id));
    return first(await (lock ? q.for('update') : q));
  },
  async meetingsOf(db: DbOrTx, councilId: string): Promise<MeetingRow[]> {
    return db
      .select()
      .from(councilMeetings)
      .where(eq(councilMeetings.councilId, councilId))
      .orderBy(desc(councilMeetings.startsAt));
  },
  async agendaOf(db: DbOrTx, meetingId: string): Promise<AgendaItemRow[]> {
    return db
      .select()
      .from(councilAgendaItems)
      .where(eq(councilAgendaItems.meetingId, meetingId))
      .orderBy(asc(councilAgendaItems.position));
  },
  async publishProtocol(db: DbOrTx, id: string, protocolRu: string, recordingUrl: string | null, at: Date) {
    await db
      .update(councilMeetings)
      .set({ protocolRu, recordingUrl, protocolPublishedAt: at })
      .where(eq(councilMeetings.id, id));
  },
  /** Meetings that start between the two instants (the reminder job's window). */
  async meetingsStartingBetween(db: DbOrTx, from: Date, to: Date): Promise<MeetingRow[]> {
    return db
      .select()
      .from(councilMeetings)
      .where(and(gte(councilMeetings.startsAt, from), lt(councilMeetings.startsAt, to)));
  },

  // Registrations
  async registrationsOf(db: DbOrTx, meetingId: string): Promise<RegistrationRow[]> {
    return db
      .select()
      .from(councilRegistrations)
      .where(eq(councilRegistrations.meetingId, meetingId))
      .orderBy(asc(councilRegistrations.createdAt));
  },
  async findRegistration(
    db: DbOrTx,
    meetingId: string,
    userId: string,
  ): Promise<RegistrationRow | undefined> {
    return first(
      await db
        .select()
        .from(councilRegistrations)
        .where(and(eq(councilRegistrations.meetingId, meetingId), eq(councilRegistrations.userId, userId))),
    );
  },
  async upsertRegistration(db: DbOrTx, v: typeof councilRegistrations.$inferInsert): Promise<void> {
    await db
      .insert(councilRegistrations)
      .values(v)
      .onConflictDoUpdate({
        target: [councilRegistrations.meetingId, councilRegistrations.userId],
        set: { kind: v.kind, status: v.status, createdAt: v.createdAt, reminderSentAt: null },
      });
  },
  async setRegistrationStatus(db: DbOrTx, id: string, status: string): Promise<void> {
    await db.update(councilRegistrations).set({ status }).where(eq(councilRegistrations.id, id));
  },
  async markReminded(db: DbOrTx, id: string, at: Date): Promise<number> {
    const rows = await db
      .update(councilRegistrations)
      .set({ reminderSentAt: at })
      .where(and(eq(councilRegistrations.id, id), isNull(councilRegistrations.reminderSentAt)))
      .returning({ id: councilRegistrations.id });
    return rows.length;
  },
  async registrationsOfUser(db: DbOrTx, userId: string) {
    return db
      .select({ r: councilRegistrations, m: councilMeetings, councilName: councils.nameRu })
      .from(councilRegistrations)
      .innerJoin(councilMeetings, eq(councilMeetings.id, councilRegistrations.meetingId))
      .innerJoin(councils, eq(councils.id, councilMeetings.councilId))
      .where(
        and(
          eq(councilRegistrations.userId, userId),
          or(eq(councilRegistrations.status, 'registered'), eq(councilRegistrations.status, 'waiting')),
        ),
      )
      .orderBy(desc(councilMeetings.startsAt));
  },

  // Decisions
  async insertDecisions(db: DbOrTx, rows: (typeof councilDecisions.$inferInsert)[]): Promise<void> {
    if (rows.length) await db.insert(councilDecisions).values(rows);
  },
  async decisionsOfCouncil(db: DbOrTx, councilId: string): Promise<DecisionRow[]> {
    return db
      .select()
      .from(councilDecisions)
      .where(eq(councilDecisions.councilId, councilId))
      .orderBy(asc(councilDecisions.meetingId), asc(councilDecisions.position));
  },
  async decisionsOfMeeting(db: DbOrTx, meetingId: string): Promise<DecisionRow[]> {
    return db
      .select()
      .from(councilDecisions)
      .where(eq(councilDecisions.meetingId, meetingId))
      .orderBy(asc(councilDecisions.position));
  },
  async findDecision(db: DbOrTx, id: string): Promise<DecisionRow | undefined> {
    return first(await db.select().from(councilDecisions).where(eq(councilDecisions.id, id)));
  },
  async reportDecision(db: DbOrTx, id: string, reportRu: string, at: Date): Promise<void> {
    await db
      .update(councilDecisions)
      .set({ status: 'reported', reportRu, reportedAt: at })
      .where(eq(councilDecisions.id, id));
  },

  // Conclusions
  async insertConclusion(db: DbOrTx, v: typeof councilConclusions.$inferInsert): Promise<ConclusionRow> {
    return first(await db.insert(councilConclusions).values(v).returning()) as ConclusionRow;
  },
  async findConclusion(db: DbOrTx, id: string): Promise<ConclusionRow | undefined> {
    return first(await db.select().from(councilConclusions).where(eq(councilConclusions.id, id)));
  },
  async setConclusionDiscussion(db: DbOrTx, id: string, discussionId: string): Promise<void> {
    await db.update(councilConclusions).set({ discussionId }).where(eq(councilConclusions.id, id));
  },
  async conclusionsOf(db: DbOrTx, councilId: string): Promise<ConclusionRow[]> {
    return db
      .select()
      .from(councilConclusions)
      .where(eq(councilConclusions.councilId, councilId))
      .orderBy(desc(councilConclusions.publishedAt));
  },
  /** Conclusions on a subject given by its address (or any of its addresses: local and full), newest first. */
  async conclusionsOnSubject(
    db: DbOrTx,
    subjectUrl: string | readonly string[],
  ): Promise<(ConclusionRow & { councilName: string })[]> {
    const urls = typeof subjectUrl === 'string' ? [subjectUrl] : [...subjectUrl];
    const rows = await db
      .select({ c: councilConclusions, councilName: councils.nameRu })
      .from(councilConclusions)
      .innerJoin(councils, eq(councils.id, councilConclusions.councilId))
      .where(inArray(councilConclusions.subjectUrl, urls))
      .orderBy(desc(councilConclusions.publishedAt));
    return rows.map((r) => ({ ...r.c, councilName: r.councilName }));
  },
  async allConclusions(db: DbOrTx): Promise<ConclusionRow[]> {
    return db.select().from(councilConclusions);
  },

  // Assessments
  async insertAssessment(db: DbOrTx, v: typeof councilAssessments.$inferInsert): Promise<boolean> {
    const rows = await db
      .insert(councilAssessments)
      .values(v)
      .onConflictDoNothing()
      .returning({ id: councilAssessments.id });
    return rows.length > 0;
  },
  async assessmentsOf(db: DbOrTx, councilId: string): Promise<AssessmentRow[]> {
    return db
      .select()
      .from(councilAssessments)
      .where(eq(councilAssessments.councilId, councilId))
      .orderBy(desc(councilAssessments.year));
  },
};

/** Membership current on a date: started, not past its term, not ended early. */
function currentOn(on: string) {
  return [
    lte(councilMembers.termStart, on),
    or(isNull(councilMembers.termEnd), gte(councilMembers.termEnd, on)),
    or(isNull(councilMembers.endedOn), gte(councilMembers.endedOn, on)),
  ];
}
