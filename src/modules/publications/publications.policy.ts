import type { Actor } from '../../platform/authz/index.ts';
import { canManageOrg } from '../orgs/index.ts';

/**
 * Who may publish and change an organisation's news, documents, section pages
 * and declarations: the people who keep the organisation (its editors and
 * head, the project office, administrators).
 */
export function canPublish(actor: Actor, org: { id: string }): boolean {
  return canManageOrg(actor, org);
}

/** Site feedback names no one, but it is addressed to the organisation's staff only. */
export function canReadSiteFeedback(actor: Actor, org: { id: string }): boolean {
  return canManageOrg(actor, org);
}
