import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AuditNames } from '../platform/audit/index.ts';
import type { Deps } from '../platform/deps.ts';
import type { Generator } from '../platform/generate/index.ts';
import type { Catalogue } from '../platform/i18n/index.ts';
import type { SearchSource } from '../platform/search/registry.ts';

/**
 * What a module contributes to the platform. app.ts registers every manifest
 * in src/modules/index.ts; a module touches no other module to join.
 */
export type ModuleManifest = {
  name: string;
  messages?: Catalogue;
  /** HTML pages (GET/POST pairs) */
  web?: FastifyPluginAsync;
  /** JSON routes under /api/v1 */
  api?: FastifyPluginAsync;
  /** public URLs for the sitemap, given the database */
  sitemap?: (app: FastifyInstance) => Promise<string[]>;
  /**
   * What the module makes searchable (content types, facet labels, reindex),
   * made with defineSearchSource; entries are written with searchIndex.upsert
   * in the module's own transactions. See src/platform/search.
   */
  search?: SearchSource;
  /**
   * Names the audit viewer shows for the ids in the log (people, organisations),
   * made with defineAuditNames. See src/platform/audit/names.ts.
   */
  auditNames?: AuditNames;
  /**
   * Fills the module's tables with a region's worth of generated content for
   * benchmarks (`npm run generate`), reproducibly from the seed, through COPY.
   * `after` names the modules whose generated data it needs (accounts needs the
   * organisations for their staff). See src/platform/generate.
   */
  generate?: { after?: string[]; run: Generator };
  /** background workers and schedules (pg-boss) the module runs in the server process */
  workers?: (deps: Deps) => Promise<void>;
};
