import { type Actor, hasOrgRole, orgIdsWithRole } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors/index.ts';
import { translator } from '../../platform/i18n/index.ts';
import { type AppealStatus, canMove } from './appeals.model.ts';
import { staffPolicy } from './staff.policy.ts';
import { staffRepository as repo, type StaffAppealRow, type Visibility } from './staff.repository.ts';
import './staff.messages.ts';

/** Which appeals the person sees in the queue (by organisation and type). */
export function visibilityOf(actor: Actor): Visibility {
  return {
    workerOrgs: orgIdsWithRole(actor, ['appeals_officer', 'appeals_signer', 'head']),
    corruptionOrgs: orgIdsWithRole(actor, ['anti_corruption_officer']),
  };
}

/** Today in the region. */
export function todayOf(deps: Pick<Deps, 'clock'>): string {
  return toLocalDate(deps.clock.now());
}

/**
 * The appeal an action works on, locked for the transaction. What the person
 * may not see is a 404 (they may not learn it exists); the action's own rule
 * decides the rest.
 */
export async function appealForAction(tx: DbOrTx, actor: Actor, id: string): Promise<StaffAppealRow> {
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
export function requireMove(a: StaffAppealRow, to: AppealStatus, messageKey?: string): void {
  if (!canMove(a.status as AppealStatus, to)) throw new IllegalTransition(a.status, to, messageKey);
}

/** The role the person acts in on this appeal, for the history. */
export function actingRole(actor: Actor, orgId: string): string | null {
  for (const r of ['head', 'appeals_signer', 'anti_corruption_officer', 'appeals_officer'] as const)
    if (hasOrgRole(actor, r, orgId)) return r;
  return null;
}

/** Notices to citizens are in Russian, the language of the proceedings. */
export const tRu = translator('ru');

/** Queue a notice to the author in the caller's transaction; null when there is no e-mail to send it to. */
export async function noticeToAuthor(
  deps: Pick<Deps, 'mail' | 'config'>,
  tx: DbOrTx,
  a: StaffAppealRow,
  subject: string,
  body: string,
  kind: string,
): Promise<string | null> {
  if (!a.email) return null;
  const name = [a.firstName, a.patronymic].filter(Boolean).join(' ');
  const link = `${deps.config.publicUrl}/cabinet/appeals/${encodeURIComponent(a.number)}`;
  const text = `${tRu('appeals.staff.mail.greeting', { name })}\n\n${body}\n\n${tRu('appeals.staff.mail.status', { link })}\n`;
  return deps.mail.send(tx, { to: a.email, subject, text, kind });
}
