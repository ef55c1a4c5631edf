import type { DbOrTx } from '../../platform/db/client.ts';
import { searchIndex } from '../../platform/search/index.ts';
import type { OrgRow } from '../orgs/index.ts';
import { publicationsRepository as repo } from './publications.repository.ts';

/** The address of a person's page: every published year of their declarations. */
export const declarantUrl = (orgSlug: string, id: string) => `/orgs/${orgSlug}/declarations/officials/${id}`;

/**
 * A published year's declarants in search, one entry per person and year, so
 * that a journalist finds them by name or by position. Rewritten whenever the
 * year's rows or its publication switch change; a year not published has none.
 */
export async function indexDeclarations(tx: DbOrTx, org: OrgRow, year: number): Promise<number> {
  await searchIndex.removeByPrefix(tx, 'declaration', `declaration:${org.id}:${year}:`);
  if (!(await repo.isYearPublished(tx, org.id, year))) return 0;
  const rows = (await repo.declarations(tx, org.id, year, 'name', 'asc', { publicOnly: true })).filter(
    (r) => r.relation === 'DECLARANT',
  );
  let n = 0;
  for (const r of rows) {
    await searchIndex.upsert(tx, {
      id: `declaration:${org.id}:${year}:${r.id}`,
      module: 'publications',
      type: 'declaration',
      orgId: org.id,
      title: `${r.declarantShortName} — сведения о доходах за ${year} год`,
      body: `${r.position}. ${org.nameRu}`,
      summary: `${r.position}, ${org.shortNameRu ?? org.nameRu}`,
      url: declarantUrl(org.slug, r.declarantId),
      publishedAt: r.createdAt,
      tags: ['сведения о доходах', 'декларация'],
    });
    n++;
  }
  return n;
}

/** Every published year of every body (reindex). */
export async function indexAllDeclarations(tx: DbOrTx, orgs: OrgRow[]): Promise<number> {
  let n = 0;
  for (const org of orgs)
    for (const y of await repo.declarationYears(tx, org.id))
      if (y.published) n += await indexDeclarations(tx, org, y.year);
  return n;
}
