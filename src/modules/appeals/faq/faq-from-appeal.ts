import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { hasAnyOrgRole } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput } from '../../../platform/errors/index.ts';
import { applyFindings, type Finding, findPersonalData } from '../anonymise.ts';
import { appealsRepository } from '../appeals.repository.ts';
import { type FaqRow, publicRepository as repo } from '../public.repository.ts';

export type FaqDraftFromAppeal = {
  appeal: { id: string; number: string; orgId: string };
  question: { original: string; findings: Finding[] };
  answer: { original: string; findings: Finding[] };
};

const fieldError = (message: string) => new InvalidInput([{ field: 'number', message }]);

/**
 * The appeal's text and its sent answer with the personal data found in
 * each (59-ФЗ art. 10 ч.4: answers published for everyone are anonymised
 * first). Only the body's appeals officers and head may do this; the read is
 * audited like any staff read of an appeal. Corruption reports never.
 */
async function load(deps: Pick<Deps, 'db'>, origin: Origin, number: string): Promise<FaqDraftFromAppeal> {
  const appeal = await appealsRepository.findByNumber(deps.db, number);
  if (!appeal || !hasAnyOrgRole(origin.actor, ['appeals_officer', 'head'], appeal.orgId))
    throw fieldError('appeals.faq.number.notFound');
  authorize(hasAnyOrgRole(origin.actor, ['appeals_officer', 'head'], appeal.orgId), true);
  if (appeal.type === 'corruption_report') throw fieldError('appeals.faq.number.corruption');
  const answers = await appealsRepository.sentAnswers(deps.db, appeal.id);
  const answer = answers.at(-1);
  if (!answer) throw fieldError('appeals.faq.number.notAnswered');
  const question = appeal.subject ? `${appeal.subject}\n\n${appeal.text}` : appeal.text;
  return {
    appeal: { id: appeal.id, number: appeal.number, orgId: appeal.orgId },
    question: { original: question, findings: findPersonalData(question) },
    answer: { original: answer.text, findings: findPersonalData(answer.text) },
  };
}

/** Show staff what would be masked before an answered appeal becomes an FAQ item; the read is audited. */
export async function previewFaqFromAppeal(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { number: string },
): Promise<FaqDraftFromAppeal> {
  const d = await load(deps, origin, input.number);
  await recordAction(deps.db, {
    ...origin,
    action: 'appeal.staff_read',
    objectType: 'appeal',
    objectId: d.appeal.id,
    orgId: d.appeal.orgId,
    details: { purpose: 'faq_anonymisation' },
  });
  return d;
}

const countKinds = (fs: Finding[]) =>
  fs.reduce<Record<string, number>>((acc, f) => {
    acc[f.kind] = (acc[f.kind] ?? 0) + 1;
    return acc;
  }, {});

/**
 * Create a draft FAQ item from the appeal with the findings staff confirmed
 * masked (the findings are recomputed from the stored texts, so the form
 * cannot smuggle text in). Audited with the counts of what was masked, never
 * the text itself.
 */
export async function createFaqFromAppeal(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { number: string; confirmedQuestion: ReadonlySet<number>; confirmedAnswer: ReadonlySet<number> },
): Promise<FaqRow> {
  const d = await load(deps, origin, input.number);
  const question = applyFindings(d.question.original, d.question.findings, input.confirmedQuestion);
  const answer = applyFindings(d.answer.original, d.answer.findings, input.confirmedAnswer);
  const masked = [
    ...d.question.findings.filter((_, i) => input.confirmedQuestion.has(i)),
    ...d.answer.findings.filter((_, i) => input.confirmedAnswer.has(i)),
  ];
  const found = [...d.question.findings, ...d.answer.findings];
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertFaq(tx, {
      orgId: d.appeal.orgId,
      question: question.slice(0, 2000),
      answer: answer.slice(0, 20000),
      topicCode: null,
      sourceAppealId: d.appeal.id,
      createdBy: origin.actor.kind === 'user' ? origin.actor.userId : null,
    });
    await recordAction(tx, {
      ...origin,
      action: 'appeal_faq.create_from_appeal',
      objectType: 'appeal_faq_item',
      objectId: row.id,
      orgId: d.appeal.orgId,
      details: { appealId: d.appeal.id, found: countKinds(found), masked: countKinds(masked) },
    });
    return row;
  });
}
