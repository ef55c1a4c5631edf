import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput } from '../../platform/errors/index.ts';
import { checkUploads, storeUploads, type UploadedFile } from '../../platform/files/index.ts';
import { findUserProfile } from '../accounts/index.ts';
import type { ObstructionFinding, ObstructionMeasure } from './appeals.model.ts';
import { type AppealRow, appealsRepository as repo } from './appeals.repository.ts';
import { ATTACHMENT_RULES } from './appeals.settings.ts';
import { noticeToAuthor, tRu } from './notices.ts';
import { type QuestionStatus, resultStatuses } from './outcomes.ts';
import { staffPolicy } from './staff.policy.ts';
import { actingRole, appealForAction, requireMove } from './staff-action.ts';

export type AnswerInput = {
  id: string;
  text: string;
  /** the result of each classified question, by position */
  results: { status: QuestionStatus; measuresTaken: boolean }[];
  /** files attached to the answer (checked by content; PDF, DOCX, JPEG, PNG) */
  files?: UploadedFile[] | undefined;
  /**
   * Concept task 6.5: on a complaint of obstructed public control, the finding
   * (required there) and, when confirmed, the measure towards the official;
   * ignored on any other appeal.
   */
  obstruction?:
    | {
        finding?: ObstructionFinding | undefined;
        measure?: ObstructionMeasure | undefined;
        note?: string | undefined;
      }
    | undefined;
};

/** The finding columns to store, or the form's error when the complaint's finding is missing. */
function obstructionFindingOf(
  a: { obstructionKind: string | null },
  o: AnswerInput['obstruction'],
): Pick<AppealRow, 'obstructionFinding' | 'obstructionMeasure' | 'obstructionMeasureNote'> | null {
  if (a.obstructionKind === null) return null;
  const finding = o?.finding;
  if (!finding)
    throw new InvalidInput([
      { field: 'obstructionFinding', message: 'appeals.staff.obstruction.finding.required' },
    ]);
  const measure = finding === 'confirmed' ? o?.measure : undefined;
  if (finding === 'confirmed' && !measure)
    throw new InvalidInput([
      { field: 'obstructionMeasure', message: 'appeals.staff.obstruction.measure.required' },
    ]);
  const note = measure === 'other' ? o?.note?.trim() : undefined;
  if (measure === 'other' && !note)
    throw new InvalidInput([
      { field: 'obstructionMeasureNote', message: 'appeals.staff.obstruction.note.required' },
    ]);
  return {
    obstructionFinding: finding,
    obstructionMeasure: measure ?? null,
    obstructionMeasureNote: note ?? null,
  };
}

/**
 * Sign and send the answer (59-ФЗ art. 10 ч.3: the head or an authorised
 * official signs): the answer is stored signed and sent, the citizen gets it
 * by e-mail and in the cabinet, each question gets its ССТУ result.
 */
