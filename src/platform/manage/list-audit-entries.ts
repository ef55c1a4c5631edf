import { type AuditOrganisation, auditNames } from '../audit/names.ts';
import type { Actor } from '../authz/index.ts';
import type { Deps } from '../deps.ts';
import { authorize } from '../errors/index.ts';
import { type AuditFilter, type AuditLogRow, auditRepository } from './audit.repository.ts';
import { managePolicy } from './manage.policy.ts';

/** An entry as the viewer shows it: the log's ids with the names the modules lend (null when unknown). */
export type AuditRow = AuditLogRow & {
  actorName: string | null;
  actorEmail: string | null;
  orgName: string | null;
  orgNameEn: string | null;
};

/** One page of the audit log, newest first, with the organisations the filter can name. */
export async function listAuditEntries(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { filter: AuditFilter; page: number; pageSize: number } | null,
): Promise<{ orgs: AuditOrganisation[]; rows: AuditRow[]; more: boolean }> {
  authorize(managePolicy.canReadAuditLog(actor));
  const orgs = await auditNames.organisations(deps.db);
  if (!input) return { orgs, rows: [], more: false };
  const found = await auditRepository.list(deps.db, input.filter, {
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const actorIds = [...new Set(found.rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const people = await auditNames.people(deps.db, actorIds);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const rows = found.rows.map((r) => {
    const person = r.actorUserId ? people.get(r.actorUserId) : undefined;
    const org = r.orgId ? orgById.get(r.orgId) : undefined;
    return {
      ...r,
      actorName: person?.name ?? null,
      actorEmail: person?.email ?? null,
      orgName: org?.nameRu ?? null,
      orgNameEn: org?.nameEn ?? null,
    };
  });
  return { orgs, rows, more: found.more };
}
