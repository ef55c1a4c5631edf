import { stringify } from 'csv-stringify/sync';

/**
 * A table as a CSV file for download: UTF-8 with a BOM so spreadsheet programs
 * read the Cyrillic, CRLF lines (RFC 4180), a cell holding a line break or `;`
 * quoted (a Russian-locale spreadsheet splits on `;`), and a cell that would start a
 * formula (=, +, -, @) prefixed with ' so opening the file runs nothing.
 */
export function csvFile(records: (string | number)[][]): string {
  return stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    // the library quotes only its own record delimiter; a bare line break in a cell must be quoted too
    quoted_match: [';', '\n', '\r'],
    escape_formulas: true,
  });
}
