import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { formatLocalDate } from '../../platform/calendar/format.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, InvalidInput } from '../../platform/errors/index.ts';
import { findOrganizationById, type OrgRow } from '../orgs/index.ts';
import { carriesComplaint } from './appeals.model.ts';
import { type AppealRow, appealsRepository as repo } from './appeals.repository.ts';
import { computeDeadlines, loadDeadlineSettings } from './appeals.settings.ts';
import { noticeToAuthor, tRu } from './notices.ts';
import { staffPolicy } from './staff.policy.ts';
import { actingRole, appealForAction, requireMove } from './staff-action.ts';

export type ForwardTarget = { orgId: string } | { name: string };

export type ForwardInput = {
  id: string;
  /** forward: the appeal leaves this body; copy: a copy goes to another competent body, the appeal stays */
  mode: 'forward' | 'copy';
  targets: ForwardTarget[];
  /**
   * For an appeal that carries a complaint but does not yet record whose decision
   * or action it complains about: that organisation's id, chosen from the list
   * (59-ФЗ art. 8 ч.6). It is recorded on the appeal.
   */
  complainedOrgId?: string | null;
  reason: string;
};

/**
 * The organisation a complaint is about, by id: the one recorded on the appeal,
 * or the one staff choose now (then recorded). Null when the appeal carries no complaint.
 */
export async function complaintSubject(
  tx: Tx,
  a: AppealRow,
  chosen: string | null | undefined,
): Promise<OrgRow | null> {
  if (!carriesComplaint(a)) return null;
  const id = a.complainedOrgId ?? chosen ?? null;
  const org = id ? await findOrganizationById(tx, id) : undefined;
  if (!org)
    throw new InvalidInput([{ field: 'complainedOrg', message: 'appeals.staff.forward.complainedRequired' }]);
  if (!a.complainedOrgId) {
    await repo.update(tx, a.id, { complainedOrgId: org.id });
    a.complainedOrgId = org.id;
  }
  return org;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** An outside body typed by name that is in fact the organisation (its own names, not an id). */
function isNameOf(org: OrgRow, name: string): boolean {
  return [org.nameRu, org.nameEn, org.shortNameRu].some((n) => n && norm(n) === norm(name));
}

/**
 * Forward an appeal to the competent body (or send copies to several), with
 * the notice to the citizen (59-ФЗ art. 8 ч.3–4). A body on the portal gets
 * its own registration with its own number and deadlines; an outside body is
 * recorded by name. An appeal that carries a complaint never goes to the body
 * whose decision or action it complains about (ч.6), compared by id.
 */
export async function forwardAppeal(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: ForwardInput,
): Promise<{ registered: string[] }> {
  return deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    if (!staffPolicy.canForward(origin.actor, a)) throw new Conflict('appeals.staff.conflict.closed');
    if (input.mode === 'forward') requireMove(a, 'forwarded');
    if (input.targets.length === 0)
      throw new InvalidInput([{ field: 'targetOrg', message: 'appeals.staff.forward.targetRequired' }]);
    if (input.mode === 'forward' && input.targets.length > 1)
      throw new InvalidInput([{ field: 'targetOrg', message: 'appeals.staff.forward.oneTarget' }]);
    const about = await complaintSubject(tx, a, input.complainedOrgId);
    if (about && input.targets.some((t) => ('orgId' in t ? t.orgId === about.id : isNameOf(about, t.name))))
      throw new Conflict('appeals.staff.conflict.complaintToSubject');
    if (input.targets.some((t) => 'orgId' in t && t.orgId === a.orgId))
      throw new InvalidInput([{ field: 'targetOrg', message: 'appeals.staff.forward.self' }]);

    const now = deps.clock.now();
    const today = toLocalDate(deps.clock.now());
    const late = a.forwardDueDate !== null && today > a.forwardDueDate;
    const registered: string[] = [];
    const names: string[] = [];
    const actorUserId = origin.actor.kind === 'user' ? origin.actor.userId : null;
    for (const target of input.targets) {
      let targetAppeal: AppealRow | null = null;
      let targetName: string;
      if ('orgId' in target) {
        const org = await findOrganizationById(tx, target.orgId);
        if (!org)
          throw new InvalidInput([{ field: 'targetOrg', message: 'appeals.staff.forward.targetRequired' }]);
        targetName = org.nameRu;
        targetAppeal = await registerAtBody(tx, a, org, now, today);
        registered.push(targetAppeal.number);
      } else {
        targetName = target.name.trim();
      }
      names.push(targetName);
      const kind = input.mode === 'forward' ? 'forwarded' : 'copy_sent';
      const outboxId = await noticeToAuthor(
        deps,
        tx,
        a,
        tRu(`appeals.staff.mail.${kind}.subject`, { number: a.number }),
        tRu(`appeals.staff.mail.${kind}.text`, {
          number: a.number,
          body: targetName,
          reason: input.reason,
          newNumber: targetAppeal ? tRu('appeals.staff.mail.newNumber', { number: targetAppeal.number }) : '',
        }),
        `appeal.${kind}`,
      );
      await repo.insertEvent(tx, {
        appealId: a.id,
        at: now,
        kind,
        actorUserId,
        actorRole: actingRole(origin.actor, a.orgId),
        reason: input.reason,
        targetOrgId: 'orgId' in target ? target.orgId : null,
        targetName,
        targetAppealId: targetAppeal?.id ?? null,
        outboxId,
        fromStatus: a.status,
        toStatus: input.mode === 'forward' ? 'forwarded' : a.status,
        visibleToAuthor: true,
        details: { late, complainedOrgId: about?.id ?? null },
      });
      if (input.mode === 'forward') {
        await repo.update(tx, a.id, {
          status: 'forwarded',
          forwardedToOrgId: 'orgId' in target ? target.orgId : null,
          forwardedToName: targetName,
          closedAt: now,
          updatedAt: now,
        });
        await repo.setOpenQuestionsStatus(tx, a.id, 'forwarded', now);
      }
    }
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: input.mode === 'forward' ? 'appeal.forward' : 'appeal.copy',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, to: names, registered, late },
    });
    return { registered };
  });
}

