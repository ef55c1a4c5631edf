import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../platform/errors/index.ts';
import { findUserContact } from '../accounts/index.ts';
import { appealsPolicy } from './appeals.policy.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { noticeToAuthor, tRu } from './notices.ts';
import { requireMove } from './staff-action.ts';
import './cabinet.messages.ts';

/**
 * The author withdraws an appeal (59-ФЗ art. 5 п. 5: the citizen may withdraw
 * it) while no answer has been sent: it ends as «отозвано», its deadlines stop
 * (it leaves the open statuses, so no reminder and no overdue count), no answer
 * is due; the history, the audit log, the author's notice and the assigned
 * officer's notice share the transaction.
 */
export async function withdrawAppeal(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: { number: string; reason: string | null },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const found = await repo.findByNumber(tx, input.number);
    if (!found) throw new NotFound('appeal');
    authorize(appealsPolicy.canReadAsAuthor(origin.actor, found), true);
    const a = await repo.lockById(tx, found.id);
    if (!a || !isSignedIn(origin.actor)) throw new NotFound('appeal');
    if (!appealsPolicy.canWithdraw(origin.actor, a)) throw new Conflict('appeals.withdraw.tooLate');
    requireMove(a, 'withdrawn', 'appeals.withdraw.tooLate');
    const now = deps.clock.now();
    const outboxId = await noticeToAuthor(
      deps,
      tx,
      a,
      tRu('appeals.mail.withdrawn.subject', { number: a.number }),
      tRu('appeals.mail.withdrawn.body', { number: a.number }),
      'appeal.withdrawn',
    );
    if (a.assignedUserId) {
      const officer = await findUserContact(tx, a.assignedUserId);
      if (officer)
        await deps.mail.send(tx, {
          to: officer.email,
          kind: 'appeal.withdrawn.staff',
          subject: tRu('appeals.mail.withdrawn.staffSubject', { number: a.number }),
          text: tRu('appeals.mail.withdrawn.staffBody', {
            number: a.number,
            link: `${deps.config.publicUrl}/manage/appeals/${a.id}`,
          }),
        });
    }
    await repo.update(tx, a.id, { status: 'withdrawn', closedAt: now, updatedAt: now });
    await repo.insertEvent(tx, {
      appealId: a.id,
      at: now,
      kind: 'withdrawn',
      actorUserId: origin.actor.userId,
      reason: input.reason,
      outboxId,
      fromStatus: a.status,
      toStatus: 'withdrawn',
      visibleToAuthor: true,
    });
    // the reason is the author's own words: it stays in the appeal's history, not in the log
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.withdraw',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, fromStatus: a.status },
    });
  });
}
