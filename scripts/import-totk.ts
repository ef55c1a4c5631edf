/**
 * Load an official edition of the ТОТК classifier as a new edition:
 * `npm run import:totk -- <file.csv|file.json> [--edition 2027.1] [--date 2027-01-15]`.
 * CSV is «код;наименование», one code a line (a header line allowed); JSON is
 * an array of { "code", "name" }. The edition id defaults to the file's name,
 * the date to today. Every line is checked first: any error is printed with
 * its line number and nothing is loaded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { importTotkEdition, parseTotkFile } from '../src/modules/appeals/index.ts';
import { toLocalDate } from '../src/platform/calendar/index.ts';
import { DomainError } from '../src/platform/errors/index.ts';
import { startRuntime } from '../src/runtime.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { edition: { type: 'string' }, date: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write(
    'usage: npm run import:totk -- <file.csv|file.json> [--edition ID] [--date YYYY-MM-DD]\n',
  );
  process.exit(2);
}
const format = file.toLowerCase().endsWith('.json') ? 'json' : 'csv';
const { items, errors } = parseTotkFile(readFileSync(file, 'utf8'), format);
if (errors.length > 0) {
  for (const e of errors.slice(0, 100))
    process.stderr.write(
      `${path.basename(file)}:${e.line ? `${format === 'json' ? 'element ' : ''}${e.line}` : ''}: ${e.message}\n`,
    );
  if (errors.length > 100) process.stderr.write(`… and ${errors.length - 100} more\n`);
  process.stderr.write('nothing loaded\n');
  process.exit(1);
}
const runtime = await startRuntime(loadConfig(), { workers: false });
let code = 0;
try {
  const version = values.edition ?? path.basename(file).replace(/\.(csv|json)$/i, '');
  const date = values.date ?? toLocalDate(runtime.deps.clock.now());
  const totk = await importTotkEdition(
    runtime.deps,
    { actor: { kind: 'anonymous' }, ip: null },
    { version, date, source: path.basename(file), items },
  );
  process.stdout.write(`ТОТК ${totk.version} of ${totk.date}: ${totk.nodes.length} codes loaded\n`);
} catch (e) {
  if (!(e instanceof DomainError)) throw e;
  const detail =
    'errors' in e ? (e.errors as { message: string }[]).map((x) => x.message).join('; ') : e.message;
  process.stderr.write(`${detail}\nnothing loaded\n`);
  code = 1;
} finally {
  await runtime.close();
}
process.exit(code);
