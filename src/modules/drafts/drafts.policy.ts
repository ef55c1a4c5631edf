import type { Actor } from '../../platform/authz/index.ts';
import { canManageOrg } from '../orgs/index.ts';

/**
 * Who keeps a body's legislative plan and drafts: the people who keep the
 * organisation (its editors and head, the project office, administrators).
 * Everything else of the module is public.
 */
export function canManageDrafts(actor: Actor, org: { id: string }): boolean {
  return canManageOrg(actor, org);
}
