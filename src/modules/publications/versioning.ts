import type { DbOrTx } from '../../platform/db/client.ts';
import { entryHash, GENESIS_HASH } from './canonical.ts';
import {
  type AttachmentRow,
  type DocumentLinkRow,
  type PublicationRow,
  publicationsRepository as repo,
} from './publications.repository.ts';
import { indexPublication } from './publications.search.ts';

/**
 * The canonical content of an item as the log commits to it: everything the
 * public sees, the attachments by their SHA-256 and the links to other documents.
 */
export function contentOf(p: PublicationRow, attachments: AttachmentRow[], links: DocumentLinkRow[]) {
  return {
    id: p.id,
    orgId: p.orgId,
    kind: p.kind,
    sectionKey: p.sectionKey,
    title: p.title,
    summary: p.summary,
    bodyHtml: p.bodyHtml,
    docType: p.docType,
    docNumber: p.docNumber,
    docDate: p.docDate,
    docStatus: p.docStatus,
    topics: p.topics,
    tags: p.tags,
    videoUrl: p.videoUrl,
    videoFileId: p.videoFileId,
    posterFileId: p.posterFileId,
    transcript: p.transcript,
    publishedAt: p.publishedAt.toISOString(),
    attachments: attachments
      .map((a) => ({ id: a.id, name: a.name, sha256: a.sha256 }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    links: links
      .map((l) => ({ toId: l.toId, relation: l.relation }))
      .sort((a, b) => a.toId.localeCompare(b.toId)),
  };
}
export type PublicationContent = ReturnType<typeof contentOf>;

/** The current content of an item read back from the database. */
export async function currentContent(db: DbOrTx, p: PublicationRow): Promise<PublicationContent> {
  const [attachments, links] = await Promise.all([repo.attachments(db, p.id), repo.linksFrom(db, p.id)]);
  return contentOf(p, attachments, links);
}

/**
 * Keep the item's current row as its version `p.version` and append a log
 * entry chained to the previous one. Call inside the transaction that wrote the row.
 */
export async function recordVersion(
  tx: DbOrTx,
  p: PublicationRow,
  action: 'publish' | 'change',
  at: Date,
  by: string | null,
): Promise<void> {
  const content = await currentContent(tx, p);
  await repo.insertVersion(tx, {
    publicationId: p.id,
    version: p.version,
    content,
    savedAt: at,
    savedBy: by,
  });
  const head = await repo.lockLogHead(tx);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const seq = await repo.nextLogSeq(tx);
  const hash = entryHash(prevHash, {
    seq,
    publicationId: p.id,
    version: p.version,
    action,
    at: at.toISOString(),
    content,
  });
  await repo.insertLog(tx, { seq, publicationId: p.id, version: p.version, action, at, prevHash, hash });
  await indexPublication(tx, p.id);
}

/** Bump the item to a new version after its row (or attachments, links) changed. */
export async function saveNewVersion(
  tx: DbOrTx,
  id: string,
  patch: Partial<PublicationRow>,
  at: Date,
  by: string | null,
): Promise<PublicationRow> {
  const before = await repo.lockById(tx, id);
  if (!before) throw new Error(`publication ${id} vanished`);
  await repo.update(tx, id, { ...patch, version: before.version + 1, changedAt: at });
  const after = await repo.findById(tx, id);
  if (!after) throw new Error(`publication ${id} vanished`);
  await recordVersion(tx, after, 'change', at, by);
  return after;
}