/** The receiving body on the portal registers the forwarded appeal under its own number and deadlines. */
async function registerAtBody(
  tx: Tx,
  a: AppealRow,
  org: { id: string; code: string },
  now: Date,
  today: string,
): Promise<AppealRow> {
  const year = Number(today.slice(0, 4));
  const sequence = await repo.nextSequence(tx, org.id, year);
  const { calendar, version } = await loadCalendar(tx);
  // registered anew: the settings in force now, kept with the new appeal
  const terms = await loadDeadlineSettings(tx);
  const d = computeDeadlines(calendar, today, a.type as 'appeal', terms);
  const row = await repo.insert(tx, {
    number: `${org.code}-${year}-${sequence}`,
    orgId: org.id,
    year,
    sequence,
    type: a.type,
    kind: a.kind,
    officialName: a.officialName,
    complainedOrgId: a.complainedOrgId,
    complainedOfficialId: a.complainedOfficialId,
    obstructionKind: a.obstructionKind,
    publicControlSubject: a.publicControlSubject,
    form: a.form,
    multiplicity: a.multiplicity,
    authorUserId: a.authorUserId,
    lastName: a.lastName,
    firstName: a.firstName,
    patronymic: a.patronymic,
    email: a.email,
    postalAddress: a.postalAddress,
    phone: a.phone,
    organizationName: a.organizationName,
    authorIdentification: a.authorIdentification,
    authorIdentityLevel: a.authorIdentityLevel,
    subject: a.subject,
    text: a.text,
    details: a.details,
    deadlineTerms: terms,
    collective: a.collective,
    status: 'registered',
    receivedAt: now,
    registeredAt: now,
    registeredOn: today,
    dueDate: d.dueDate,
    dueProvisional: d.provisional,
    forwardDueDate: d.forwardDueDate,
    noticeDueDate: d.noticeDueDate,
    originalDueDate: d.originalDueDate,
    calendarVersion: version,
    sourceAppealId: a.id,
  });
  await repo.insertEvent(tx, {
    appealId: row.id,
    at: now,
    kind: 'registered',
    reason: tRu('appeals.staff.forward.receivedFrom', { number: a.number, due: formatLocalDate(d.dueDate) }),
    visibleToAuthor: true,
    toStatus: 'registered',
    details: { sourceAppealId: a.id },
  });
  return row;
}
