// Benchmark (not a test): public pages and the organisations API under concurrent load on loopback.
// Starts the real app on an embedded PostgreSQL with the demo region, then drives it with autocannon.
// Run: npm run bench:pages
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { startRuntime } from '../src/runtime.ts';
import { seed } from '../src/seed.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'open-region-bench-'));
chmodSync(dir, 0o755);
const config = loadConfig({ DATA_DIR: dir, SEED: 'demo', LOG_LEVEL: 'silent' });
const runtime = await startRuntime(config, { log: createLogger('silent') });
await seed(runtime.deps);
const app = await buildApp(runtime.deps);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const targets = ['/', '/orgs', '/orgs/kaliningrad', '/api/v1/organizations', '/healthz'];
const duration = Number(process.env.BENCH_SECONDS ?? 10);
process.stdout.write(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);
process.stdout.write(`each target: ${duration} s, 20 connections, same process as the server\n\n`);
process.stdout.write('| path | req/s | p50 ms | p99 ms | non-2xx |\n| --- | --- | --- | --- | --- |\n');
for (const t of targets) {
  const r = await autocannon({ url: base + t, connections: 20, duration });
  process.stdout.write(
    `| ${t} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} |\n`,
  );
}
await app.close();
await runtime.close();
rmSync(dir, { recursive: true, force: true });
