import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client.ts';

/** A value COPY's text format takes: null, text, number, boolean, date, a text array, or JSON. */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[] | object;

const escapeText = (s: string) =>
  s.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));

/** One element of a PostgreSQL array literal, always quoted. */
const arrayElement = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

function field(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return escapeText(`{${v.map((x) => arrayElement(String(x))).join(',')}}`);
  return escapeText(JSON.stringify(v));
}

/**
 * Bulk-load rows with COPY … FROM STDIN (text format), the way the data
 * generator and large loads write: tens of times faster than INSERTs. Rows are
 * pulled from the iterable as PostgreSQL takes them, so memory stays flat.
 * Returns the number of rows written.
 */
export async function copyRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  const client = await db.$client.connect();
  let n = 0;
  function* lines(): Generator<string> {
    let chunk = '';
    for (const r of rows) {
      chunk += `${r.map(field).join('\t')}\n`;
      n++;
      if (chunk.length > 256 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  try {
    const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const sink = client.query(copyFrom(`copy ${ident(table)} (${columns.map(ident).join(', ')}) from stdin`));
    await pipeline(Readable.from(lines()), sink);
    return n;
  } finally {
    client.release();
  }
}
