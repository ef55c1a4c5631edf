import type { Origin } from '../../platform/audit/index.ts';
import { type Actor, isSignedIn } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationById, findOrganizationBySlug, type OrgRow } from '../orgs/index.ts';
import { canManageDrafts } from './drafts.policy.ts';
import { type DraftRow, draftsRepository as repo } from './drafts.repository.ts';

/** What the use cases of the module share: finding what staff may change, and who did it. */

export const userIdOf = (o: Origin) => (isSignedIn(o.actor) ? o.actor.userId : null);

/** The organisation staff act for, or 404 / 403. */
export async function orgForStaff(db: DbOrTx, actor: Actor, slug: string): Promise<OrgRow> {
  const org = await findOrganizationBySlug(db, slug);
  if (!org) throw new NotFound();
  authorize(canManageDrafts(actor, org));
  return org;
}

/** A draft and its organisation for staff, locked for the change when `lock` (in a transaction). */
export async function draftForStaff(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ draft: DraftRow; org: OrgRow }> {
  const draft = lock ? await repo.draftForUpdate(db, id) : await repo.draft(db, id);
  if (!draft) throw new NotFound();
  const org = await findOrganizationById(db, draft.orgId);
  if (!org) throw new NotFound();
  authorize(canManageDrafts(actor, org));
  return { draft, org };
}
