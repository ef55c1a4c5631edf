/**
 * Recompute the hash chain of the publication log and check every item's
 * current row against its last logged version: `npm run verify-log`.
 * Exits 0 when the chain holds, 1 naming the first broken entry.
 */
import { loadConfig } from '../src/config.ts';
import { verifyPublicationLog } from '../src/modules/publications/index.ts';
import { startRuntime } from '../src/runtime.ts';

const runtime = await startRuntime(loadConfig(), { workers: false });
let code = 0;
try {
  const v = await verifyPublicationLog(runtime.deps);
  if (v.ok) {
    process.stdout.write(`publication log OK: ${v.entries} entries, head ${v.head}\n`);
  } else {
    const b = v.brokenAt;
    process.stdout.write(
      `publication log BROKEN at entry ${b.seq}: publication ${b.publicationId}, version ${b.version} (${b.reason}); ${v.entries} entries checked\n`,
    );
    code = 1;
  }
} finally {
  await runtime.close();
}
process.exit(code);
