import { type Actor, hasOrgRole } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { Conflict, NotFound } from '../../platform/errors/index.ts';
import { type AppealStatus, canMove } from './appeals.model.ts';
import { type AppealRow, appealsRepository as repo } from './appeals.repository.ts';
import { staffPolicy } from './staff.policy.ts';
import './staff.messages.ts';

/*
 * The steps every staff action on an appeal shares: load and lock the appeal,
 * check the state machine, name the role the person acts in.
 */

/**
 * The appeal an action works on, locked for the transaction. What the person
 * may not see is a 404 (they may not learn it exists); the action's own rule
 * decides the rest.
 */
export async function appealForAction(tx: DbOrTx, actor: Actor, id: string): Promise<AppealRow> {
  const a = /^[0-9a-f-]{36}$/i.test(id) ? await repo.lockById(tx, id) : undefined;
  if (!a || !staffPolicy.canRead(actor, a)) throw new NotFound('appeal');
  return a;
}

/** A refused move of the state machine, said plainly (409, or the form's error). */
export class IllegalTransition extends Conflict {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly messageKey = 'appeals.staff.conflict.transition',
  ) {
    super(messageKey);
  }
}

/** Refuse a move the state machine does not allow. */
export function requireMove(a: AppealRow, to: AppealStatus, messageKey?: string): void {
  if (!canMove(a.status as AppealStatus, to)) throw new IllegalTransition(a.status, to, messageKey);
}

/** The role the person acts in on this appeal, for the history. */
export function actingRole(actor: Actor, orgId: string): string | null {
  for (const r of ['head', 'appeals_signer', 'anti_corruption_officer', 'appeals_officer'] as const)
    if (hasOrgRole(actor, r, orgId)) return r;
  return null;
}
