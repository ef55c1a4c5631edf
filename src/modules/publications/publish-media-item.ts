import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { storeUploads, type UploadedFile, type UploadRules } from '../../platform/files/index.ts';
import { markOrgSectionFilled } from '../orgs/index.ts';
import { orgBySlug } from './find-org.ts';
import type { MediaItemInput } from './publications.input.ts';
import { canPublish } from './publications.policy.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import { sanitizeRichText } from './sanitize.ts';
import { recordVersion } from './versioning.ts';

/** An uploaded video (when there is no link) and its poster frame. */
export const VIDEO_RULES: UploadRules = { kinds: ['mp4'], maxBytes: 25 * 1024 * 1024, maxFiles: 1 };
export const POSTER_RULES: UploadRules = { kinds: ['jpg', 'png'], maxBytes: 5 * 1024 * 1024, maxFiles: 1 };

export const userIdOf = (o: Origin) => (isSignedIn(o.actor) ? o.actor.userId : null);

/** Publish a news item, press release, announcement, interview or video (task 3.3). */
export async function publishMediaItem(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  origin: Origin,
  input: { slug: string; item: MediaItemInput; videoFiles?: UploadedFile[]; posterFiles?: UploadedFile[] },
): Promise<PublicationRow> {
  return deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    const now = deps.clock.now();
    const i = input.item;
    const by = userIdOf(origin);
    const isVideo = i.kind === 'video';
    const [video] = isVideo
      ? await storeUploads(deps, tx, 'videoFile', input.videoFiles ?? [], VIDEO_RULES, by)
      : [];
    const [poster] = isVideo
      ? await storeUploads(deps, tx, 'posterFile', input.posterFiles ?? [], POSTER_RULES, by)
      : [];
    const row = await repo.insert(tx, {
      orgId: org.id,
      kind: i.kind,
      title: i.title,
      summary: i.summary,
      bodyHtml: sanitizeRichText(i.body),
      topics: i.topics,
      tags: i.tags,
      videoUrl: i.kind === 'video' ? i.videoUrl : null,
      videoFileId: video?.id ?? null,
      posterFileId: poster?.id ?? null,
      transcript: i.kind === 'video' ? i.transcript : null,
      publishedAt: now,
      createdBy: userIdOf(origin),
    });
    await recordVersion(tx, row, 'publish', now, userIdOf(origin));
    await markOrgSectionFilled(tx, org.id, 'media', now);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'publication.publish',
      objectType: 'publication',
      objectId: row.id,
      orgId: org.id,
      details: { kind: row.kind },
    });
    return row;
  });
}
