import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import { formatLocalDate } from '../../platform/calendar/format.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import type { Deps } from '../../platform/deps.ts';
import { Forbidden, InvalidInput, Unauthenticated } from '../../platform/errors/index.ts';
import { isLocale, translator } from '../../platform/i18n/index.ts';
import { findOrganizationById, findOrganizationBySlug, listResponsibleOfficials } from '../orgs/index.ts';
import type { AppealInput } from './appeals.input.ts';
import { submitBlocker } from './appeals.policy.ts';
import { type AppealRow, appealsRepository as repo } from './appeals.repository.ts';
import { computeDeadlines, loadDeadlineSettings, loadIdentificationSettings } from './appeals.settings.ts';
import { statusPath } from './format.ts';

export type SubmitAppealInput = AppealInput & {
  /** a double submit with the same key (API Idempotency-Key, or the form's token) returns the first appeal */
  idempotencyKey?: string | null;
  /** stored_files ids the author uploaded for this appeal */
  fileIds?: string[];
  /** the language of the notice */
  locale?: string;
  /** the author's draft this appeal was written in: deleted in the same transaction */
  draftId?: string | null;
  /** a complaint about the answer to this appeal of the same author (dispute-answer.ts checks it) */
  disputesAppealId?: string | null;
};

export class SubmitBlocked extends Forbidden {
  constructor(readonly reason: string) {
    super(`appeals.blocked.${reason}`);
  }
}

/** The body (and official) a complaint is about must be ones on the portal's list, by id. */
async function checkComplainedAbout(deps: Pick<Deps, 'db'>, input: SubmitAppealInput): Promise<void> {
  if (!input.complainedOrgId) return;
  const about = await findOrganizationById(deps.db, input.complainedOrgId);
  if (!about)
    throw new InvalidInput([{ field: 'complainedOrgId', message: 'appeals.complainedOrgId.invalid' }]);
  const officialId = input.complainedOfficialId;
  if (officialId && !(await listResponsibleOfficials(deps.db, about.id)).some((o) => o.id === officialId))
    throw new InvalidInput([
      { field: 'complainedOfficialId', message: 'appeals.complainedOfficialId.invalid' },
    ]);
}

function isIdempotencyClash(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = e.cause ?? e;
  return c.code === '23505' && c.constraint === 'appeals_author_idempotency_key';
}

/**
 * Register an appeal, an information request or a corruption report from an
 * identified citizen: in one transaction the body's next number, the dates,
 * the deadline, the 'registered' event, the audit entry and the e-mail notice
 * (task 4.4; the outbox row is delivered later and retried while SMTP is down).
 */
