import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../platform/errors/index.ts';
import { appealsPolicy } from './appeals.policy.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { publicationBlockers } from './faq/publication-check.ts';
import { publicRepository } from './public.repository.ts';

/**
 * The author withdraws their consent to publishing the appeal and its answer,
 * at any time (152-ФЗ ст. 9 ч. 2). Every published FAQ item made from it that
 * relied on the consent is unpublished in the same transaction; an item whose
 * anonymiser check is clean stays.
 */
export async function withdrawPublicationConsent(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { number: string },
): Promise<{ unpublished: number }> {
  return deps.db.transaction(async (tx) => {
    const appeal = await repo.findByNumber(tx, input.number);
    if (!appeal) throw new NotFound('appeal');
    authorize(appealsPolicy.canReadAsAuthor(origin.actor, appeal), true);
    if (!appeal.publicationConsentAt) throw new Conflict('appeals.consent.none');
    const now = deps.clock.now();
    await repo.update(tx, appeal.id, { publicationConsentAt: null, updatedAt: now });
    let unpublished = 0;
    for (const item of await publicRepository.faqFromAppeal(tx, appeal.id)) {
      if (!item.publishedAt) continue;
      // the consent is gone: the item stays only if nothing personal is left in it
      const blockers = await publicationBlockers(tx, item, { orgId: item.orgId, sourceAppealId: appeal.id });
      if (blockers.length === 0) continue;
      await publicRepository.updateFaq(tx, item.id, { publishedAt: null });
      unpublished++;
      await recordAction(tx, {
        actor: origin.actor,
        ip: origin.ip,
        action: 'faq.unpublish',
        objectType: 'appeal_faq_item',
        objectId: item.id,
        orgId: item.orgId,
        details: { reason: 'publication_consent_withdrawn' },
      });
    }
    await repo.insertEvent(tx, {
      appealId: appeal.id,
      at: now,
      kind: 'publication_consent_withdrawn',
      actorUserId: isSignedIn(origin.actor) ? origin.actor.userId : null,
      details: { unpublished },
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.publication_consent_withdraw',
      objectType: 'appeal',
      objectId: appeal.id,
      orgId: appeal.orgId,
      details: { number: appeal.number, unpublished },
    });
    return { unpublished };
  });
}
