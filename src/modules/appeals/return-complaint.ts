import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict } from '../../platform/errors/index.ts';
import { carriesComplaint } from './appeals.model.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { complaintSubject } from './forward-appeal.ts';
import { noticeToAuthor, tRu } from './notices.ts';
import { staffPolicy } from './staff.policy.ts';
import { actingRole, appealForAction, requireMove } from './staff-action.ts';

export type ReturnComplaintInput = {
  id: string;
  /** the body complained about, when the appeal does not record it yet (an id from the list) */
  complainedOrgId?: string | null | undefined;
  /** why only that body is competent: quoted in the notice */
  reason: string;
};

export const RETURN_ARTICLE = '59-ФЗ ст. 8 ч. 7';

/**
 * Return a complaint to its author when the only competent body is the one
 * whose decision or action it complains about (59-ФЗ art. 8 ч.7): forwarding
 * there is forbidden (ч.6), so the author is told of the right to go to court.
 */
export async function returnComplaint(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: ReturnComplaintInput,
): Promise<{ noticeSent: boolean }> {
  return deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    if (!staffPolicy.canReturnComplaint(origin.actor, a)) throw new Conflict('appeals.staff.conflict.closed');
    if (!carriesComplaint(a)) throw new Conflict('appeals.staff.conflict.notComplaint');
    requireMove(a, 'returned');
    const about = await complaintSubject(tx, a, input.complainedOrgId);
    if (!about) throw new Conflict('appeals.staff.conflict.notComplaint');
    // The body complained about may consider a complaint sent to it directly: nothing to return.
    if (about.id === a.orgId) throw new Conflict('appeals.staff.conflict.returnOwnBody');
    const now = deps.clock.now();
    const reason = input.reason.trim();
    const outboxId = await noticeToAuthor(
      deps,
      tx,
      a,
      tRu('appeals.staff.mail.returned.subject', { number: a.number }),
      tRu('appeals.staff.mail.returned.text', { number: a.number, body: about.nameRu, reason }),
      'appeal.returned',
    );
    await repo.update(tx, a.id, { status: 'returned', closedAt: now, updatedAt: now });
    await repo.setOpenQuestionsStatus(tx, a.id, 'answered_to_author', now);
    await repo.insertEvent(tx, {
      appealId: a.id,
      at: now,
      kind: 'returned',
      actorUserId: origin.actor.kind === 'user' ? origin.actor.userId : null,
      actorRole: actingRole(origin.actor, a.orgId),
      reasonCode: 'complaint_only_subject_competent',
      reason,
      targetOrgId: about.id,
      targetName: about.nameRu,
      outboxId,
      fromStatus: a.status,
      toStatus: 'returned',
      visibleToAuthor: true,
      details: { article: RETURN_ARTICLE, noticeSent: outboxId !== null },
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.return_complaint',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, complainedOrgId: about.id, noticeSent: outboxId !== null },
    });
    return { noticeSent: outboxId !== null };
  });
}
