import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/index.ts';
import { requestFromPage, searchHref } from './search.input.ts';
import { searchPortal } from './search-portal.ts';
import { subscriptionsRepository as repo } from './subscriptions.repository.ts';
import { unsubscribeToken } from './subscriptions.ts';

const PER_MAIL = 20;

/**
 * The daily job: for every confirmed subscription, the items published since
 * its last mail, newest first; one mail when there are any. Each subscription
 * is marked in the same transaction as its mail, so a rerun sends nothing twice.
 */
export async function sendSubscriptionDigests(
  deps: Pick<Deps, 'db' | 'mail' | 'clock' | 'config'>,
): Promise<{ mailed: number }> {
  const t = translator('ru');
  const base = deps.config.publicUrl.replace(/\/$/, '');
  const now = deps.clock.now();
  let mailed = 0;
  for (const s of await repo.confirmed(deps.db)) {
    const { req } = requestFromPage(s.params);
    const { result } = await searchPortal(deps, {
      ...req,
      sort: 'date',
      page: 1,
      perPage: PER_MAIL,
      publishedAfter: s.lastSentAt,
    });
    const fresh = result.items.filter((i) => i.publishedAt <= now);
    if (fresh.length === 0) continue;
    const items = fresh
      .map((i) => `— ${i.title.map((p) => p.text).join('')}\n  ${base}${i.url}`)
      .join('\n\n');
    await deps.db.transaction(async (tx) => {
      if (!(await repo.markSent(tx, s.id, now, s.lastSentAt))) return;
      await deps.mail.send(tx, {
        to: s.email,
        kind: 'search.subscription.digest',
        subject: t('subs.mail.digest.subject', { label: s.label }),
        text: t('subs.mail.digest.text', {
          label: s.label,
          items,
          all: `${base}${searchHref({ ...req, sort: 'date', page: 1 })}`,
          unsubscribe: `${base}/subscriptions/unsubscribe/${unsubscribeToken(s.id, deps.config.sessionSecret)}`,
        }),
      });
      mailed++;
    });
  }
  return { mailed };
}
