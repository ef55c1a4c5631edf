import type { ModuleManifest } from './manifest.ts';

/** Every feature module, in load order. */
export const modules: ModuleManifest[] = [];
