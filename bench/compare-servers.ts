// Benchmark (not a test): the same scenarios against two running portals on one database, alternately, so that a
// change is compared with what runs now in the same minutes of a shared machine.
// Run: BENCH_BEFORE=http://127.0.0.1:4100 BENCH_AFTER=http://127.0.0.1:4188 BENCH_SECONDS=10 ROUNDS=2 \
//        node --import tsx bench/compare-servers.ts [group, default search] [part of a scenario's name]
import { measure, out } from './lib.ts';
import * as groups from './scenarios.ts';

const bases = { before: process.env.BENCH_BEFORE, after: process.env.BENCH_AFTER };
if (!bases.before || !bases.after) throw new Error('set BENCH_BEFORE and BENCH_AFTER to the two portals');
const group = (groups as unknown as Record<string, groups.Group | undefined>)[process.argv[2] ?? 'search'];
if (!group) throw new Error(`no scenario group ${process.argv[2]}`);
const only = process.argv[3];
const scenarios = (await group.scenarios(bases.after, '')).filter((s) => !only || s.name.includes(only));
out('| portal | scenario | conns | req/s | p50 ms | p97.5 ms | p99 ms | max ms | errors | statuses |');
out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (let r = 0; r < Number(process.env.ROUNDS ?? 1); r++)
  for (const s of scenarios)
    for (const [name, base] of Object.entries(bases)) {
      const m = await measure(base as string, undefined, s);
      out(
        `| ${name} | ${s.name} | ${s.connections ?? ''} | ${m.rps.toFixed(1)} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.max} | ${m.errors} | ${m.status} |`,
      );
    }
