import { describe, expect, it } from 'vitest';
import { csvFile } from './csv.ts';

describe('csvFile', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = csvFile([
      ['ФИО', 'Доход'],
      ['Иванов "младший", И.И.', 1000.5],
      ['квартира; дом', 'две\nстроки'],
    ]);
    expect(csv).toBe(
      '\uFEFFФИО,Доход\r\n"Иванов ""младший"", И.И.",1000.5\r\n"квартира; дом","две\nстроки"\r\n',
    );
  });

  it('neutralises cells that a spreadsheet would run as formulas, but not negative numbers', () => {
    const csv = csvFile([['=HYPERLINK("x")', '+1', '@SUM(A1)', '-2', -2]]);
    expect(csv).toBe(`\uFEFF"'=HYPERLINK(""x"")",'+1,'@SUM(A1),'-2,-2\r\n`);
  });
});
