import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/index.ts';
import { findFollowTarget, followable } from './follow.ts';
import { requestFromPage, searchHref } from './search.input.ts';
import { searchPortal } from './search-portal.ts';
import type { SubscriptionRow } from './subscriptions.repository.ts';
import { subscriptionsRepository as repo } from './subscriptions.repository.ts';
import { unsubscribeToken } from './subscriptions.ts';

const PER_MAIL = 20;

type DigestItem = { title: string; url: string };

/** What is new for one subscription since its last mail, and the page with all of it; null when it is gone. */
async function freshItems(
  deps: Pick<Deps, 'db'>,
  s: SubscriptionRow,
  now: Date,
): Promise<{ items: DigestItem[]; all: string } | null> {
  if (s.kind === 'follow') {
    // a followed object that is no longer public (unpublished, removed) mails nothing
    const target = await findFollowTarget(deps.db, s.params.object ?? '', s.params.id ?? '');
    const f = followable(s.params.object ?? '');
    if (!target || !f) return null;
    const updates = await f.updates(deps.db, {
      id: target.id,
      after: s.lastSentAt,
      until: now,
      limit: PER_MAIL,
    });
    return { items: updates.map((u) => ({ title: u.title, url: u.url })), all: target.url };
  }
  const { req } = requestFromPage(s.params);
  const { result } = await searchPortal(deps, {
    ...req,
    sort: 'date',
    page: 1,
    perPage: PER_MAIL,
    publishedAfter: s.lastSentAt,
  });
  return {
    items: result.items
      .filter((i) => i.publishedAt <= now)
      .map((i) => ({ title: i.title.map((p) => p.text).join(''), url: i.url })),
    all: searchHref({ ...req, sort: 'date', page: 1 }),
  };
}

/**
 * The daily job: for every confirmed subscription, the items published since
 * its last mail (for a followed object, its updates), newest first; one mail
 * when there are any. Each subscription is marked in the same transaction as
 * its mail, so a rerun sends nothing twice.
 */
export async function sendSubscriptionDigests(
  deps: Pick<Deps, 'db' | 'mail' | 'clock' | 'config'>,
): Promise<{ mailed: number }> {
  const t = translator('ru');
  const base = deps.config.publicUrl.replace(/\/$/, '');
  const now = deps.clock.now();
  let mailed = 0;
  for (const s of await repo.confirmed(deps.db)) {
    const fresh = await freshItems(deps, s, now);
    if (!fresh || fresh.items.length === 0) continue;
    const items = fresh.items.map((i) => `— ${i.title}\n  ${base}${i.url}`).join('\n\n');
    await deps.db.transaction(async (tx) => {
      if (!(await repo.markSent(tx, s.id, now, s.lastSentAt))) return;
      await deps.mail.send(tx, {
        to: s.email,
        kind: 'search.subscription.digest',
        subject: t('subs.mail.digest.subject', { label: s.label }),
        text: t('subs.mail.digest.text', {
          label: s.label,
          items,
          all: `${base}${fresh.all}`,
          unsubscribe: `${base}/subscriptions/unsubscribe/${unsubscribeToken(s.id, deps.config.sessionSecret)}`,
        }),
      });
      mailed++;
    });
  }
  return { mailed };
}
