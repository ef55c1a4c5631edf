import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { applyLinks, resolveLinkTargets } from './document-links.ts';
import { orgBySlug } from './find-org.ts';
import { marksOpenMunicipality, syncOpenMunicipalitySection } from './open-municipality.ts';
import { checkDocTypeAllowed, type DocumentInput } from './publications.input.ts';
import { canPublish } from './publications.policy.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import { userIdOf } from './publish-media-item.ts';
import { sanitizeRichText } from './sanitize.ts';
import { saveNewVersion } from './versioning.ts';

/** Change a published document: a new version, the old one kept and logged; new links applied. */
export async function updateDocument(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; id: string; doc: DocumentInput },
): Promise<PublicationRow> {
  return deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    checkDocTypeAllowed(input.doc.docType, org.kind);
    const before = await repo.findById(tx, input.id);
    if (!before || before.orgId !== org.id || before.kind !== 'document') throw new NotFound('publication');
    const d = input.doc;
    const existing = new Set((await repo.linksFrom(tx, before.id)).map((l) => l.toId));
    const targets = (await resolveLinkTargets(tx, org.id, before.id, d)).filter(
      (t) => !existing.has(t.doc.id),
    );
    const patch = {
      title: d.title,
      summary: d.summary,
      bodyHtml: sanitizeRichText(d.body),
      docType: d.docType,
      docNumber: d.docNumber,
      docDate: d.docDate,
      docStatus: d.docStatus,
      topics: d.topics,
      tags: d.tags,
    };
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter(
      (k) => JSON.stringify(patch[k]) !== JSON.stringify(before[k]),
    );
    if (changed.length === 0 && targets.length === 0) return before;
    const now = deps.clock.now();
    for (const t of targets)
      await repo.insertLink(tx, { fromId: before.id, toId: t.doc.id, relation: t.relation });
    const after = await saveNewVersion(tx, before.id, patch, now, userIdOf(origin));
    await applyLinks(tx, before.id, targets, now, userIdOf(origin));
    if (marksOpenMunicipality(before.topics) || marksOpenMunicipality(d.topics))
      await syncOpenMunicipalitySection(tx, org, now);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'publication.change',
      objectType: 'publication',
      objectId: before.id,
      orgId: org.id,
      details: { fields: changed, version: after.version, links: targets.length },
    });
    return after;
  });
}
