import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { translator } from '../../platform/i18n/index.ts';
import { listAllOrganizations } from '../orgs/index.ts';
import { findFollowTarget, followable } from './follow.ts';
import { requestFromPage, type SubscriptionInput, searchHref } from './search.input.ts';
import { subscriptionsRepository as repo } from './subscriptions.repository.ts';
import { newToken, subscriptionLabel, unsubscribeToken } from './subscriptions.ts';

/**
 * Subscribe the signed-in person to an organisation, a topic, a saved search or
 * one followed object; mails a confirmation link. Following an object twice
 * returns the first subscription and mails nothing.
 */
export async function createSubscription(
  deps: Pick<Deps, 'db' | 'mail' | 'clock' | 'config'>,
  origin: Origin,
  input: SubscriptionInput,
): Promise<{ id: string }> {
  const actor = origin.actor;
  authorize(isSignedIn(actor));
  if (!isSignedIn(actor)) throw new Error('unreachable');
  const orgs = await listAllOrganizations(deps.db);
  const bySlug = new Map(orgs.map((o) => [o.slug, o]));
  let params: Record<string, string>;
  let label = '';
  if (input.kind === 'follow') {
    const target = await findFollowTarget(deps.db, input.object, input.id);
    if (!target) throw new NotFound('follow');
    params = { object: target.kind, id: target.id };
    const same = (await repo.ofUser(deps.db, actor.userId)).find(
      (s) => s.kind === 'follow' && s.params.object === target.kind && s.params.id === target.id,
    );
    if (same) return { id: same.id };
    label = translator('ru')('subs.label.follow', {
      kind: followable(target.kind)?.label.ru ?? target.kind,
      title: target.title.slice(0, 200),
    });
  } else if (input.kind === 'org') {
    if (!bySlug.has(input.org)) throw new InvalidInput([{ field: 'org', message: 'subs.org.required' }]);
    params = { org: input.org };
  } else if (input.kind === 'topic') params = { topic: input.topic };
  else {
    // The saved search keeps the filters it was made with (from /search), with the query as typed.
    const saved = requestFromPage(Object.fromEntries(new URLSearchParams(input.params ?? '')));
    const href = searchHref({ ...saved.req, q: input.q, page: 1 });
    params = Object.fromEntries(
      [...new URLSearchParams(href.split('?')[1] ?? '')].map(([k]) => [
        k,
        new URLSearchParams(href.split('?')[1]).getAll(k).join(','),
      ]),
    );
  }
  if (input.kind !== 'follow') label = subscriptionLabel(input.kind, params, bySlug);
  const { token, hash } = newToken();
  const base = deps.config.publicUrl.replace(/\/$/, '');
  const t = translator('ru');
  return deps.db.transaction(async (tx) => {
    const row = await repo.insert(tx, {
      userId: actor.userId,
      email: actor.email,
      kind: input.kind,
      params,
      label,
      tokenHash: hash,
      lastSentAt: deps.clock.now(),
    });
    await deps.mail.send(tx, {
      to: actor.email,
      kind: 'search.subscription.confirm',
      subject: t('subs.mail.confirm.subject', { label }),
      text: t('subs.mail.confirm.text', {
        label,
        confirm: `${base}/subscriptions/confirm/${token}`,
        unsubscribe: `${base}/subscriptions/unsubscribe/${unsubscribeToken(row.id, deps.config.sessionSecret)}`,
      }),
    });
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'search.subscription.create',
      objectType: 'search_subscription',
      objectId: row.id,
      details: { kind: input.kind },
    });
    return { id: row.id };
  });
}