export async function submitAppeal(
  deps: Deps,
  origin: Origin,
  input: SubmitAppealInput,
): Promise<{ appeal: AppealRow; created: boolean }> {
  const { actor } = origin;
  if (!isSignedIn(actor)) throw new Unauthenticated();
  const blocker = submitBlocker(actor, await loadIdentificationSettings(deps.db), input.type);
  if (blocker) throw new SubmitBlocked(blocker);

  const key = input.idempotencyKey || null;
  if (key) {
    const existing = await repo.findByIdempotencyKey(deps.db, actor.userId, key);
    if (existing) return { appeal: existing, created: false };
  }
  const org = await findOrganizationBySlug(deps.db, input.orgSlug);
  if (!org) throw new InvalidInput([{ field: 'orgSlug', message: 'appeals.org.unknown' }]);
  await checkComplainedAbout(deps, input);
  const deadlineSettings = await loadDeadlineSettings(deps.db);
  const { calendar, version: calendarVersion } = await loadCalendar(deps.db);

  try {
    const appeal = await deps.db.transaction(async (tx) => {
      const fileIds = [...new Set(input.fileIds ?? [])];
      const files = await repo.ownUnattachedFiles(tx, actor.userId, fileIds);
      if (files.length !== fileIds.length)
        throw new InvalidInput([{ field: 'attachments', message: 'appeals.attachments.unknown' }]);

      const now = deps.clock.now();
      const registeredOn = toLocalDate(now);
      const year = Number(registeredOn.slice(0, 4));
      const due = computeDeadlines(calendar, registeredOn, input.type, deadlineSettings);
      const sequence = await repo.nextSequence(tx, org.id, year);
      const number = `${org.code}-${year}-${sequence}`;
      // concept task 6.5: a complaint of obstructed public control (the schema required its kind)
      const obstruction = input.type === 'appeal' && input.obstructsPublicControl === true;
      const details: Record<string, unknown> = {};
      if (input.type === 'corruption_report') {
        if (input.involvedPersons) details.involvedPersons = input.involvedPersons;
        if (input.eventDate) details.eventDate = input.eventDate;
        if (input.place) details.place = input.place;
      }
      if (input.type === 'info_request' && input.answerForm) details.answerForm = input.answerForm;
      // the place an appeal is about (a village road), when she gave it
      if (input.type === 'appeal' && input.place) details.place = input.place;

      const appeal = await repo.insert(tx, {
        number,
        orgId: org.id,
        year,
        sequence,
        type: input.type,
        kind: input.type === 'appeal' ? (input.kind ?? null) : null,
        form: 'electronic',
        officialName: input.officialName,
        complainedOrgId: input.complainedOrgId ?? null,
        complainedOfficialId: input.complainedOrgId ? (input.complainedOfficialId ?? null) : null,
        obstructionKind: obstruction ? (input.obstructionKind ?? null) : null,
        publicControlSubject: obstruction ? (input.publicControlSubject ?? null) : null,
        authorUserId: actor.userId,
        lastName: input.lastName,
        firstName: input.firstName,
        patronymic: input.patronymic,
        email: input.email,
        postalAddress: input.postalAddress,
        phone: input.phone,
        organizationName:
          input.type === 'info_request' || input.type === 'media_request' ? input.organizationName : null,
        authorIdentification: actor.identification,
        authorIdentityLevel: actor.identityLevel,
        subject: input.subject,
        text: input.text,
        details,
        deadlineTerms: deadlineSettings,
        collective: input.collective,
        publicationConsentAt: input.publicationConsent ? now : null,
        archiveConsentAt: input.archiveConsent ? now : null,
        disputesAppealId: input.disputesAppealId ?? null,
        status: 'registered',
        receivedAt: now,
        registeredAt: now,
        registeredOn,
        dueDate: due.dueDate,
        dueProvisional: due.provisional,
        forwardDueDate: due.forwardDueDate,
        noticeDueDate: due.noticeDueDate,
        originalDueDate: due.originalDueDate,
        calendarVersion,
        idempotencyKey: key,
        createdAt: now,
        updatedAt: now,
      });
      await repo.insertCosigners(
        tx,
        input.collective
          ? input.cosigners.map((c, i) => ({
              appealId: appeal.id,
              position: i + 1,
              lastName: c.lastName,
              firstName: c.firstName,
              patronymic: c.patronymic,
            }))
          : [],
      );
      await repo.insertAttachments(
        tx,
        fileIds.map((fileId, i) => ({ appealId: appeal.id, fileId, position: i, addedBy: actor.userId })),
      );
      if (input.draftId) await repo.deleteOwnDraft(tx, input.draftId, actor.userId);

      const t = translator(isLocale(input.locale) ? input.locale : 'ru');
      const link = `${deps.config.publicUrl}${statusPath(number)}`;
      const outboxId = await deps.mail.send(tx, {
        to: input.email,
        kind: 'appeal.registered',
        subject: t(`appeals.mail.registered.subject.${input.type}`, { number }),
        text: t('appeals.mail.registered.body', {
          name: [input.firstName, input.patronymic].filter(Boolean).join(' '),
          what: t(`appeals.type.${input.type}.accusative`),
          org: org.nameRu,
          number,
          registered: formatLocalDate(registeredOn),
          due: formatLocalDate(due.dueDate),
          link,
        }),
      });
      await repo.insertEvent(tx, {
        appealId: appeal.id,
        at: now,
        kind: 'registered',
        actorUserId: actor.userId,
        toStatus: 'registered',
        outboxId,
        details: { dueDate: due.dueDate },
      });
      // the first appeal's history and staff page show the complaint about its answer
      if (input.disputesAppealId)
        await repo.insertEvent(tx, {
          appealId: input.disputesAppealId,
          at: now,
          kind: 'disputed',
          actorUserId: actor.userId,
          targetOrgId: org.id,
          targetAppealId: appeal.id,
          details: { number },
        });
      // No text and no personal data in the audit log: the number says which appeal.
      await recordAction(tx, {
        actor,
        ip: origin.ip,
        action: 'appeal.submit',
        objectType: 'appeal',
        objectId: appeal.id,
        orgId: org.id,
        details: {
          number,
          type: input.type,
          attachments: fileIds.length,
          ...(obstruction ? { obstructsPublicControl: true } : {}),
          ...(input.disputesAppealId ? { disputesAppealId: input.disputesAppealId } : {}),
        },
      });
      return appeal;
    });
    return { appeal, created: true };
  } catch (err) {
    // Two submits with one key raced: the loser's transaction rolled back (its number too).
    if (key && isIdempotencyClash(err)) {
      const existing = await repo.findByIdempotencyKey(deps.db, actor.userId, key);
      if (existing) return { appeal: existing, created: false };
    }
    throw err;
  }
}
