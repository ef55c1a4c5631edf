import { and, asc, desc, eq, gt, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { RoleGrant } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import {
  emailTokens,
  kioskTerminals,
  roleAssignments,
  sessions,
  userIdentities,
  users,
} from './accounts.tables.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;
export type KioskTerminalRow = typeof kioskTerminals.$inferSelect;
export type RoleAssignmentRow = typeof roleAssignments.$inferSelect;

/** A LIKE pattern matching any text that contains `q` literally. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every query of the accounts module. */
export const accountsRepository = {
  async findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
    const [u] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
    return u;
  },

  async findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
    const [u] = await db.select().from(users).where(eq(users.id, id));
    return u;
  },

  /** Insert unless the e-mail is taken; undefined when it is (no exception, no aborted transaction). */
  async insertUser(db: DbOrTx, values: NewUser): Promise<UserRow | undefined> {
    const [u] = await db
      .insert(users)
      .values({ ...values, email: values.email.toLowerCase() })
      .onConflictDoNothing()
      .returning();
    return u;
  },

  async updateUser(db: DbOrTx, id: string, values: Partial<NewUser>, now: Date): Promise<void> {
    await db
      .update(users)
      .set({ ...values, updatedAt: now })
      .where(eq(users.id, id));
  },

  /** People whose name or e-mail contains the text, for the administrators' search. */
  async searchUsers(db: DbOrTx, q: string, limit = 50): Promise<UserRow[]> {
    const pattern = containing(q);
    return db
      .select()
      .from(users)
      .where(q ? or(ilike(users.email, pattern), ilike(users.displayName, pattern)) : undefined)
      .orderBy(asc(users.displayName), asc(users.email))
      .limit(limit);
  },

  /** Names and e-mail addresses of these people, for the audit viewer. */
  async namesOf(db: DbOrTx, ids: string[]) {
    return db
      .select({ id: users.id, name: users.displayName, email: users.email })
      .from(users)
      .where(inArray(users.id, ids));
  },

  /** The ids of people whose e-mail address contains `part`, as a subquery (not run here). */
  idsByEmailPart(db: DbOrTx, part: string) {
    return db
      .select({ id: users.id })
      .from(users)
      .where(ilike(users.email, containing(part)));
  },

  async grantsOf(db: DbOrTx, userId: string): Promise<RoleGrant[]> {
    const rows = await db
      .select({ role: roleAssignments.role, orgId: roleAssignments.orgId })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, userId))
      .orderBy(asc(roleAssignments.createdAt));
    return rows as RoleGrant[];
  },

  async roleAssignmentsOf(db: DbOrTx, userId: string): Promise<RoleAssignmentRow[]> {
    return db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, userId))
      .orderBy(asc(roleAssignments.createdAt));
  },

  async findRoleAssignment(db: DbOrTx, id: string): Promise<RoleAssignmentRow | undefined> {
    const [r] = await db.select().from(roleAssignments).where(eq(roleAssignments.id, id));
    return r;
  },

  /** Grant a role; undefined when the person already holds it. */
  async insertRoleAssignment(
    db: DbOrTx,
    userId: string,
    grant: RoleGrant,
  ): Promise<RoleAssignmentRow | undefined> {
    const [r] = await db
      .insert(roleAssignments)
      .values({ userId, role: grant.role, orgId: grant.orgId })
      .onConflictDoNothing()
      .returning();
    return r;
  },

  async deleteRoleAssignment(db: DbOrTx, id: string): Promise<void> {
    await db.delete(roleAssignments).where(eq(roleAssignments.id, id));
  },

  /** People holding one of these roles in the organisation (not disabled), by name, each with the roles held. */
  /** The people holding a global role, not disabled, by name. */
  async globalRoleHolders(
    db: DbOrTx,
    role: string,
  ): Promise<{ id: string; displayName: string; email: string }[]> {
    return db
      .selectDistinct({ id: users.id, displayName: users.displayName, email: users.email })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(isNull(roleAssignments.orgId), eq(roleAssignments.role, role), isNull(users.disabledAt)))
      .orderBy(asc(users.displayName));
  },

  async orgStaff(
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

  async findIdentity(db: DbOrTx, provider: string, subject: string) {
    const [i] = await db
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)));
    return i;
  },

  async identitiesOf(db: DbOrTx, userId: string) {
    return db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, userId))
      .orderBy(asc(userIdentities.createdAt));
  },

  async insertIdentity(db: DbOrTx, userId: string, provider: string, subject: string): Promise<void> {
    await db.insert(userIdentities).values({ userId, provider, subject }).onConflictDoNothing();
  },

  async insertSession(
    db: DbOrTx,
    s: { id: string; userId: string; kiosk: boolean; now: Date; expiresAt: Date; data?: string },
  ): Promise<void> {
    await db.insert(sessions).values({
      id: s.id,
      userId: s.userId,
      kiosk: s.kiosk,
      createdAt: s.now,
      lastSeenAt: s.now,
      expiresAt: s.expiresAt,
      data: s.data ?? '{}',
    });
  },

  /** A live session and its person; nothing when expired, unknown or the person is disabled. */
  async findLiveSession(db: DbOrTx, id: string, now: Date) {
    const [row] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
    return row;
  },

  async touchSession(db: DbOrTx, id: string, now: Date, expiresAt: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
  },

  async insertKioskTerminal(db: DbOrTx, values: { pinHash: string; createdBy: string; createdAt: Date }) {
    const [row] = await db.insert(kioskTerminals).values(values).returning({ id: kioskTerminals.id });
    if (!row) throw new Error('kiosk terminal not inserted');
    return row.id;
  },

  /** A terminal still in kiosk mode. */
  async findActiveKioskTerminal(db: DbOrTx, id: string): Promise<KioskTerminalRow | undefined> {
    const [row] = await db
      .select()
      .from(kioskTerminals)
      .where(and(eq(kioskTerminals.id, id), isNull(kioskTerminals.endedAt)));
    return row;
  },

  async endKioskTerminal(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db.update(kioskTerminals).set({ endedAt: at }).where(eq(kioskTerminals.id, id));
  },

  async deleteSession(db: DbOrTx, id: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, id));
  },

  /** Delete every session of a person, or every one but `except`; returns how many. */
  async deleteUserSessions(db: DbOrTx, userId: string, except?: string): Promise<number> {
    const res = await db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), except ? sql`${sessions.id} <> ${except}` : undefined))
      .returning({ id: sessions.id });
    return res.length;
  },

  async liveSessionsOf(db: DbOrTx, userId: string, now: Date): Promise<SessionRow[]> {
    return db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
      .orderBy(desc(sessions.lastSeenAt));
  },

  async deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
    const res = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
    return res.length;
  },

  async insertEmailToken(
    db: DbOrTx,
    t: { tokenHash: string; userId: string; purpose: 'confirm' | 'reset'; now: Date; expiresAt: Date },
  ): Promise<void> {
    await db.insert(emailTokens).values({
      tokenHash: t.tokenHash,
      userId: t.userId,
      purpose: t.purpose,
      createdAt: t.now,
      expiresAt: t.expiresAt,
    });
  },

  /** A token that is unused and unexpired, without using it. */
  async findUsableEmailToken(db: DbOrTx, tokenHash: string, purpose: 'confirm' | 'reset', now: Date) {
    const [t] = await db
      .select()
      .from(emailTokens)
      .where(
        and(
          eq(emailTokens.tokenHash, tokenHash),
          eq(emailTokens.purpose, purpose),
          isNull(emailTokens.usedAt),
          gt(emailTokens.expiresAt, now),
        ),
      );
    return t;
  },

  /** Use a token once: the row comes back only to the first caller while it is unexpired. */
  async consumeEmailToken(db: DbOrTx, tokenHash: string, purpose: 'confirm' | 'reset', now: Date) {
    const [t] = await db
      .update(emailTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailTokens.tokenHash, tokenHash),
          eq(emailTokens.purpose, purpose),
          isNull(emailTokens.usedAt),
          gt(emailTokens.expiresAt, now),
        ),
      )
      .returning();
    return t;
  },

  /** Make the person's other unused tokens of one purpose useless (a new link replaces the old). */
  async invalidateEmailTokens(db: DbOrTx, userId: string, purpose: 'confirm' | 'reset', now: Date) {
    await db
      .update(emailTokens)
      .set({ usedAt: now })
      .where(
        and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)),
      );
  },
};
