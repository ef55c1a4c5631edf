import { and, desc, eq, ilike, like, type SQL, sql } from 'drizzle-orm';
import { REGION_TZ } from '../calendar/index.ts';
import type { DbOrTx } from '../db/client.ts';
// The log names people and organisations by id; the reader wants names. These
// joins are the platform's only reads of module tables, kept here on purpose.
import { organizations, users } from '../db/schema.ts';
import { auditLog } from './audit.tables.ts';

export type AuditFilter = {
  /** a user id */
  actorId?: string | undefined;
  /** part of an e-mail address */
  actorEmail?: string | undefined;
  /** the action or its beginning: "account." gives every account action */
  actionPrefix?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  orgId?: string | undefined;
  /** civil dates in the region, both inclusive */
  from?: string | undefined;
  to?: string | undefined;
};

export type AuditRow = {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  actorIp: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  orgId: string | null;
  orgName: string | null;
  orgNameEn: string | null;
  details: Record<string, unknown>;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(f: AuditFilter): SQL[] {
  const c: SQL[] = [];
  if (f.actorId) c.push(eq(auditLog.actorUserId, f.actorId));
  if (f.actorEmail) c.push(ilike(users.email, `%${escapeLike(f.actorEmail)}%`));
  if (f.actionPrefix) c.push(like(auditLog.action, `${escapeLike(f.actionPrefix)}%`));
  if (f.objectType) c.push(eq(auditLog.objectType, f.objectType));
  if (f.objectId) c.push(eq(auditLog.objectId, f.objectId));
  if (f.orgId) c.push(eq(auditLog.orgId, f.orgId));
  // day boundaries are the region's, whatever the server's time zone
  if (f.from) c.push(sql`${auditLog.at} >= (${f.from}::date)::timestamp at time zone ${REGION_TZ}`);
  if (f.to) c.push(sql`${auditLog.at} < (${f.to}::date + 1)::timestamp at time zone ${REGION_TZ}`);
  return c;
}

/** Reads of the audit log for its viewer; writes go through recordAction only. */
export const auditRepository = {
  /** One page of entries, newest first; `more` says whether another page follows. */
  async list(
    db: DbOrTx,
    f: AuditFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: AuditRow[]; more: boolean }> {
    const rows = await db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorUserId: auditLog.actorUserId,
        actorEmail: users.email,
        actorName: users.displayName,
        actorIp: auditLog.actorIp,
        action: auditLog.action,
        objectType: auditLog.objectType,
        objectId: auditLog.objectId,
        orgId: auditLog.orgId,
        orgName: organizations.nameRu,
        orgNameEn: organizations.nameEn,
        details: auditLog.details,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(organizations, eq(organizations.id, auditLog.orgId))
      .where(and(...conditions(f)))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.limit + 1)
      .offset(page.offset);
    return { rows: rows.slice(0, page.limit), more: rows.length > page.limit };
  },

  /** The organisations a filter can name, for the select. */
  async organisations(db: DbOrTx) {
    return db
      .select({ id: organizations.id, nameRu: organizations.nameRu, nameEn: organizations.nameEn })
      .from(organizations)
      .orderBy(organizations.sortOrder, organizations.nameRu);
  },
};
