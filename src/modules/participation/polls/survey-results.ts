import type { Actor } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { csvFile } from '../../../platform/files/csv.ts';
import { pollsPolicy } from './polls.policy.ts';
import { pollsRepository as repo, type SurveyResponseRow, type SurveyRow } from './polls.repository.ts';
import type { SurveyQuestion } from './polls.tables.ts';
import type { AnswerValue } from './survey-answers.ts';

/** What a question's answers add up to: counts per choice (and per matrix row), or the texts given. */
export type QuestionSummary = {
  question: SurveyQuestion;
  answered: number;
  /** choice questions and scales: [label, count] in the offered order */
  counts: [string, number][];
  /** matrix: per row, the counts per column */
  matrix: { row: string; counts: [string, number][] }[];
  /** scale and number: the mean of the answers given */
  mean: number | null;
  /** text and date: the answers given */
  texts: string[];
};

export type SurveyResults = { survey: SurveyRow; responses: number; summaries: QuestionSummary[] };

function summarise(q: SurveyQuestion, values: AnswerValue[]): QuestionSummary {
  const s: QuestionSummary = {
    question: q,
    answered: values.length,
    counts: [],
    matrix: [],
    mean: null,
    texts: [],
  };
  const count = (labels: string[], picked: string[]) =>
    labels.map((l): [string, number] => [l, picked.filter((p) => p === l).length]);
  if (q.type === 'single' || q.type === 'multiple') s.counts = count(q.options, values.flat() as string[]);
  else if (q.type === 'scale') {
    const labels = Array.from({ length: q.scaleMax }, (_, i) => String(i + 1));
    s.counts = count(labels, values as string[]);
  } else if (q.type === 'matrix')
    s.matrix = q.rows.map((row) => ({
      row,
      counts: count(
        q.options,
        (values as Record<string, string>[]).map((v) => v[row]).filter((v): v is string => v !== undefined),
      ),
    }));
  else s.texts = values as string[];
  if ((q.type === 'scale' || q.type === 'number') && values.length)
    s.mean =
      Math.round(((values as string[]).reduce((a, v) => a + Number(v), 0) / values.length) * 100) / 100;
  return s;
}

async function surveyForResults(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const survey = await repo.surveyById(deps.db, id);
  if (!survey || !pollsPolicy.canManage(actor, survey.orgId)) throw new NotFound('survey');
  return { survey, responses: await repo.responses(deps.db, survey.id) };
}

/** A survey's summary for its staff: the count of answers and each question's figures (task 8.5). */
export async function getSurveyResults(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
): Promise<SurveyResults> {
  const { survey, responses } = await surveyForResults(deps, actor, id);
  return {
    survey,
    responses: responses.length,
    summaries: survey.questions.map((q) =>
      summarise(
        q,
        responses.map((r) => r.answers[q.key]).filter((v): v is AnswerValue => v !== undefined),
      ),
    ),
  };
}

/** One line per answer: date, the person for a signed survey, then each question (a matrix a column per row). */
function answerTable(survey: SurveyRow, responses: SurveyResponseRow[], userNames: Map<string, string>) {
  const cols: { head: string; cell: (a: SurveyResponseRow['answers']) => string }[] = [];
  for (const q of survey.questions) {
    if (q.type === 'matrix')
      for (const row of q.rows)
        cols.push({
          head: `${q.text}: ${row}`,
          cell: (a) => (a[q.key] as Record<string, string> | undefined)?.[row] ?? '',
        });
    else
      cols.push({
        head: q.text,
        cell: (a) => {
          const v = a[q.key];
          return Array.isArray(v) ? v.join('; ') : typeof v === 'string' ? v : '';
        },
      });
  }
  const head = ['Дата', ...(survey.anonymous ? [] : ['Участник']), ...cols.map((c) => c.head)];
  const rows = responses.map((r) => [
    r.answeredOn,
    ...(survey.anonymous ? [] : [r.userId ? (userNames.get(r.userId) ?? r.userId) : '']),
    ...cols.map((c) => c.cell(r.answers)),
  ]);
  return { head, rows };
}

/**
 * The answers as a file for staff: CSV (through platform/files `csvFile`: BOM,
 * formulas neutralised) or XLSX (exceljs). `names` lends the people's names
 * for a signed survey.
 */
export async function exportSurveyAnswers(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { id: string; format: 'csv' | 'xlsx'; names?: (ids: string[]) => Promise<Map<string, string>> },
): Promise<{ survey: SurveyRow; body: Buffer | string }> {
  const { survey, responses } = await surveyForResults(deps, actor, input.id);
  const ids = [...new Set(responses.map((r) => r.userId).filter((x): x is string => x !== null))];
  const names = ids.length && input.names ? await input.names(ids) : new Map<string, string>();
  const { head, rows } = answerTable(survey, responses, names);
  if (input.format === 'csv') return { survey, body: csvFile([head, ...rows]) };
  // loaded when first needed: exceljs takes a third of a second to load, at every start otherwise
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ответы');
  ws.addRow(head).font = { bold: true };
  // a text cell that starts like a formula stays text: exceljs writes strings as strings, never formulas
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => {
    c.width = 24;
  });
  return { survey, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** A survey's first scale question, as a figure: the mean of its answers and the scale's top. */
export type SurveyScaleFigure = {
  id: string;
  orgId: string;
  title: string;
  opensOn: string;
  responses: number;
  /** null when no one answered the scale, or the survey has none */
  mean: number | null;
  scaleMax: number;
};

/**
 * The scale figures of every survey of a purpose (e.g. 'monitoring.satisfaction'), newest first:
 * counts and means only, never an answer or who gave it, so another module's computation (the
 * monitoring index) reads them without acting as anyone.
 */
export async function surveyScaleFigures(
  deps: Pick<Deps, 'db'>,
  purpose: string,
): Promise<SurveyScaleFigure[]> {
  const rows = await repo.surveysOf(deps.db, 'all', purpose);
  return Promise.all(
    rows.map(async (survey) => {
      const responses = await repo.responses(deps.db, survey.id);
      const q = survey.questions.find((x) => x.type === 'scale');
      const summary = q
        ? summarise(
            q,
            responses.map((r) => r.answers[q.key]).filter((v): v is AnswerValue => v !== undefined),
          )
        : null;
      return {
        id: survey.id,
        orgId: survey.orgId,
        title: survey.title,
        opensOn: survey.opensOn,
        responses: responses.length,
        mean: summary?.mean ?? null,
        scaleMax: q?.type === 'scale' ? q.scaleMax : 5,
      };
    }),
  );
}
