import type { Actor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { csvFile } from '../../platform/files/csv.ts';
import { findOrganizationById } from '../orgs/index.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { currentTotk } from './current-totk.ts';
import { tRu } from './notices.ts';
import { type QuestionStatus, questionStatuses, questionStatusKey } from './outcomes.ts';
import { staffPolicy } from './staff.policy.ts';

/** The report's columns: the ССТУ statuses, «поддержано» split by «меры приняты». */
type Column = { status: QuestionStatus; measures: boolean };
export const REPORT_COLUMNS: Column[] = questionStatuses.flatMap((s): Column[] =>
  s === 'supported'
    ? [
        { status: s, measures: false },
        { status: s, measures: true },
      ]
    : [{ status: s, measures: false }],
);

export type MonthlyReport = {
  orgName: string;
  orgCode: string;
  month: string;
  from: string;
  to: string;
  totkVersion: string;
  rows: { code: string; name: string; counts: number[]; total: number }[];
  totals: number[];
  unclassified: number;
};

/**
 * The monthly report of a body for the federal reporting (ССТУ.РФ): the
 * questions of the appeals registered in the month, by ТОТК code, counted in
 * the ССТУ statuses. Counts only, no personal data.
 */
export async function buildMonthlyReport(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { orgId: string; month: string },
): Promise<MonthlyReport> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month))
    throw new InvalidInput([{ field: 'month', message: 'appeals.staff.report.monthInvalid' }]);
  authorize(staffPolicy.canReport(actor, input.orgId), true);
  const org = await findOrganizationById(deps.db, input.orgId);
  if (!org) throw new NotFound('organization');
  const [y, m] = input.month.split('-').map(Number) as [number, number];
  const from = `${input.month}-01`;
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const [raw, unclassified] = await Promise.all([
    repo.monthlyReport(deps.db, org.id, from, to),
    repo.unclassifiedCount(deps.db, org.id, from, to),
  ]);
  const totk = await currentTotk(deps.db);
  const byCode = new Map<string, number[]>();
  for (const r of raw) {
    const counts = byCode.get(r.topicCode) ?? REPORT_COLUMNS.map(() => 0);
    const col = REPORT_COLUMNS.findIndex(
      (c) => c.status === r.status && c.measures === (r.status === 'supported' && r.measuresTaken),
    );
    if (col >= 0) counts[col] = (counts[col] ?? 0) + r.n;
    byCode.set(r.topicCode, counts);
  }
  const rows = [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, counts]) => ({
      code,
      name: totk.name(code, 'ru'),
      counts,
      total: counts.reduce((s, n) => s + n, 0),
    }));
  const totals = REPORT_COLUMNS.map((_, i) => rows.reduce((s, r) => s + (r.counts[i] ?? 0), 0));
  return {
    orgName: org.nameRu,
    orgCode: org.code,
    month: input.month,
    from,
    to,
    totkVersion: totk.version,
    rows,
    totals,
    unclassified,
  };
}

function header(): string[] {
  return [
    tRu('appeals.staff.report.code'),
    tRu('appeals.staff.report.question'),
    ...REPORT_COLUMNS.map((c) => tRu(questionStatusKey(c.status, c.measures))),
    tRu('appeals.staff.report.total'),
  ];
}

/** The report as CSV. */
export function reportCsv(r: MonthlyReport): string {
  const records = [
    header(),
    ...r.rows.map((row) => [row.code, row.name, ...row.counts, row.total]),
    ['', tRu('appeals.staff.report.total'), ...r.totals, r.totals.reduce((s, n) => s + n, 0)],
  ];
  return csvFile(records);
}

/** The report as an XLSX workbook: one sheet, a title row, the header, the rows and the totals. */
export async function reportXlsx(r: MonthlyReport): Promise<Buffer> {
  // loaded when first needed: exceljs takes a third of a second to load, at every start otherwise
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Открытый регион';
  const ws = wb.addWorksheet(r.month);
  ws.addRow([`${r.orgName}: ${tRu('appeals.staff.report.title')} ${r.month} (ТОТК ${r.totkVersion})`]);
  const head = ws.addRow(header());
  head.font = { bold: true };
  for (const row of r.rows) ws.addRow([row.code, row.name, ...row.counts, row.total]);
  const tot = ws.addRow([
    '',
    tRu('appeals.staff.report.total'),
    ...r.totals,
    r.totals.reduce((s, n) => s + n, 0),
  ]);
  tot.font = { bold: true };
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 48;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
