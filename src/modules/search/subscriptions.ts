import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { translator } from '../../platform/i18n/index.ts';
import type { Labelled } from '../../platform/search/index.ts';
import { labelOf, searchVocabulary } from '../../platform/search/index.ts';
import type { OrgRow } from '../orgs/index.ts';

export const DIGEST_QUEUE = 'search.subscriptions.digest';

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** The human label of a subscription, in Russian (mails go out in Russian). */
export function subscriptionLabel(
  kind: string,
  params: Record<string, string>,
  orgs: Map<string, OrgRow>,
): string {
  const t = translator('ru');
  if (kind === 'org')
    return t('subs.label.org', { org: orgs.get(params.org ?? '')?.nameRu ?? params.org ?? '' });
  if (kind === 'topic') {
    const topic = params.topic ?? '';
    return t('subs.label.topic', {
      topic: labelOf(searchVocabulary().topics.get(topic) as Labelled | undefined, topic, 'ru'),
    });
  }
  return t('subs.label.query', { q: params.q ?? '' });
}

/** The unsubscribe link's token: the id signed with the server secret, so every mail can carry it. */
export function unsubscribeToken(id: string, secret: string): string {
  const mac = createHmac('sha256', `unsubscribe:${secret}`).update(id).digest('base64url').slice(0, 32);
  return `${id}.${mac}`;
}

/** The subscription id of a valid unsubscribe token, or null. */
export function idFromUnsubscribeToken(token: string, secret: string): string | null {
  const m = token.match(/^([0-9a-f-]{36})\.([A-Za-z0-9_-]{32})$/);
  if (!m?.[1]) return null;
  const expected = Buffer.from(unsubscribeToken(m[1], secret));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : null;
}
