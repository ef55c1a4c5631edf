import type { Actor } from '../../platform/authz/index.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import { orgBySlug } from './find-org.ts';
import { mediaKinds } from './publications.input.ts';
import { canPublish, canReadSiteFeedback } from './publications.policy.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import type { ReadDeps } from './reads.ts';
import { type StructuredSection, sectionByKey } from './sections.ts';

/*
 * The reads behind the staff pages of publications (/manage/…): each opens with the
 * check that the actor may publish for the organisation (403 otherwise), and an item
 * that is not the organisation's, or not of the kind the address names, is a 404.
 */

/** The organisations this actor publishes for. */
export async function listPublishingOrgs(deps: ReadDeps, actor: Actor): Promise<OrgRow[]> {
  return (await listAllOrganizations(deps.db)).filter((o) => canPublish(actor, o));
}

/** An organisation this actor publishes for. */
export async function getOrgForPublishing(deps: ReadDeps, actor: Actor, input: { slug: string }) {
  const org = await orgBySlug(deps.db, input.slug);
  authorize(canPublish(actor, org));
  return org;
}

/** The staff index of an organisation: its media, documents, filled sections and the site feedback. */
export async function getPublicationsOverview(deps: ReadDeps, actor: Actor, input: { slug: string }) {
  const org = await getOrgForPublishing(deps, actor, input);
  const [media, documents, sections, feedback] = await Promise.all([
    repo.listByKinds(deps.db, org.id, mediaKinds, { limit: 100, offset: 0 }),
    repo.listByKinds(deps.db, org.id, ['document'], { limit: 200, offset: 0 }),
    repo.sectionsOf(deps.db, org.id),
    canReadSiteFeedback(actor, org) ? repo.feedback(deps.db, org.id) : [],
  ]);
  return { org, media: media.items, documents: documents.items, sections, feedback };
}

/** A news or media item to edit. */
export async function getMediaItemForStaff(
  deps: ReadDeps,
  actor: Actor,
  input: { slug: string; id: string },
) {
  const org = await getOrgForPublishing(deps, actor, input);
  const item = await repo.findById(deps.db, input.id);
  if (!item || item.orgId !== org.id || !(mediaKinds as readonly string[]).includes(item.kind))
    throw new NotFound('publication');
  return { org, item };
}

/** A document to edit or attach files to. */
export async function getDocumentForStaff(
  deps: ReadDeps,
  actor: Actor,
  input: { slug: string; id: string },
): Promise<{ org: OrgRow; doc: PublicationRow }> {
  const org = await getOrgForPublishing(deps, actor, input);
  const doc = await repo.findById(deps.db, input.id);
  if (!doc || doc.orgId !== org.id || doc.kind !== 'document') throw new NotFound('publication');
  return { org, doc };
}

/** A structured section to fill: its definition and its current text (none before the first save). */
export async function getSectionForStaff(
  deps: ReadDeps,
  actor: Actor,
  input: { slug: string; key: string },
): Promise<{ org: OrgRow; def: StructuredSection; item: PublicationRow | undefined }> {
  const org = await getOrgForPublishing(deps, actor, input);
  const def = sectionByKey(input.key);
  if (!def) throw new NotFound('section');
  return { org, def, item: await repo.findSection(deps.db, org.id, def.key) };
}

/** Every year of an organisation's declarations, published or not, with its rows. */
export async function getDeclarationsForStaff(deps: ReadDeps, actor: Actor, input: { slug: string }) {
  const org = await getOrgForPublishing(deps, actor, input);
  const years = await repo.declarationYears(deps.db, org.id);
  const rowsByYear = new Map(
    await Promise.all(
      years.map(async (y) => [y.year, await repo.declarations(deps.db, org.id, y.year)] as const),
    ),
  );
  const declarants = await repo.declarants(deps.db, org.id);
  return { org, years, rowsByYear, declarants };
}

/** A person of the body's declarations, for the staff form that records the end of tenure. */
export async function getDeclarantForStaff(
  deps: ReadDeps,
  actor: Actor,
  input: { slug: string; declarantId: string },
) {
  const org = await getOrgForPublishing(deps, actor, input);
  const person = await repo.declarant(deps.db, org.id, input.declarantId);
  if (!person) throw new NotFound('declarant');
  return { org, person };
}

/** A year's publication decision as it stands, for its staff form. */
export async function getDeclarationYearForStaff(
  deps: ReadDeps,
  actor: Actor,
  input: { slug: string; year: number },
) {
  const org = await getOrgForPublishing(deps, actor, input);
  const year = (await repo.declarationYears(deps.db, org.id)).find((y) => y.year === input.year);
  return { org, year: year ?? null };
}
