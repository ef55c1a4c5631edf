import type { Deps } from '../deps.ts';
import { searchSources } from './registry.ts';
import { searchIndex } from './writer.ts';

/**
 * Rebuild the index from every registered source, one transaction per module:
 * a module's entries are replaced whole or not at all.
 */
export async function reindexAll(deps: Deps, only?: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const s of searchSources()) {
    if (!s.reindex || (only && !only.includes(s.module))) continue;
    const reindex = s.reindex;
    counts[s.module] = await deps.db.transaction(async (tx) => {
      await searchIndex.removeModule(tx, s.module);
      return reindex(deps, tx);
    });
  }
  return counts;
}
