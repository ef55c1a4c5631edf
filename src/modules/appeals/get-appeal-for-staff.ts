import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import { inTurn } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findStoredFile, type StoredFile } from '../../platform/files/index.ts';
import { findOrgStaff, findUserContact } from '../accounts/index.ts';
import { signatureOf } from './answer-appeal.ts';
import type { AppealType } from './appeals.model.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { extensionMaxDays, loadDeadlineSettings } from './appeals.settings.ts';
import { currentTotk } from './current-totk.ts';
import { staffPolicy, staffRolesFor } from './staff.policy.ts';
import { templatesRepository } from './templates.repository.ts';

/** An appeal with its history, questions and answers for staff; every read is written to the audit log. */
export async function getAppealForStaff(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { id: string },
) {
  return deps.db.transaction(async (tx) => {
    const a = /^[0-9a-f-]{36}$/i.test(input.id) ? await repo.findById(tx, input.id) : undefined;
    if (!a || !staffPolicy.canRead(origin.actor, a)) throw new NotFound('appeal');
    // the read itself is an entry: who saw whose appeal, never its text
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.staff_read',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number },
    });
    const [
      events,
      questions,
      answers,
      officers,
      { calendar },
      attachments,
      signature,
      disputes,
      disputedBy,
      comments,
      templates,
      settings,
    ] = await inTurn([
      () => repo.events(tx, a.id),
      () => repo.questions(tx, a.id),
      () => repo.answers(tx, a.id),
      () => findOrgStaff(tx, a.orgId, staffRolesFor(a.type)),
      () => loadCalendar(tx),
      () => repo.attachments(tx, a.id),
      // the reader's own signature, for the answer form when they sign
      () => signatureOf(tx, isSignedIn(origin.actor) ? origin.actor.userId : null),
      // a complaint about an answer and the appeal it disputes link to each other (issue 10)
      () => (a.disputesAppealId ? repo.findById(tx, a.disputesAppealId) : Promise.resolve(undefined)),
      () => repo.disputedBy(tx, a.id),
      () => repo.comments(tx, a.id),
      // the body's answer templates, for the answer form (issue 10)
      () => templatesRepository.ofOrgs(tx, [a.orgId]),
      () => loadDeadlineSettings(tx),
    ]);
    // comment authors by name: staff of the body, or whoever has left the body since
    const names = new Map(officers.map((o) => [o.id, o.displayName]));
    for (const id of new Set(comments.map((c) => c.authorUserId)))
      if (id && !names.has(id)) names.set(id, (await findUserContact(tx, id))?.displayName ?? '—');
    const today = toLocalDate(deps.clock.now());
    const totk = await currentTotk(tx);
    return {
      totk,
      appeal: a,
      events,
      questions,
      answers,
      attachments,
      officers,
      signature,
      disputes: disputes && {
        id: disputes.id,
        number: disputes.number,
        orgId: disputes.orgId,
        answeredAt: disputes.answeredAt,
      },
      disputedBy,
      templates: templates.map((x) => ({ id: x.id, title: x.title })),
      comments: comments.map((c) => ({
        ...c,
        authorName: c.authorUserId ? (names.get(c.authorUserId) ?? '—') : '—',
      })),
      today,
      /** the days an extension may add, by the settings (the extend form's hint) */
      extensionMaxDays: extensionMaxDays(a.type as AppealType, settings),
      workingDaysLeft: calendar.workingDaysBetween(today, a.dueDate),
      dueProvisional: a.dueProvisional && calendar.isProvisional(a.dueDate),
    };
  });
}

/** A file of an appeal (the author's or an answer's) for its staff; the download is a read and is audited. */
export async function getAppealFileForStaff(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { id: string; fileId: string },
): Promise<StoredFile> {
  return deps.db.transaction(async (tx) => {
    const a = /^[0-9a-f-]{36}$/i.test(input.id) ? await repo.findById(tx, input.id) : undefined;
    if (!a || !staffPolicy.canRead(origin.actor, a)) throw new NotFound('appeal');
    const att = (await repo.attachments(tx, a.id)).find((f) => f.fileId === input.fileId);
    const file = att ? await findStoredFile(tx, att.fileId) : undefined;
    if (!file) throw new NotFound('file');
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.staff_file_read',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, fileId: file.id },
    });
    return file;
  });
}
