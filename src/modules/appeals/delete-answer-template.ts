import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { staffPolicy } from './staff.policy.ts';
import { templatesRepository as repo } from './templates.repository.ts';

/** Delete a body's answer template (answers already written from it keep their text); audited. */
export async function deleteAnswerTemplate(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { id: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const t = await repo.byId(tx, input.id);
    if (!t) throw new NotFound('appeal_answer_template');
    authorize(staffPolicy.canKeepTemplates(origin.actor, t.orgId), true);
    await repo.delete(tx, t.id);
    await recordAction(tx, {
      ...origin,
      action: 'appeal_template.delete',
      objectType: 'appeal_answer_template',
      objectId: t.id,
      orgId: t.orgId,
      details: { title: t.title },
    });
  });
}