export async function answerAppeal(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: AnswerInput,
): Promise<{ answerId: string }> {
  const files = input.files ?? [];
  const fileErrors = await checkUploads('answerFiles', files, ATTACHMENT_RULES);
  if (fileErrors.length > 0) throw new InvalidInput(fileErrors);
  return deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    if (!['registered', 'in_review', 'extended', 'awaiting_signature'].includes(a.status))
      throw new Conflict('appeals.staff.conflict.closed');
    requireMove(a, 'answer_signed');
    if (!staffPolicy.isSigner(origin.actor, a.orgId)) throw new Conflict('appeals.staff.conflict.notSigner');
    authorize(staffPolicy.canAnswer(origin.actor, a));
    const finding = obstructionFindingOf(a, input.obstruction);
    const questions = await repo.questions(tx, a.id);
    if (a.type === 'appeal' && questions.length === 0)
      throw new InvalidInput([{ field: 'text', message: 'appeals.staff.answer.classifyFirst' }]);
    const now = deps.clock.now();
    const userId = origin.actor.kind === 'user' ? origin.actor.userId : null;
    const role = actingRole(origin.actor, a.orgId);
    const late = toLocalDate(deps.clock.now()) > a.dueDate;
    // an officer's draft becomes the signed answer (who drafted it stays recorded)
    // the signature comes from the signer's profile, never typed per answer
    const signer = await signatureOf(tx, userId);
    if (!signer) throw new Conflict('appeals.staff.answer.noPosition');
    const draft = (await repo.answers(tx, a.id)).find((x) => x.status === 'draft');
    const signed = {
      text: input.text,
      status: 'sent',
      signedByUserId: userId,
      signedRole: role,
      signedName: signer.name,
      signedPosition: signer.position,
      signedAt: now,
      sentAt: now,
      updatedAt: now,
    };
    const answer = draft
      ? { ...draft, ...signed }
      : await repo.insertAnswer(tx, { appealId: a.id, draftedBy: userId, createdAt: now, ...signed });
    if (draft) await repo.updateAnswer(tx, draft.id, signed);
    const stored = await storeUploads(deps, tx, 'answerFiles', files, ATTACHMENT_RULES, userId);
    await repo.insertAttachments(
      tx,
      stored.map((f, i) => ({
        appealId: a.id,
        answerId: answer.id,
        fileId: f.id,
        position: i,
        addedBy: userId,
      })),
    );
    const filesNote =
      stored.length > 0 ? `\n\n${tRu('appeals.staff.mail.answerFiles', { n: stored.length })}` : '';
    const outboxId = await noticeToAuthor(
      deps,
      tx,
      a,
      tRu('appeals.staff.mail.answered.subject', { number: a.number }),
      `${input.text}\n\n${signer.position}\n${signer.name}${filesNote}`,
      'appeal.answer',
    );
    await repo.updateAnswer(tx, answer.id, { outboxId });
    // the ССТУ result of each question, with the signer flag the report carries
    const signedFlag = role === 'head' ? 'signed_by_head' : 'signed_by_deputy';
    await repo.replaceQuestions(
      tx,
      a.id,
      questions.map((q, i) => {
        const r = input.results[i];
        const status = r && resultStatuses.includes(r.status) ? r.status : 'answered_to_author';
        const flags = [...new Set([...(q.flags ?? []), signedFlag, ...(late ? ['late'] : [])])];
        return {
          topicCode: q.topicCode,
          status,
          measuresTaken: status === 'supported' && !!r?.measuresTaken,
          flags,
        };
      }),
      now,
    );
    await repo.update(tx, a.id, { status: 'sent', answeredAt: now, updatedAt: now, ...(finding ?? {}) });
    const base = { appealId: a.id, at: now, actorUserId: userId, actorRole: role };
    await repo.insertEvent(tx, {
      ...base,
      kind: 'answer_signed',
      fromStatus: a.status,
      toStatus: 'answer_signed',
      visibleToAuthor: false,
      details: { answerId: answer.id },
    });
    await repo.insertEvent(tx, {
      ...base,
      kind: 'answered',
      outboxId,
      fromStatus: 'answer_signed',
      toStatus: 'sent',
      visibleToAuthor: true,
      details: { answerId: answer.id, late },
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.answer',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: {
        number: a.number,
        answerId: answer.id,
        late,
        files: stored.length,
        // the finding's codes only: staff's words about the measure stay on the appeal
        ...(finding
          ? { obstructionFinding: finding.obstructionFinding, obstructionMeasure: finding.obstructionMeasure }
          : {}),
      },
    });
    return { answerId: answer.id };
  });
}

/** «И. О. Фамилия» and the position from the signer's profile; undefined while the profile has no position. */
export async function signatureOf(
  db: DbOrTx,
  userId: string | null,
): Promise<{ name: string; position: string } | undefined> {
  const p = userId ? await findUserProfile(db, userId) : undefined;
  if (!p?.position?.trim()) return undefined;
  const initials = [p.firstName, p.patronymic]
    .filter((x): x is string => !!x?.trim())
    .map((x) => `${x.trim()[0]}.`)
    .join(' ');
  const name = p.lastName?.trim() ? [initials, p.lastName.trim()].filter(Boolean).join(' ') : p.displayName;
  return { name, position: p.position.trim() };
}
