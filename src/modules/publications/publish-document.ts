import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput } from '../../platform/errors/index.ts';
import { markOrgSectionFilled } from '../orgs/index.ts';
import { applyLinks, resolveLinkTargets } from './document-links.ts';
import { orgBySlug } from './find-org.ts';
import { marksOpenMunicipality, syncOpenMunicipalitySection } from './open-municipality.ts';
import { checkDocTypeAllowed, type DocumentInput } from './publications.input.ts';
import { canPublish } from './publications.policy.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import { userIdOf } from './publish-media-item.ts';
import { sanitizeRichText } from './sanitize.ts';
import { recordVersion } from './versioning.ts';

/**
 * Publish a document with its requisites; the documents it amends or cancels change status.
 * `db` may be a transaction (drafts adopts a draft and publishes its act in one).
 */
export async function publishDocument(
  deps: { db: DbOrTx; clock: Deps['clock'] },
  origin: Origin,
  input: { slug: string; doc: DocumentInput },
): Promise<PublicationRow> {
  return deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    checkDocTypeAllowed(input.doc.docType, org.kind);
    const d = input.doc;
    const same = (await repo.findDocumentByNumber(tx, org.id, d.docNumber)).filter(
      (x) => x.docType === d.docType && x.docDate?.slice(0, 4) === d.docDate?.slice(0, 4),
    );
    if (same.length)
      throw new InvalidInput([{ field: 'docNumber', message: 'publications.docNumber.taken' }]);
    const targets = await resolveLinkTargets(tx, org.id, null, d);
    const now = deps.clock.now();
    const row = await repo.insert(tx, {
      orgId: org.id,
      kind: 'document',
      title: d.title,
      summary: d.summary,
      bodyHtml: sanitizeRichText(d.body),
      docType: d.docType,
      docNumber: d.docNumber,
      docDate: d.docDate,
      docStatus: d.docStatus,
      topics: d.topics,
      tags: d.tags,
      publishedAt: now,
      createdBy: userIdOf(origin),
    });
    for (const t of targets)
      await repo.insertLink(tx, { fromId: row.id, toId: t.doc.id, relation: t.relation });
    await recordVersion(tx, row, 'publish', now, userIdOf(origin));
    await applyLinks(tx, row.id, targets, now, userIdOf(origin));
    await markOrgSectionFilled(tx, org.id, 'documents', now);
    if (marksOpenMunicipality(d.topics)) await syncOpenMunicipalitySection(tx, org, now);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'publication.publish',
      objectType: 'publication',
      objectId: row.id,
      orgId: org.id,
      details: { kind: 'document', docType: d.docType, docNumber: d.docNumber },
    });
    return row;
  });
}
