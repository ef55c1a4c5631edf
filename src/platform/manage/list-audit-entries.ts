import { type AuditFilter, auditRepository } from '../audit/audit.repository.ts';
import type { Actor } from '../authz/index.ts';
import type { Deps } from '../deps.ts';
import { authorize } from '../errors/index.ts';
import { managePolicy } from './manage.policy.ts';

/** One page of the audit log, newest first, with the organisations the filter can name. */
export async function listAuditEntries(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { filter: AuditFilter; page: number; pageSize: number } | null,
) {
  authorize(managePolicy.canReadAuditLog(actor));
  const orgs = await auditRepository.organisations(deps.db);
  if (!input) return { orgs, rows: [], more: false };
  const found = await auditRepository.list(deps.db, input.filter, {
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { orgs, ...found };
}
