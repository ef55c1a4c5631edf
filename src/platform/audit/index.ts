import type { FastifyRequest } from 'fastify';
import { type Actor, isSignedIn } from '../authz/index.ts';
import type { DbOrTx } from '../db/client.ts';
import { auditLog } from './audit.tables.ts';

export { type AuditNames, type AuditOrganisation, type AuditPerson, defineAuditNames } from './names.ts';

export type AuditEntry = {
  actor: Actor;
  /** client address: pass `req.ip` from the route, null for jobs and scripts */
  ip: string | null;
  /** verb.noun, e.g. account.sign_up, organization.update */
  action: string;
  objectType: string;
  objectId?: string | null;
  orgId?: string | null;
  /** what changed; never passwords, tokens or the text of a person's appeal */
  details?: Record<string, unknown>;
};

/** Append to the audit log in the caller's transaction, so a rollback drops the entry with the write. */
export async function recordAction(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: isSignedIn(e.actor) ? e.actor.userId : null,
    actorIp: e.ip,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId ?? null,
    orgId: e.orgId ?? null,
    details: e.details ?? {},
  });
}

/** Who and from where, as a route hands it to a use case. */
export type Origin = { actor: Actor; ip: string | null };
export function originOf(req: FastifyRequest): Origin {
  return { actor: req.actor, ip: req.ip ?? null };
}
