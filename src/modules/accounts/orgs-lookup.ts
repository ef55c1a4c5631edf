import type { DbOrTx } from '../../platform/db/client.ts';
import { findOrganizationBySlug, listAllOrganizations } from '../orgs/index.ts';

/** What accounts needs to know about organisations: their ids, slugs and names (read-only). */
export type OrgRef = { id: string; slug: string; nameRu: string; nameEn: string | null };

export async function allOrgs(db: DbOrTx): Promise<OrgRef[]> {
  const items = await listAllOrganizations(db);
  return items.map((o) => ({ id: o.id, slug: o.slug, nameRu: o.nameRu, nameEn: o.nameEn }));
}

export async function orgIdBySlug(db: DbOrTx, slug: string): Promise<string | undefined> {
  return (await findOrganizationBySlug(db, slug))?.id;
}

export async function orgNames(db: DbOrTx, locale: string): Promise<Map<string, string>> {
  const orgs = await allOrgs(db);
  return new Map(orgs.map((o) => [o.id, locale === 'en' && o.nameEn ? o.nameEn : o.nameRu]));
}
