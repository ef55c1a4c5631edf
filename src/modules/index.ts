import { accountsModule } from './accounts/index.ts';
import type { ModuleManifest } from './manifest.ts';

/** Every feature module, in load order. */
export const modules: ModuleManifest[] = [accountsModule];
