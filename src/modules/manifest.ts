import type { FastifyPluginAsync } from 'fastify';
import type { Catalogue } from '../platform/i18n/index.ts';

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
  sitemap?: (app: import('fastify').FastifyInstance) => Promise<string[]>;
};
