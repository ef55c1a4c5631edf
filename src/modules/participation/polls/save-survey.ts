import { randomBytes } from 'node:crypto';
import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, Conflict, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import type { QuestionInput, SurveyInput } from './polls.input.ts';
import { pollsPolicy } from './polls.policy.ts';
import { pollsRepository as repo, type SurveyRow } from './polls.repository.ts';
import { indexSurvey } from './polls.search.ts';
import type { SurveyQuestion } from './polls.tables.ts';

/** Create a survey of a body or edit its heading and settings (task 8.5); audited. */
export async function saveSurvey(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: {
    id?: string | undefined;
    survey: SurveyInput;
    purpose?: string | null;
    questions?: SurveyQuestion[];
  },
): Promise<SurveyRow> {
  const existing = input.id ? await repo.surveyById(deps.db, input.id) : undefined;
  if (input.id && !existing) throw new NotFound('survey');
  const orgId = existing?.orgId ?? input.survey.orgId;
  authorize(pollsPolicy.canManage(origin.actor, orgId), existing !== undefined);
  const s = input.survey;
  const fields = {
    title: s.title,
    description: s.description,
    anonymous: s.anonymous,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    publishedAt: s.published ? (existing?.publishedAt ?? deps.clock.now()) : null,
  };
  return deps.db.transaction(async (tx) => {
    let row: SurveyRow;
    if (existing) {
      // Answers were given on the promise of anonymity (or not): it stays as it was.
      if (existing.anonymous !== s.anonymous && (await repo.responsesCount(tx, existing.id)) > 0)
        throw new Conflict('surveys.manage.anonymityLocked');
      await repo.updateSurvey(tx, existing.id, fields);
      row = { ...existing, ...fields };
    } else {
      row = await repo.insertSurvey(tx, {
        ...fields,
        orgId,
        purpose: input.purpose ?? null,
        questions: input.questions ?? [],
        createdBy: origin.actor.kind === 'user' ? origin.actor.userId : null,
      });
    }
    await recordAction(tx, {
      ...origin,
      action: existing ? 'survey.update' : 'survey.create',
      objectType: 'survey',
      objectId: row.id,
      orgId,
      details: { published: row.publishedAt !== null, anonymous: row.anonymous },
    });
    await indexSurvey(tx, row);
    return row;
  });
}

/** A question made from the builder's input, with a new key. */
export function questionFrom(q: QuestionInput, key = randomBytes(4).toString('hex')): SurveyQuestion {
  const choices = q.type === 'single' || q.type === 'multiple' || q.type === 'matrix';
  return {
    key,
    type: q.type,
    text: q.text,
    required: q.required,
    options: choices ? q.options : [],
    rows: q.type === 'matrix' ? q.rows : [],
    scaleMax: q.type === 'scale' ? q.scaleMax : 5,
    showIf: q.showIfKey ? { key: q.showIfKey, equals: q.showIfEquals } : null,
  };
}

async function editQuestions(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  surveyId: string,
  action: string,
  change: (qs: SurveyQuestion[]) => SurveyQuestion[],
): Promise<SurveyRow> {
  const survey = await repo.surveyById(deps.db, surveyId);
  if (!survey || !pollsPolicy.canManage(origin.actor, survey.orgId)) throw new NotFound('survey');
  return deps.db.transaction(async (tx) => {
    // Answers are read by the questions they were given to: once there are answers the form is fixed.
    if ((await repo.responsesCount(tx, survey.id)) > 0) throw new Conflict('surveys.manage.questionsLocked');
    const questions = change(survey.questions);
    await repo.updateSurvey(tx, survey.id, { questions });
    await recordAction(tx, {
      ...origin,
      action,
      objectType: 'survey',
      objectId: survey.id,
      orgId: survey.orgId,
    });
    await indexSurvey(tx, { ...survey, questions });
    return { ...survey, questions };
  });
}

/** Add a question at the end of a survey (form builder); a condition may name only an earlier choice question. */
export async function addSurveyQuestion(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { surveyId: string; question: QuestionInput },
): Promise<SurveyRow> {
  return editQuestions(deps, origin, input.surveyId, 'survey.question_add', (qs) => {
    const q = questionFrom(input.question);
    if (q.showIf) {
      const on = qs.find((x) => x.key === q.showIf?.key);
      if (!on || !(on.type === 'single' || on.type === 'multiple'))
        throw new InvalidInput([{ field: 'showIfKey', message: 'surveys.question.showIfKey' }]);
      if (!on.options.includes(q.showIf.equals))
        throw new InvalidInput([{ field: 'showIfEquals', message: 'surveys.question.showIfEquals' }]);
    }
    return [...qs, q];
  });
}

/** Remove a question, and the conditions of later questions that named it. */
export async function removeSurveyQuestion(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { surveyId: string; key: string },
): Promise<SurveyRow> {
  return editQuestions(deps, origin, input.surveyId, 'survey.question_remove', (qs) => {
    if (!qs.some((q) => q.key === input.key)) throw new NotFound('survey_question');
    return qs
      .filter((q) => q.key !== input.key)
      .map((q) => (q.showIf?.key === input.key ? { ...q, showIf: null } : q));
  });
}
