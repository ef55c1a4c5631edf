import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { markOrgSectionFilled } from '../orgs/index.ts';
import { orgBySlug } from './find-org.ts';
import type { SectionInput } from './publications.input.ts';
import { canPublish } from './publications.policy.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import { userIdOf } from './publish-media-item.ts';
import { sanitizeRichText } from './sanitize.ts';
import { sectionByKey } from './sections.ts';
import { recordVersion, saveNewVersion } from './versioning.ts';

/** Fill or change a structured section page; its org section is then shown as filled. */
export async function saveSection(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; key: string; section: SectionInput },
): Promise<PublicationRow> {
  return deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    const def = sectionByKey(input.key);
    if (!def) throw new NotFound('section');
    const bodyHtml = sanitizeRichText(input.section.body);
    const now = deps.clock.now();
    const before = await repo.findSection(tx, org.id, def.key);
    let row: PublicationRow;
    if (!before) {
      row = await repo.insert(tx, {
        orgId: org.id,
        kind: 'section',
        sectionKey: def.key,
        title: def.titleRu,
        bodyHtml,
        publishedAt: now,
        createdBy: userIdOf(origin),
      });
      await recordVersion(tx, row, 'publish', now, userIdOf(origin));
    } else if (before.bodyHtml === bodyHtml) {
      return before;
    } else {
      row = await saveNewVersion(tx, before.id, { bodyHtml }, now, userIdOf(origin));
    }
    await markOrgSectionFilled(tx, org.id, def.key, now);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: before ? 'publication.change' : 'publication.publish',
      objectType: 'publication',
      objectId: row.id,
      orgId: org.id,
      details: { kind: 'section', section: def.key, version: row.version },
    });
    return row;
  });
}
