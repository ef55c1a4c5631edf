import type { FastifyInstance } from 'fastify';
import { getOpenMunicipalityPage, getOpenMunicipalityRegion } from '../open-municipality.ts';
import { orgName } from './common.tsx';
import {
  OPEN_MUNICIPALITY_REGION_PATH,
  OpenMunicipalityRegionView,
  OpenMunicipalityView,
} from './open-municipality-page.tsx';
import { orgCrumbs, type Slug } from './routes-common.ts';

/**
 * The acts on open municipal government (concept VI.4): each municipality's
 * «Открытый муниципалитет» section (this static route serves the orgs
 * module's section path) and the region-wide list.
 */
export async function openMunicipalityRoutes(app: FastifyInstance) {
  app.get<{ Params: Slug }>('/orgs/:slug/open-municipality', async (req, reply) => {
    const page = await getOpenMunicipalityPage(app.deps, req.actor, req.params);
    const title = req.t('publications.openMun.title');
    return reply.page(`${title}: ${orgName(page.org, req.locale)}`, <OpenMunicipalityView page={page} />, {
      breadcrumbs: [...orgCrumbs(req, page.org), { text: title }],
    });
  });

  app.get(OPEN_MUNICIPALITY_REGION_PATH, async (req, reply) => {
    const region = await getOpenMunicipalityRegion(app.deps, req.actor);
    return reply.page(
      req.t('publications.openMunRegion.title'),
      <OpenMunicipalityRegionView region={region} />,
      {
        breadcrumbs: [
          { href: '/', text: req.t('ui.nav.home') },
          { text: req.t('publications.openMunRegion.title') },
        ],
      },
    );
  });
}
