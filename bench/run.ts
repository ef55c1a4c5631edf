// Benchmark (not a test): the harness of issue 11. Generates (or reuses) the data, measures the two
// ceilings, starts the portal as a user would and drives every scenario over HTTP from this process.
// Run: npm run bench [-- pages search appeals]   (BENCH_SCALE small|region|tiny, BENCH_SECONDS,
// BENCH_CONNECTIONS, BENCH_DATA_DIR); each group alone: npm run bench:pages, bench:search, bench:appeals.
import {
  CONNECTIONS,
  embeddedDbUrl,
  ensureData,
  measure,
  out,
  printHeader,
  printMachine,
  printRow,
  settle,
  startCeiling,
  startPortal,
} from './lib.ts';
import { groups } from './scenarios.ts';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = wanted.length > 0 ? groups.filter((g) => wanted.includes(g.name)) : groups;

printMachine();
const dataDir = await ensureData();

// The portal first alone: its start time on existing data, and the home page's size for the static ceiling.
let portal = await startPortal(dataDir);
out(`portal ready (/readyz 200) in ${(portal.readyMs / 1000).toFixed(2)} s on existing data`);
const homeBytes = (await (await fetch(`${portal.base}/`)).text()).length;
const dbUrl = embeddedDbUrl(dataDir);

// Ceilings, each alone on the machine: the portal waits idle (its Postgres serves the query ceiling).
const ceilings: Record<'static' | 'query', number> = { static: 0, query: 0 };
out();
printHeader();
for (const kind of ['static', 'query'] as const) {
  const c = await startCeiling(
    kind === 'static'
      ? ['--kind', 'static', '--bytes', String(homeBytes)]
      : ['--kind', 'query', '--db', dbUrl],
  );
  const r = await measure(c.base, c.child.pid, {
    name:
      kind === 'static'
        ? `ceiling: bare Fastify, static Preact page of ${homeBytes} B`
        : 'ceiling: bare Fastify, one indexed query + render',
    path: kind === 'static' ? '/' : '/org/minsoc',
    ceiling: kind,
  });
  ceilings[kind] = r.rps;
  printRow(r, CONNECTIONS);
  await c.stop();
}

try {
  for (const g of chosen) {
    try {
      await settle(portal.base);
      for (const s of await g.scenarios(portal.base, dataDir)) {
        await settle(portal.base);
        const r = await measure(portal.base, portal.child.pid, s);
        printRow(r, s.connections ?? CONNECTIONS, ceilings[s.ceiling]);
      }
    } catch (err) {
      out(`| ${g.name}: could not run (${String((err as Error).message ?? err)}) |`);
    }
  }
} finally {
  await portal.stop();
}
// a restart on the same data: the start target (/readyz ≤ 3 s)
portal = await startPortal(dataDir);
out(`\nrestart on existing data: /readyz 200 in ${(portal.readyMs / 1000).toFixed(2)} s`);
await portal.stop();
