import type { Actor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Forbidden, NotFound } from '../../platform/errors/index.ts';
import { listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import { staffPolicy } from './staff.policy.ts';
import { type AnswerTemplateRow, templatesRepository as repo } from './templates.repository.ts';

/** The answer templates of the bodies this person keeps them for, with those bodies (for /manage). */
export async function listAnswerTemplates(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
): Promise<{ templates: AnswerTemplateRow[]; orgs: OrgRow[] }> {
  const ids = staffPolicy.templateOrgIds(actor);
  const all = await listAllOrganizations(deps.db);
  const orgs = ids === 'all' ? all : all.filter((o) => ids.includes(o.id));
  if (orgs.length === 0) throw new Forbidden();
  return { templates: await repo.ofOrgs(deps.db, ids), orgs };
}

/** One template for its editing page; another body's is a 404. */
export async function getAnswerTemplate(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
): Promise<AnswerTemplateRow> {
  const t = await repo.byId(deps.db, id);
  if (!t) throw new NotFound('appeal_answer_template');
  authorize(staffPolicy.canKeepTemplates(actor, t.orgId), true);
  return t;
}
