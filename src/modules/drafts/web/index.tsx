import type { FastifyInstance } from 'fastify';
import { draftsManageRoutes } from './manage-routes.tsx';
import { draftsPublicRoutes } from './public-routes.tsx';
import { draftsSummaryRoutes } from './summary-routes.tsx';

/** Public pages of the drafts module and the staff pages that keep them. */
export async function draftsWeb(app: FastifyInstance) {
  await draftsPublicRoutes(app);
  await draftsManageRoutes(app);
  await draftsSummaryRoutes(app);
}
