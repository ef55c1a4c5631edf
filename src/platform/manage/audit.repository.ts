import { and, desc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { auditLog } from '../audit/audit.tables.ts';
import { auditNames } from '../audit/names.ts';
import { REGION_TZ } from '../calendar/index.ts';
import type { DbOrTx } from '../db/client.ts';

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

/** An entry as the log keeps it: people and organisations by id only. */
export type AuditLogRow = typeof auditLog.$inferSelect;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(db: DbOrTx, f: AuditFilter): SQL[] {
  const c: SQL[] = [];
  if (f.actorId) c.push(eq(auditLog.actorUserId, f.actorId));
  if (f.actorEmail) {
    // the module that owns people answers which ids have such an address
    const ids = auditNames.peopleByEmail(db, f.actorEmail);
    c.push(ids.length ? (or(...ids.map((q) => inArray(auditLog.actorUserId, q))) as SQL) : sql`false`);
  }
  if (f.actionPrefix) c.push(like(auditLog.action, `${escapeLike(f.actionPrefix)}%`));
  if (f.objectType) c.push(eq(auditLog.objectType, f.objectType));
  if (f.objectId) c.push(eq(auditLog.objectId, f.objectId));
  if (f.orgId) c.push(eq(auditLog.orgId, f.orgId));
  // day boundaries are the region's, whatever the server's time zone
  if (f.from) c.push(sql`${auditLog.at} >= (${f.from}::date)::timestamp at time zone ${REGION_TZ}`);
  if (f.to) c.push(sql`${auditLog.at} < (${f.to}::date + 1)::timestamp at time zone ${REGION_TZ}`);
  return c;
}

/** The audit viewer's reads of the log; writes go through recordAction only. */
export const auditRepository = {
  /** One page of entries, newest first; `more` says whether another page follows. */
  async list(
    db: DbOrTx,
    f: AuditFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: AuditLogRow[]; more: boolean }> {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(...conditions(db, f)))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.limit + 1)
      .offset(page.offset);
    return { rows: rows.slice(0, page.limit), more: rows.length > page.limit };
  },
};
