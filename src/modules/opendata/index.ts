import type { FastifyInstance } from 'fastify';
import { registerManageSection } from '../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { rowsApi } from './api/rows-api.ts';
import { generateOpendata } from './generate-opendata.ts';
import { startRegeneration } from './generated-sources.ts';
import { opendataMessages } from './messages.ts';
import { opendataPolicy } from './opendata.policy.ts';
import { opendataRepository } from './opendata.repository.ts';
import { opendataSearch } from './opendata.search.ts';
import { startFileRendering } from './render-files.ts';
import { opendataWeb } from './web/index.tsx';

export { regenerateSources } from './generated-sources.ts';
export { opendataQualityByOrg } from './get-register.ts';
export { registerOpendataSections } from './sections.ts';
export { seedDemoOpendata } from './seed-demo-opendata.ts';

registerManageSection({
  key: 'opendata',
  href: '/manage/opendata',
  titleKey: 'opendata.manage.section',
  descriptionKey: 'opendata.manage.sectionDescription',
  order: 60,
  visible: (actor) => {
    const s = opendataPolicy.stewardOf(actor);
    return s === 'all' || s.length > 0;
  },
});

registerManageSection({
  key: 'opendata-proposals',
  href: '/manage/opendata/proposals',
  titleKey: 'opendata.manage.proposalsSection',
  descriptionKey: 'opendata.manage.proposalsSectionDescription',
  order: 61,
  visible: (actor) => {
    const s = opendataPolicy.proposalsScope(actor);
    return s === 'all' || s.length > 0;
  },
});

/** Public URLs for the sitemap: the register, each body's register, each passport. */
async function opendataSitemap(app: FastifyInstance): Promise<string[]> {
  const rows = await opendataRepository.summaries(app.deps.db);
  return ['/opendata/', '/opendata/proposals', ...rows.map((r) => `/opendata/${r.identifier}/`)];
}

/**
 * Open data (concept 10): the dataset register per the Russian methodology 3.0,
 * versions of data and structure, datasets generated from the portal's own
 * registries, the CKAN-compatible API and the DCAT-AP catalogue.
 */
export const opendataModule: ModuleManifest = {
  name: 'opendata',
  messages: opendataMessages,
  web: opendataWeb,
  api: rowsApi,
  // the generated datasets (10.4): hourly and after each change of the register
  workers: async (deps) => {
    await startRegeneration(deps);
    await startFileRendering(deps);
  },
  sitemap: opendataSitemap,
  search: opendataSearch,
  // benchmarks: a region's register and one dataset of millions of rows
  generate: { after: ['orgs'], run: generateOpendata },
};
