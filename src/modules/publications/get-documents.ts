import type { Actor } from '../../platform/authz/index.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findStoredFile, type StoredFile } from '../../platform/files/index.ts';
import type { OrgRow } from '../orgs/index.ts';
import { orgBySlug } from './find-org.ts';
import {
  type DocumentFilter,
  type PublicationRow,
  publicationsRepository as repo,
} from './publications.repository.ts';
import { type Paged, pagesOf, type ReadDeps } from './reads.ts';

/*
 * Public reads: documents with requisites: the list, a document with its files and links, a number look-up, an attachment.
 * Every published item is public (there are no drafts); each read checks that the item exists,
 * is of the kind the address names and belongs to the organisation in it, else 404.
 */

/** An organisation's documents, filtered by type, status and topic. */
export async function listDocuments(
  deps: ReadDeps,
  _actor: Actor,
  input: { slug: string; filter: DocumentFilter } & Paged,
) {
  const org = await orgBySlug(deps.db, input.slug);
  const { items, total } = await repo.listDocuments(deps.db, org.id, input.filter, {
    limit: input.perPage,
    offset: (input.page - 1) * input.perPage,
  });
  return { org, items, pages: pagesOf(total, input.perPage) };
}

/** A document with its attachments and its links both ways (amends, cancels, …). */
export async function getDocument(deps: ReadDeps, _actor: Actor, input: { slug: string; id: string }) {
  const { db } = deps;
  const org = await orgBySlug(db, input.slug);
  const doc = await repo.findById(db, input.id);
  if (!doc || doc.orgId !== org.id || doc.kind !== 'document') throw new NotFound('publication');
  const [attachments, out, inn] = await Promise.all([
    repo.attachments(db, doc.id),
    repo.linksFrom(db, doc.id),
    repo.linksTo(db, doc.id),
  ]);
  const linked = new Map(
    (await repo.findByIds(db, [...out.map((l) => l.toId), ...inn.map((l) => l.fromId)])).map((d) => [
      d.id,
      d,
    ]),
  );
  const pick = (id: string, relation: string) => {
    const d = linked.get(id);
    return d ? [{ doc: d, relation }] : [];
  };
  return {
    org,
    doc,
    attachments,
    linksOut: out.flatMap((l) => pick(l.toId, l.relation)),
    linksIn: inn.flatMap((l) => pick(l.fromId, l.relation)),
  };
}

/** The newest document of an organisation with this number (spaces and case ignored). */
export async function findDocumentByNumber(
  deps: ReadDeps,
  _actor: Actor,
  input: { slug: string; number: string },
): Promise<{ org: OrgRow; doc: PublicationRow }> {
  const org = await orgBySlug(deps.db, input.slug);
  const [doc] = await repo.findDocumentByNumber(deps.db, org.id, input.number.slice(0, 100));
  if (!doc) throw new NotFound('publication');
  return { org, doc };
}

/** A document's attached file, under the name it was attached with. */
export async function getAttachmentFile(
  deps: ReadDeps,
  _actor: Actor,
  input: { id: string },
): Promise<StoredFile> {
  const a = await repo.findAttachment(deps.db, input.id);
  const file = a ? await findStoredFile(deps.db, a.fileId) : undefined;
  if (!a || !file) throw new NotFound('attachment');
  return { ...file, originalName: a.name };
}
