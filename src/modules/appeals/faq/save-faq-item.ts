import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import type { FaqInput } from '../public.input.ts';
import { publicSidePolicy } from '../public.policy.ts';
import { type FaqRow, publicRepository as repo } from '../public.repository.ts';
import { requirePublishable } from './publication-check.ts';

/** Create a draft question and answer of a body's FAQ, or edit one (task 4.3); audited. */
export async function saveFaqItem(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { id?: string | undefined; item: FaqInput },
): Promise<FaqRow> {
  const existing = input.id ? await repo.faqById(deps.db, input.id) : undefined;
  if (input.id && !existing) throw new NotFound('appeal_faq_item');
  // An item stays with its body; editing never moves it.
  const orgId = existing?.orgId ?? input.item.orgId;
  authorize(publicSidePolicy.canManage(origin.actor, orgId), existing !== undefined);
  // An edit of a published item is checked again: it cannot bring personal data onto the public page.
  if (existing?.publishedAt) await requirePublishable(deps.db, input.item, existing);
  return deps.db.transaction(async (tx) => {
    let row: FaqRow;
    if (existing) {
      await repo.updateFaq(tx, existing.id, { question: input.item.question, answer: input.item.answer });
      row = { ...existing, question: input.item.question, answer: input.item.answer };
    } else {
      row = await repo.insertFaq(tx, {
        orgId,
        question: input.item.question,
        answer: input.item.answer,
        createdBy: origin.actor.kind === 'user' ? origin.actor.userId : null,
      });
    }
    await recordAction(tx, {
      ...origin,
      action: existing ? 'appeal_faq.update' : 'appeal_faq.create',
      objectType: 'appeal_faq_item',
      objectId: row.id,
      orgId,
      details: { published: row.publishedAt !== null },
    });
    return row;
  });
}
