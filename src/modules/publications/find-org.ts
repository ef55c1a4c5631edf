import type { DbOrTx } from '../../platform/db/client.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findOrganizationBySlug, type OrgRow } from '../orgs/index.ts';

/** The organisation of a /orgs/<slug>/… or /manage/orgs/<slug>/… address; 404 when unknown. */
export async function orgBySlug(db: DbOrTx, slug: string): Promise<OrgRow> {
  const org = await findOrganizationBySlug(db, slug);
  if (!org) throw new NotFound('organization');
  return org;
}
