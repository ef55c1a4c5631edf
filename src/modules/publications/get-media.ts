import type { Actor } from '../../platform/authz/index.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findStoredFile, type StoredFile } from '../../platform/files/index.ts';
import { listResponsibleOfficials, type OrgRow } from '../orgs/index.ts';
import { orgBySlug } from './find-org.ts';
import { type MediaKind, mediaKinds } from './publications.input.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import { type Paged, pagesOf, type ReadDeps } from './reads.ts';

/*
 * Public reads: news and media (3.1–3.3): the press page, an item, its uploaded video or poster.
 * Every published item is public (there are no drafts); each read checks that the item exists,
 * is of the kind the address names and belongs to the organisation in it, else 404.
 */

const isMedia = (p: PublicationRow) => (mediaKinds as readonly string[]).includes(p.kind);

/** The press page: an organisation's news and media, newest first, and its press officers. */
export async function listPress(deps: ReadDeps, _actor: Actor, input: { slug: string } & Paged) {
  const org = await orgBySlug(deps.db, input.slug);
  const [{ items, total }, officials] = await Promise.all([
    repo.listByKinds(deps.db, org.id, mediaKinds, {
      limit: input.perPage,
      offset: (input.page - 1) * input.perPage,
    }),
    listResponsibleOfficials(deps.db, org.id),
  ]);
  return {
    org,
    items,
    pages: pagesOf(total, input.perPage),
    officials: officials.filter((o) => o.duty === 'media'),
  };
}

/** One news or media item of an organisation. */
export async function getMediaItem(
  deps: ReadDeps,
  _actor: Actor,
  input: { slug: string; id: string },
): Promise<{ org: OrgRow; item: PublicationRow & { kind: MediaKind } }> {
  const org = await orgBySlug(deps.db, input.slug);
  const item = await repo.findById(deps.db, input.id);
  if (!item || item.orgId !== org.id || !isMedia(item)) throw new NotFound('publication');
  return { org, item: item as PublicationRow & { kind: MediaKind } };
}

/** An uploaded video or poster: served only when a media item shows it. */
export async function getMediaFile(
  deps: ReadDeps,
  _actor: Actor,
  input: { fileId: string },
): Promise<StoredFile> {
  const file = await findStoredFile(deps.db, input.fileId);
  if (!file || !(await repo.isMediaFile(deps.db, file.id))) throw new NotFound('file');
  return file;
}
