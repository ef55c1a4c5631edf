import type { CellValue } from 'exceljs';
import { CsvSyntaxError, readCsv } from './csv-read.ts';
import type { DatasetColumn } from './opendata.tables.ts';

/** One thing wrong in an uploaded file: where (row of the file, header = 1; column name) and what (an i18n key). */
export type DataProblem = {
  row: number | null;
  column: string | null;
  key: string;
  params?: Record<string, string | number>;
};

export type CheckedData = { ok: true; rows: (string | null)[][] } | { ok: false; problems: DataProblem[] };

/** How many problems are reported at most: the first ones, as a person fixes a file from the top. */
export const MAX_PROBLEMS = 20;

const isXlsx = (name: string, data: Buffer) =>
  /\.xlsx$/i.test(name) && data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

/** A cell's value checked against its column's format; the normalised text, or the problem key. */
export function checkCell(col: DatasetColumn, raw: string): { value: string | null } | { key: string } {
  const v = raw.trim();
  if (v === '') return col.required ? { key: 'opendata.check.required' } : { value: null };
  switch (col.format) {
    case 'integer':
      return /^-?\d{1,15}$/.test(v) ? { value: v } : { key: 'opendata.check.integer' };
    case 'float':
      if (/^-?\d+,\d+$/.test(v)) return { key: 'opendata.check.floatComma' };
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? { value: v } : { key: 'opendata.check.float' };
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return { key: 'opendata.check.date' };
      const d = new Date(`${v}T00:00:00Z`);
      return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v
        ? { key: 'opendata.check.date' }
        : { value: v };
    }
    case 'boolean':
      return v === 'true' || v === 'false' ? { value: v } : { key: 'opendata.check.boolean' };
    default:
      return { value: v };
  }
}

/** The header and the rows against the structure: the first problems by row and column, or the rows. */
function checkTable(
  columns: DatasetColumn[],
  header: string[],
  body: { row: number; cells: string[] }[],
): CheckedData {
  const problems: DataProblem[] = [];
  const names = columns.map((c) => c.name);
  const got = header.map((h) => h.trim());
  if (got.length !== names.length || got.some((h, i) => h !== names[i])) {
    return {
      ok: false,
      problems: [
        { row: 1, column: null, key: 'opendata.check.header', params: { expected: names.join(',') } },
      ],
    };
  }
  const rows: (string | null)[][] = [];
  for (const { row, cells } of body) {
    if (cells.length !== columns.length) {
      problems.push({
        row,
        column: null,
        key: 'opendata.check.cellCount',
        params: { count: cells.length, expected: columns.length },
      });
    } else {
      const out: (string | null)[] = [];
      columns.forEach((col, i) => {
        const r = checkCell(col, cells[i] ?? '');
        if ('key' in r) problems.push({ row, column: col.name, key: r.key });
        else out.push(r.value);
      });
      if (out.length === columns.length) rows.push(out);
    }
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  if (rows.length === 0)
    return { ok: false, problems: [{ row: null, column: null, key: 'opendata.check.empty' }] };
  return { ok: true, rows };
}

function checkCsv(columns: DatasetColumn[], data: Buffer): CheckedData {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { ok: false, problems: [{ row: null, column: null, key: 'opendata.check.encoding' }] };
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.includes(',') && columns.length > 1 && /[;\t|]/.test(firstLine))
    return { ok: false, problems: [{ row: 1, column: null, key: 'opendata.check.delimiter' }] };
  const bom = data.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
  let records: { line: number; cells: string[] }[];
  try {
    records = readCsv(data.subarray(bom));
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    return { ok: false, problems: [{ row: err.line, column: null, key: 'opendata.check.quotes' }] };
  }
  const [header, ...body] = records;
  return checkTable(
    columns,
    header?.cells ?? [],
    body.map((r) => ({ row: r.line, cells: r.cells })),
  );
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

async function checkXlsx(columns: DatasetColumn[], data: Buffer): Promise<CheckedData> {
  // loaded when first needed: exceljs takes a third of a second to load, at every start otherwise
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ row: null, column: null, key: 'opendata.check.xlsx' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, problems: [{ row: null, column: null, key: 'opendata.check.empty' }] };
  const lines: { row: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = (row.values as CellValue[]).slice(1).map(cellText);
    // a spreadsheet keeps no trailing empty cells: pad a short row, cut empty ones past the header
    while (values.length > columns.length && values[values.length - 1] === '') values.pop();
    while (n > 1 && values.length < columns.length) values.push('');
    lines.push({ row: n, cells: values });
  });
  const [header, ...body] = lines;
  return checkTable(columns, header?.cells ?? [], body);
}

/**
 * An uploaded CSV (UTF-8, comma, header, RFC 4180) or XLSX (its first sheet)
 * checked against the structure before anything is published.
 */
export async function checkData(
  columns: DatasetColumn[],
  file: { filename: string; data: Buffer },
): Promise<CheckedData> {
  if (isXlsx(file.filename, file.data)) return checkXlsx(columns, file.data);
  if (/\.xlsx?$/i.test(file.filename) || file.data.subarray(0, 4).includes(0))
    return { ok: false, problems: [{ row: null, column: null, key: 'opendata.check.format' }] };
  return checkCsv(columns, file.data);
}
