import type { Origin } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput } from '../../platform/errors/index.ts';
import { findOrganizationById } from '../orgs/index.ts';
import { fillTemplate } from './answer-templates.ts';
import { staffPolicy } from './staff.policy.ts';
import { appealForAction } from './staff-action.ts';
import { templatesRepository as repo } from './templates.repository.ts';

/**
 * The text of one of the body's templates filled for this appeal (the author's
 * name, the number, the registration date, the body), for the answer being
 * written; nothing is saved until the answer or its draft is.
 */
export async function applyAnswerTemplate(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { id: string; templateId: string },
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    authorize(staffPolicy.canDraftAnswer(origin.actor, a));
    const t = await repo.byId(tx, input.templateId);
    // another body's template is as unknown here as one that does not exist
    if (!t || t.orgId !== a.orgId)
      throw new InvalidInput([{ field: 'template', message: 'appeals.templates.choose' }]);
    const org = await findOrganizationById(tx, a.orgId);
    return fillTemplate(t.text, {
      lastName: a.lastName,
      firstName: a.firstName,
      patronymic: a.patronymic,
      number: a.number,
      registeredOn: a.registeredOn,
      orgName: org?.nameRu ?? '',
    });
  });
}
