import type { Deps } from './platform/deps.ts';

/**
 * Fill an empty database: the region's organisations always, the demo
 * content and accounts when SEED=demo. Idempotent.
 */
export async function seed(deps: Deps): Promise<void> {
  deps.log.debug({ seed: deps.config.seed }, 'seed');
}
