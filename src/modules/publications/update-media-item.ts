import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { orgBySlug } from './find-org.ts';
import { type MediaItemInput, mediaKinds } from './publications.input.ts';
import { canPublish } from './publications.policy.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import { userIdOf } from './publish-media-item.ts';
import { sanitizeRichText } from './sanitize.ts';
import { saveNewVersion } from './versioning.ts';

/** Change a published media item: the previous version stays visible, the log gets an entry. */
export async function updateMediaItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; id: string; item: MediaItemInput },
): Promise<PublicationRow> {
  return deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    const before = await repo.findById(tx, input.id);
    if (!before || before.orgId !== org.id || !(mediaKinds as readonly string[]).includes(before.kind))
      throw new NotFound('publication');
    const i = input.item;
    const patch = {
      kind: i.kind,
      title: i.title,
      summary: i.summary,
      bodyHtml: sanitizeRichText(i.body),
      topics: i.topics,
      tags: i.tags,
      videoUrl: i.kind === 'video' ? i.videoUrl : null,
      transcript: i.kind === 'video' ? i.transcript : null,
    };
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter(
      (k) => JSON.stringify(patch[k]) !== JSON.stringify(before[k]),
    );
    if (changed.length === 0) return before;
    const now = deps.clock.now();
    const after = await saveNewVersion(tx, before.id, patch, now, userIdOf(origin));
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'publication.change',
      objectType: 'publication',
      objectId: before.id,
      orgId: org.id,
      details: { fields: changed, version: after.version },
    });
    return after;
  });
}
