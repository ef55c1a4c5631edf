import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import type { AnswerTemplateInput } from './staff.input.ts';
import { staffPolicy } from './staff.policy.ts';
import { type AnswerTemplateRow, templatesRepository as repo } from './templates.repository.ts';

/** Create a body's answer template, or edit one (it stays with its body); audited without its text. */
export async function saveAnswerTemplate(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id?: string | undefined; template: AnswerTemplateInput },
): Promise<AnswerTemplateRow> {
  return deps.db.transaction(async (tx) => {
    const existing = input.id ? await repo.byId(tx, input.id) : undefined;
    if (input.id && !existing) throw new NotFound('appeal_answer_template');
    const orgId = existing?.orgId ?? input.template.orgId;
    authorize(staffPolicy.canKeepTemplates(origin.actor, orgId), existing !== undefined);
    const now = deps.clock.now();
    const { title, text } = input.template;
    let row: AnswerTemplateRow;
    if (existing) {
      await repo.update(tx, existing.id, { title, text, updatedAt: now });
      row = { ...existing, title, text, updatedAt: now };
    } else {
      row = await repo.insert(tx, {
        orgId,
        title,
        text,
        createdBy: origin.actor.kind === 'user' ? origin.actor.userId : null,
        createdAt: now,
        updatedAt: now,
      });
    }
    await recordAction(tx, {
      ...origin,
      action: existing ? 'appeal_template.update' : 'appeal_template.create',
      objectType: 'appeal_answer_template',
      objectId: row.id,
      orgId,
      details: { title },
    });
    return row;
  });
}
