import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { toLocalDate } from '../../../platform/calendar/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  authorize,
  Conflict,
  type FieldError,
  InvalidInput,
  NotFound,
} from '../../../platform/errors/index.ts';
import { findOrganizationById, type OrgRow } from '../../orgs/index.ts';
import { anonymise, type Finding } from '../anonymise.ts';
import { type AppealRow, appealsRepository } from '../appeals.repository.ts';
import { publicationBlockers } from '../faq/publication-check.ts';
import { publicSidePolicy } from '../public.policy.ts';
import { type ArchiveEntryRow, archiveRepository } from './archive.repository.ts';
import { indexArchiveEntry } from './archive.search.ts';

export type ArchiveDraft = {
  appeal: AppealRow;
  org: OrgRow;
  answeredOn: string;
  /** the texts with every finding of the anonymiser masked, for staff to check and edit */
  question: { masked: string; findings: Finding[] };
  answer: { masked: string; findings: Finding[] };
  entry: ArchiveEntryRow | undefined;
};

/** The appeal staff may put in the archive: the body's, answered, with the author's consent; else a plain refusal. */
async function load(deps: Pick<Deps, 'db'>, origin: Origin, number: string): Promise<ArchiveDraft> {
  const appeal = await appealsRepository.findByNumber(deps.db, number);
  if (
    !appeal ||
    appeal.type === 'corruption_report' ||
    !publicSidePolicy.canManage(origin.actor, appeal.orgId)
  )
    throw new NotFound('appeal');
  authorize(publicSidePolicy.canManage(origin.actor, appeal.orgId), true);
  if (!appeal.archiveConsentAt) throw new Conflict('appeals.archive.noConsent');
  const answer = (await appealsRepository.sentAnswers(deps.db, appeal.id)).at(-1);
  if (!answer?.sentAt || !['sent', 'closed'].includes(appeal.status))
    throw new Conflict('appeals.archive.notAnswered');
  const org = await findOrganizationById(deps.db, appeal.orgId);
  if (!org) throw new NotFound('organization');
  const question = appeal.subject ? `${appeal.subject}\n\n${appeal.text}` : appeal.text;
  const q = anonymise(question);
  const a = anonymise(answer.text);
  return {
    appeal,
    org,
    answeredOn: toLocalDate(answer.sentAt),
    question: { masked: q.text, findings: q.findings },
    answer: { masked: a.text, findings: a.findings },
    entry: await archiveRepository.byAppeal(deps.db, appeal.id),
  };
}

/** What staff see before publishing: the masked texts and what was masked. Reading the appeal is audited. */
export async function getArchiveDraft(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  number: string,
): Promise<ArchiveDraft> {
  const d = await load(deps, origin, number);
  await recordAction(deps.db, {
    ...origin,
    action: 'appeal.staff_read',
    objectType: 'appeal',
    objectId: d.appeal.id,
    orgId: d.appeal.orgId,
    details: { purpose: 'archive_anonymisation' },
  });
  return d;
}

/** The author's own details that must not appear in a public text, whatever the anonymiser finds. */
function authorTraces(a: AppealRow): string[] {
  return [a.lastName, a.email, a.phone, a.postalAddress]
    .map((x) => x?.trim() ?? '')
    .filter((x) => x.length >= 3);
}

/**
 * Publish an answered appeal and its answer in the body's public archive
 * (WhatDoTheyKnow within 59-ФЗ and 152-ФЗ), as staff confirmed the texts:
 * refused while the anonymiser still finds personal data in them or the
 * author's own name, e-mail, phone or address is there (the consent covers an
 * anonymised publication only). One transaction: the entry, its search entry,
 * the author's history, the audit log (counts, never the text).
 */
export async function publishArchiveEntry(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { number: string; question: string; answer: string },
): Promise<{ entry: ArchiveEntryRow; org: OrgRow }> {
  const d = await load(deps, origin, input.number);
  const texts = { question: input.question.trim(), answer: input.answer.trim() };
  const blockers = await publicationBlockers(deps.db, texts, { orgId: d.org.id, sourceAppealId: null });
  const errors: FieldError[] = [...new Set(blockers.map((b) => b.field))].map((field) => ({
    field,
    message: 'appeals.archive.personalData',
  }));
  for (const field of ['question', 'answer'] as const) {
    const lower = texts[field].toLowerCase();
    if (
      !errors.some((e) => e.field === field) &&
      authorTraces(d.appeal).some((x) => lower.includes(x.toLowerCase()))
    )
      errors.push({ field, message: 'appeals.archive.personalData' });
    if (!texts[field]) errors.push({ field, message: `appeals.archive.${field}.required` });
  }
  if (errors.length) throw new InvalidInput(errors);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const userId = origin.actor.kind === 'user' ? origin.actor.userId : null;
    const entry = await archiveRepository.upsert(tx, {
      appealId: d.appeal.id,
      orgId: d.org.id,
      number: d.appeal.number,
      answeredOn: d.answeredOn,
      question: texts.question.slice(0, 25_000),
      answer: texts.answer.slice(0, 25_000),
      publishedAt: now,
      publishedBy: userId,
      updatedAt: now,
    });
    await indexArchiveEntry(tx, entry);
    await appealsRepository.insertEvent(tx, {
      appealId: d.appeal.id,
      at: now,
      kind: 'archived',
      actorUserId: userId,
      details: { entryId: entry.id },
    });
    await recordAction(tx, {
      ...origin,
      action: 'appeal.archive.publish',
      objectType: 'appeal',
      objectId: d.appeal.id,
      orgId: d.org.id,
      details: {
        number: d.appeal.number,
        masked: d.question.findings.length + d.answer.findings.length,
      },
    });
    return { entry, org: d.org };
  });
}
