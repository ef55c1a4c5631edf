import { toLocalDate } from '../../../platform/calendar/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { rateLimitsRepository } from '../../../platform/http/rate-limits.repository.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { findGlobalRoleHolders } from '../../accounts/index.ts';
import { discussionsRepository as repo } from './discussions.repository.ts';

export const DIGEST_QUEUE = 'participation.discussions.moderation-digest';

/**
 * The daily mail to the portal's moderators: how many comments wait and how
 * many reported ones are undecided, with the link to the queue. Nothing waits:
 * no mail. Each moderator gets one a day even if the job runs twice.
 */
export async function sendModerationDigest(
  deps: Pick<Deps, 'db' | 'mail' | 'clock' | 'config'>,
): Promise<{ mailed: number }> {
  const counts = await repo.queueCounts(deps.db, 'all');
  if (counts.pending + counts.reported === 0) return { mailed: 0 };
  const t = translator('ru');
  const base = deps.config.publicUrl.replace(/\/$/, '');
  const day = toLocalDate(deps.clock.now());
  let mailed = 0;
  for (const m of await findGlobalRoleHolders(deps.db, 'moderator')) {
    await deps.db.transaction(async (tx) => {
      if (!(await rateLimitsRepository.claimOnce(tx, `disc-digest|${day}|${m.id}`, 36 * 3_600_000))) return;
      await deps.mail.send(tx, {
        to: m.email,
        kind: 'participation.moderation.digest',
        subject: t('disc.digest.subject', { n: counts.pending + counts.reported }),
        text: t('disc.digest.text', {
          name: m.displayName,
          pending: counts.pending,
          reported: counts.reported,
          url: `${base}/manage/discussions`,
        }),
      });
      mailed++;
    });
  }
  return { mailed };
}
