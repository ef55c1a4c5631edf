import { z } from 'zod';
import type { FieldError } from '../../../platform/errors/index.ts';
import type { SurveyQuestion } from './polls.tables.ts';

export type AnswerValue = string | string[] | Record<string, string>;
export type SurveyAnswers = Record<string, AnswerValue>;

/** The form field of a question (a matrix row adds `_<row index>`). */
export const fieldOf = (q: Pick<SurveyQuestion, 'key'>, row?: number) =>
  row === undefined ? `q_${q.key}` : `q_${q.key}_${row}`;

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );

/** Does an earlier answer meet the condition (a choice among several counts when ticked)? */
export function conditionMet(q: SurveyQuestion, answers: SurveyAnswers): boolean {
  if (!q.showIf) return true;
  const a = answers[q.showIf.key];
  if (a === undefined) return false;
  return Array.isArray(a) ? a.includes(q.showIf.equals) : a === q.showIf.equals;
}

/**
 * Read and check a survey's answers from a submitted form, in question order:
 * a question whose condition is not met is skipped (its answer dropped, never
 * required); a required one left empty, a choice not offered, a number or a date
 * that is not one give a message at its field. Without JavaScript every
 * conditional question is on the page, so this is where the condition holds.
 */
export function readSurveyAnswers(
  questions: readonly SurveyQuestion[],
  body: Record<string, unknown>,
): { answers: SurveyAnswers; errors: FieldError[] } {
  const answers: SurveyAnswers = {};
  const errors: FieldError[] = [];
  const missing = (field: string) => errors.push({ field, message: 'surveys.answer.required' });
  for (const q of questions) {
    if (!conditionMet(q, answers)) continue;
    const field = fieldOf(q);
    const raw = body[field];
    switch (q.type) {
      case 'short_text':
      case 'long_text': {
        const v = typeof raw === 'string' ? raw.trim() : '';
        if (v.length > (q.type === 'short_text' ? 500 : 5000))
          errors.push({ field, message: 'surveys.answer.tooLong' });
        else if (v) answers[q.key] = v;
        else if (q.required) missing(field);
        break;
      }
      case 'single':
      case 'multiple': {
        const vs = list(raw);
        if (vs.some((v) => !q.options.includes(v)) || (q.type === 'single' && vs.length > 1))
          errors.push({ field, message: 'surveys.answer.choice' });
        else if (vs.length) answers[q.key] = q.type === 'single' ? (vs[0] as string) : vs;
        else if (q.required) missing(field);
        break;
      }
      case 'scale': {
        const v = typeof raw === 'string' ? raw.trim() : '';
        const n = Number(v);
        if (v && (!Number.isInteger(n) || n < 1 || n > q.scaleMax))
          errors.push({ field, message: 'surveys.answer.choice' });
        else if (v) answers[q.key] = String(n);
        else if (q.required) missing(field);
        break;
      }
      case 'number': {
        const v = typeof raw === 'string' ? raw.trim().replace(',', '.') : '';
        if (v && !/^-?\d{1,12}(\.\d{1,6})?$/.test(v))
          errors.push({ field, message: 'surveys.answer.number' });
        else if (v) answers[q.key] = v;
        else if (q.required) missing(field);
        break;
      }
      case 'date': {
        const v = typeof raw === 'string' ? raw.trim() : '';
        if (v && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))))
          errors.push({ field, message: 'surveys.answer.date' });
        else if (v) answers[q.key] = v;
        else if (q.required) missing(field);
        break;
      }
      case 'matrix': {
        const got: Record<string, string> = {};
        let firstMissing: string | undefined;
        q.rows.forEach((row, i) => {
          const v = body[fieldOf(q, i)];
          if (typeof v === 'string' && q.options.includes(v)) got[row] = v;
          else if (firstMissing === undefined) firstMissing = fieldOf(q, i);
        });
        if (Object.keys(got).length) answers[q.key] = got;
        if (q.required && firstMissing !== undefined) missing(firstMissing);
        break;
      }
    }
  }
  return { answers, errors };
}

/** The one schema of a survey's answers, made from its questions: the form and the API parse with it. */
export function surveyAnswersSchema(questions: readonly SurveyQuestion[]) {
  return z.record(z.string(), z.unknown()).transform((body, ctx) => {
    const { answers, errors } = readSurveyAnswers(questions, body);
    for (const e of errors) ctx.addIssue({ code: 'custom', path: [e.field], message: e.message });
    return answers;
  });
}
