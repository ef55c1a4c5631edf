import type { FastifyInstance } from 'fastify';
import { declarationsRoutes } from './declarations-routes.tsx';
import { legalActsRoutes } from './legal-acts-routes.tsx';
import { publicationsManageRoutes } from './manage-routes.tsx';
import { openMunicipalityRoutes } from './open-municipality-routes.tsx';
import { publicationsPublicRoutes } from './public-routes.tsx';
import { transparencyRoutes } from './transparency-routes.tsx';

/** Public pages of publications and the staff pages that keep them, by page family. */
export async function publicationsWeb(app: FastifyInstance) {
  await publicationsPublicRoutes(app);
  await publicationsManageRoutes(app);
  await declarationsRoutes(app);
  await transparencyRoutes(app);
  await legalActsRoutes(app);
  await openMunicipalityRoutes(app);
}
