import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict } from '../../platform/errors/index.ts';
import { findOrgStaff } from '../accounts/index.ts';
import { type AppealRow, appealsRepository as repo } from './appeals.repository.ts';
import { tRu } from './notices.ts';
import { staffPolicy, staffRolesFor } from './staff.policy.ts';
import { actingRole, appealForAction, requireMove } from './staff-action.ts';

/**
 * An officer prepares the answer's text: the appeal then awaits signature
 * («ожидает подписи») and the body's signers (the head and authorised officials,
 * 59-ФЗ art. 10 ч.3) are told by mail, once per wait; they sign it off later.
 */
export async function saveAnswerDraft(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: { id: string; text: string },
): Promise<{ answerId: string }> {
  return deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    if (!['registered', 'in_review', 'extended', 'awaiting_signature'].includes(a.status))
      throw new Conflict('appeals.staff.conflict.closed');
    authorize(staffPolicy.canDraftAnswer(origin.actor, a));
    const now = deps.clock.now();
    const userId = origin.actor.kind === 'user' ? origin.actor.userId : null;
    const draft = (await repo.answers(tx, a.id)).find((x) => x.status === 'draft');
    let answerId: string;
    if (draft) {
      await repo.updateAnswer(tx, draft.id, { text: input.text, draftedBy: userId, updatedAt: now });
      answerId = draft.id;
    } else {
      answerId = (
        await repo.insertAnswer(tx, {
          appealId: a.id,
          text: input.text,
          status: 'draft',
          draftedBy: userId,
          createdAt: now,
          updatedAt: now,
        })
      ).id;
    }
    if (a.status !== 'awaiting_signature') {
      requireMove(a, 'awaiting_signature');
      await repo.update(tx, a.id, { status: 'awaiting_signature', updatedAt: now });
      const told = await notifySigners(deps, tx, a, userId);
      await repo.insertEvent(tx, {
        appealId: a.id,
        at: now,
        kind: 'answer_drafted',
        actorUserId: userId,
        actorRole: actingRole(origin.actor, a.orgId),
        fromStatus: a.status,
        toStatus: 'awaiting_signature',
        visibleToAuthor: false,
        details: { answerId, signersNotified: told },
      });
    }
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.answer_draft',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, answerId },
    });
    return { answerId };
  });
}

/** Mail every signer of the body who may read the appeal (but the drafter); the number and a link only. */
async function notifySigners(
  deps: Pick<Deps, 'mail' | 'config'>,
  tx: DbOrTx,
  a: AppealRow,
  drafter: string | null,
): Promise<number> {
  const readers = new Set((await findOrgStaff(tx, a.orgId, staffRolesFor(a.type))).map((u) => u.id));
  const signers = (await findOrgStaff(tx, a.orgId, ['head', 'appeals_signer'])).filter(
    (u) => readers.has(u.id) && u.id !== drafter,
  );
  const params = { number: a.number, link: `${deps.config.publicUrl}/manage/appeals/${a.id}#answer` };
  for (const s of signers)
    await deps.mail.send(tx, {
      to: s.email,
      subject: tRu('appeals.staff.mail.awaitingSignature.subject', params),
      text: tRu('appeals.staff.mail.awaitingSignature.text', params),
      kind: 'appeal.awaiting_signature',
    });
  return signers.length;
}
