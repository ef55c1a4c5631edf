import type { Actor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import type { DeadlineSettings } from './appeals.model.ts';
import { loadDeadlineSettings } from './appeals.settings.ts';
import { staffPolicy } from './staff.policy.ts';

/** The deadline settings in force, for the administrator's page. */
export async function getDeadlineSettings(deps: Pick<Deps, 'db'>, actor: Actor): Promise<DeadlineSettings> {
  authorize(staffPolicy.canManageDeadlines(actor));
  return loadDeadlineSettings(deps.db);
}
