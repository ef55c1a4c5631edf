import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsv } from './csv-read.ts';

const lines = (s: string) => readCsv(Buffer.from(s)).map((r) => [r.line, ...r.cells]);
const brokenAt = (s: string) => {
  try {
    readCsv(Buffer.from(s));
  } catch (err) {
    if (err instanceof CsvSyntaxError) return err.line;
    throw err;
  }
  throw new Error('no syntax error');
};

describe('readCsv', () => {
  it('gives each record the line it starts on: CRLF inside quotes counts once, blank lines are skipped', () => {
    expect(lines('a,b\r\nЖ,2\r\n"x\r\ny",3\r\n\r\n4,5,6\r\n')).toEqual([
      [1, 'a', 'b'],
      [2, 'Ж', '2'],
      [3, 'x\r\ny', '3'],
      [6, '4', '5', '6'],
    ]);
    expect(lines('a,b\n"say ""hi"", ok",2\n\n\n4,')).toEqual([
      [1, 'a', 'b'],
      [2, 'say "hi", ok', '2'],
      [5, '4', ''],
    ]);
    expect(lines('')).toEqual([]);
  });

  it('names the first line of the record whose quotes are broken', () => {
    expect(brokenAt('a,b\r\nЖ,2\r\n"x\r\ny",3\r\n4,5,"6\r\n')).toBe(5);
    expect(brokenAt('a,b\r\nЖ,2\r\n\r\n4,5"6\r\n')).toBe(4);
    expect(brokenAt('a,b\n"x"y,2\n')).toBe(2);
  });
});
