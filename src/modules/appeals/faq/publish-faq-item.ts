import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { markOrgSectionFilled } from '../../orgs/index.ts';
import { publicSidePolicy } from '../public.policy.ts';
import { publicRepository as repo } from '../public.repository.ts';
import { requirePublishable } from './publication-check.ts';

/** Publish a question and answer in the body's appeals section, or withdraw it; audited. */
export async function publishFaqItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id: string; publish: boolean },
): Promise<void> {
  const item = await repo.faqById(deps.db, input.id);
  if (!item) throw new NotFound('appeal_faq_item');
  authorize(publicSidePolicy.canManage(origin.actor, item.orgId), true);
  // Publishing is blocked while the anonymiser still finds personal data, unless the author consented.
  if (input.publish)
    await requirePublishable(deps.db, { question: item.question, answer: item.answer }, item);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await repo.updateFaq(tx, item.id, { publishedAt: input.publish ? now : null });
    if (input.publish) await markOrgSectionFilled(tx, item.orgId, 'appeals', now);
    await recordAction(tx, {
      ...origin,
      action: input.publish ? 'appeal_faq.publish' : 'appeal_faq.unpublish',
      objectType: 'appeal_faq_item',
      objectId: item.id,
      orgId: item.orgId,
    });
  });
}

/** Delete a question and answer; audited. */
export async function deleteFaqItem(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { id: string },
): Promise<void> {
  const item = await repo.faqById(deps.db, input.id);
  if (!item) throw new NotFound('appeal_faq_item');
  authorize(publicSidePolicy.canManage(origin.actor, item.orgId), true);
  await deps.db.transaction(async (tx) => {
    await repo.deleteFaq(tx, item.id);
    await recordAction(tx, {
      ...origin,
      action: 'appeal_faq.delete',
      objectType: 'appeal_faq_item',
      objectId: item.id,
      orgId: item.orgId,
    });
  });
}
