/**
 * A strict RFC 4180 reader (comma, CRLF or LF, double quotes doubled inside a
 * quoted field). The project depends on csv-stringify only; csv-parse is not a
 * direct dependency, and a strict reader that reports the line of a broken
 * quote is what the upload check needs. Each record carries its first line.
 */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV syntax error at line ${line}`);
  }
}

export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(start);
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          cell += c;
          i++;
        }
        const next = text[i];
        if (i < n && next !== ',' && next !== '\n' && next !== '\r') throw new CsvSyntaxError(line);
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') throw new CsvSyntaxError(line);
          cell += text[i];
          i++;
        }
      }
      cells.push(cell);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    // a blank line is no record
    if (!(cells.length === 1 && cells[0] === '')) out.push({ line: start, cells });
  }
  return out;
}
