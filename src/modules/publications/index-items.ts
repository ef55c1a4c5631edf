import type { DbOrTx } from '../../platform/db/client.ts';
import { listAllOrganizations } from '../orgs/index.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import { htmlToText } from './sanitize.ts';
import { sectionByKey } from './sections.ts';

/** One public item as the search index takes it. */
export type PublicItem = {
  /** stable key: `publication:<uuid>` */
  id: string;
  /** document | news | press_release | announcement | interview | video | section */
  type: string;
  orgId: string;
  orgSlug: string;
  title: string;
  /** the body as plain text (the transcript of a video included) */
  body: string;
  /** the text extracted from PDF and DOCX attachments */
  attachmentText: string;
  summary: string;
  /** publication date; a document's own date is in requisites */
  date: Date;
  url: string;
  topics: string[];
  tags: string[];
  requisites: {
    docType: string;
    docNumber: string;
    docDate: string | null;
    docStatus: string | null;
    issuerOrgId: string;
  } | null;
  attachmentNames: string[];
};

/** The public address of an item. */
export function publicationUrl(
  p: Pick<PublicationRow, 'id' | 'kind' | 'sectionKey'>,
  orgSlug: string,
): string {
  if (p.kind === 'document') return `/orgs/${orgSlug}/documents/${p.id}`;
  if (p.kind === 'section') return `/orgs/${orgSlug}/${sectionByKey(p.sectionKey ?? '')?.path ?? ''}`;
  return `/orgs/${orgSlug}/press/${p.id}`;
}

/**
 * Every public item of the module, a page at a time in id order (pass the
 * last id back as `after`), for the search index to (re)build from.
 */
export async function listPublicItemsForIndex(
  db: DbOrTx,
  opts: { after?: string; limit?: number; ids?: string[] } = {},
): Promise<{ items: PublicItem[]; next: string | null }> {
  const limit = Math.min(opts.limit ?? 500, 2000);
  const rows = opts.ids
    ? await repo.findByIds(db, opts.ids)
    : await repo.publicBatch(db, opts.after ?? '00000000-0000-0000-0000-000000000000', limit);
  const orgs = new Map((await listAllOrganizations(db)).map((o) => [o.id, o.slug]));
  const attachments = await repo.attachmentsOf(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((p): PublicItem => {
    const slug = orgs.get(p.orgId) ?? '';
    const atts = attachments.filter((a) => a.publicationId === p.id);
    return {
      id: `publication:${p.id}`,
      type: p.kind === 'section' ? 'section' : p.kind,
      orgId: p.orgId,
      orgSlug: slug,
      title: p.title,
      body: [htmlToText(p.bodyHtml), p.transcript ?? ''].filter(Boolean).join('\n\n'),
      attachmentText: atts
        .map((a) => a.text ?? '')
        .filter(Boolean)
        .join('\n\n'),
      summary: p.summary ?? '',
      date: p.publishedAt,
      url: publicationUrl(p, slug),
      topics: p.topics,
      tags: p.tags,
      requisites:
        p.kind === 'document' && p.docType && p.docNumber
          ? {
              docType: p.docType,
              docNumber: p.docNumber,
              docDate: p.docDate,
              docStatus: p.docStatus,
              issuerOrgId: p.orgId,
            }
          : null,
      attachmentNames: atts.map((a) => a.name),
    };
  });
  const last = rows.at(-1);
  return { items, next: !opts.ids && rows.length === limit && last ? last.id : null };
}

/** One public document with requisites, as the documents register (open data) lists it. */
export type RegisterDocument = {
  docType: string;
  docNumber: string;
  docDate: string | null;
  docStatus: string | null;
  title: string;
  orgSlug: string;
  url: string;
};

/**
 * The public documents with requisites (of one issuer, or of every body), a
 * batch at a time in a stable order: light columns only, so memory stays flat
 * however many documents the region holds.
 */
export async function* publicDocumentRegister(
  db: DbOrTx,
  opts: { orgId: string | null; batch?: number },
): AsyncGenerator<RegisterDocument[]> {
  const slugs = new Map((await listAllOrganizations(db)).map((o) => [o.id, o.slug]));
  const limit = opts.batch ?? 5000;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await repo.publicDocumentBatch(db, { afterId, limit, orgId: opts.orgId });
    if (rows.length > 0)
      yield rows.map((r) => {
        const orgSlug = slugs.get(r.orgId) ?? '';
        return {
          docType: r.docType ?? '',
          docNumber: r.docNumber ?? '',
          docDate: r.docDate,
          docStatus: r.docStatus,
          title: r.title,
          orgSlug,
          url: publicationUrl({ kind: 'document', id: r.id, sectionKey: null }, orgSlug),
        };
      });
    const last = rows.at(-1);
    if (!last || rows.length < limit) return;
    afterId = last.id;
  }
}
