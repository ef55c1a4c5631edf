import type { Actor } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { NotFound } from '../../platform/errors/index.ts';
import {
  listAllOrganizations,
  listOrgSections,
  listResponsibleOfficials,
  markOrgSectionFilled,
  type OfficialRow,
  type OrgRow,
} from '../orgs/index.ts';
import { orgBySlug } from './find-org.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import type { ReadDeps } from './reads.ts';

/*
 * Municipal legal acts on open municipal government (concept VI.4): a
 * document of a municipality carrying this topic is one of them. The topic is
 * kept with the document's other requisites, so every change of the mark is a
 * new version in the document's history and the publication log.
 */

/** The topic that marks a document as an act on open municipal government. */
export const OPEN_MUNICIPALITY_TOPIC = 'открытый муниципалитет';

/** The orgs module's section of every municipality's home that lists these acts. */
export const OPEN_MUNICIPALITY_SECTION = { key: 'open_municipality', path: 'open-municipality' } as const;

/** An act on open municipal government, as the pages and monitoring show it. */
export type OpenMunicipalityAct = Pick<
  PublicationRow,
  'id' | 'orgId' | 'docType' | 'docNumber' | 'docDate' | 'docStatus' | 'title'
> & { url: string; inForce: boolean };

/** In force: adopted and not lapsed (an amended act stays in force). */
export const actInForce = (status: string | null): boolean => status === 'действует' || status === 'изменён';

/** Do these topics mark the document as an act on open municipal government? */
export const marksOpenMunicipality = (topics: readonly string[]): boolean =>
  topics.includes(OPEN_MUNICIPALITY_TOPIC);

/**
 * The acts on open municipal government of these organisations (drafts left
 * out), newest first, each with its public address. Exported for monitoring
 * (criterion VI.4).
 */
export async function listOpenMunicipalityActs(
  db: DbOrTx,
  orgs: readonly Pick<OrgRow, 'id' | 'slug'>[],
): Promise<OpenMunicipalityAct[]> {
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
  const rows = await repo.documentsWithTopic(db, OPEN_MUNICIPALITY_TOPIC, [...slugOf.keys()]);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    docType: r.docType,
    docNumber: r.docNumber,
    docDate: r.docDate,
    docStatus: r.docStatus,
    title: r.title,
    url: `/orgs/${slugOf.get(r.orgId)}/documents/${r.id}`,
    inForce: actInForce(r.docStatus),
  }));
}

export type OpenMunicipalityPage = {
  org: OrgRow;
  acts: OpenMunicipalityAct[];
  /** the officials who curate open municipal government (duty «openness») */
  coordinators: OfficialRow[];
};

/** `/orgs/<slug>/open-municipality`: a municipality's acts and who curates openness. Public; 404 for others. */
export async function getOpenMunicipalityPage(
  deps: ReadDeps,
  _actor: Actor,
  input: { slug: string },
): Promise<OpenMunicipalityPage> {
  const org = await orgBySlug(deps.db, input.slug);
  if (org.level !== 'municipal') throw new NotFound('section');
  const [acts, officials] = await Promise.all([
    listOpenMunicipalityActs(deps.db, [org]),
    listResponsibleOfficials(deps.db, org.id),
  ]);
  return { org, acts, coordinators: officials.filter((o) => o.duty === 'openness') };
}

export type OpenMunicipalityRegion = {
  /** municipalities with at least one act, in the region's order, each with its acts */
  withActs: { org: OrgRow; acts: OpenMunicipalityAct[] }[];
  /** municipalities that have published none yet */
  without: OrgRow[];
};

/** `/legal-acts/open-municipality`: every municipality with its acts, and those that have none yet. Public. */
export async function getOpenMunicipalityRegion(
  deps: ReadDeps,
  _actor: Actor,
): Promise<OpenMunicipalityRegion> {
  const municipalities = (await listAllOrganizations(deps.db)).filter((o) => o.level === 'municipal');
  const acts = await listOpenMunicipalityActs(deps.db, municipalities);
  const withActs: OpenMunicipalityRegion['withActs'] = [];
  const without: OrgRow[] = [];
  for (const org of municipalities) {
    const mine = acts.filter((a) => a.orgId === org.id);
    if (mine.length) withActs.push({ org, acts: mine });
    else without.push(org);
  }
  return { withActs, without };
}

/**
 * After a municipality's document is saved: its «Открытый муниципалитет»
 * section is filled while it has an act, empty again when the last mark is
 * removed (the date it was filled is kept while it stays filled). In the
 * saving transaction.
 */
export async function syncOpenMunicipalitySection(tx: DbOrTx, org: OrgRow, now: Date): Promise<void> {
  if (org.level !== 'municipal') return;
  const has = (await repo.documentsWithTopic(tx, OPEN_MUNICIPALITY_TOPIC, [org.id])).length > 0;
  const section = (await listOrgSections(tx, [org.id])).find((s) => s.key === OPEN_MUNICIPALITY_SECTION.key);
  if (!section || has === (section.filledAt !== null)) return;
  await markOrgSectionFilled(tx, org.id, OPEN_MUNICIPALITY_SECTION.key, has ? now : null);
}
