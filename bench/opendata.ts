// Benchmark (not a test): the harness's «opendata» scenarios alone, with both ceilings (see bench/run.ts):
// the register, a passport, a data file, the CKAN search, and the large generated dataset streamed to ten
// clients at once. Its data lives in a directory of its own (open data joined the generator later, and
// a directory generated before it is reused as it is). Run: npm run bench:opendata
import os from 'node:os';
import path from 'node:path';

process.env.BENCH_DATA_DIR ??= path.join(
  os.tmpdir(),
  `open-region-bench-${process.env.BENCH_SCALE ?? 'small'}-opendata`,
);
process.argv.push('opendata');
await import('./run.ts');
