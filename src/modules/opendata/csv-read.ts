import { CsvError, parse } from 'csv-parse/sync';

/** A CSV that breaks RFC 4180 quoting; `line` is the first line of the record that broke it. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV syntax error at line ${line}`);
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The records of an RFC 4180 file (comma, CRLF or LF, doubled quotes inside
 * quoted fields; blank lines are no records), each with the line it starts on,
 * so an upload check can name the row a person sees in an editor. csv-parse
 * counts a CRLF inside a quoted field as two lines, so lines are counted here
 * from the byte offsets it reports.
 */
export function readCsv(data: Buffer): { line: number; cells: string[] }[] {
  let offset = 0;
  let line = 1;
  /** Past the record delimiter and blank lines that follow `offset`: where the next record starts. */
  const skipToRecord = () => {
    while (offset < data.length && (data[offset] === LF || data[offset] === CR)) {
      if (data[offset] === LF) line++;
      offset++;
    }
  };
  const out: { line: number; cells: string[] }[] = [];
  try {
    parse(data, {
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (cells, info) => {
        skipToRecord();
        out.push({ line, cells });
        for (; offset < info.bytes; offset++) if (data[offset] === LF) line++;
        return null;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    skipToRecord();
    throw new CsvSyntaxError(line);
  }
  return out;
}
