/**
 * Rebuild the search index from every module's own tables:
 * `npm run reindex` (all modules) or `npm run reindex -- orgs publications`.
 */
import { loadConfig } from '../src/config.ts';
import '../src/modules/index.ts';
import { reindexAll, searchSources } from '../src/platform/search/index.ts';
import { startRuntime } from '../src/runtime.ts';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const runtime = await startRuntime(loadConfig(), { workers: false });
try {
  const started = Date.now();
  const counts = await reindexAll(runtime.deps, only.length ? only : undefined);
  for (const s of searchSources())
    if (s.module in counts) process.stdout.write(`${s.module}: ${counts[s.module]} entries\n`);
  process.stdout.write(`reindexed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} finally {
  await runtime.close();
}
