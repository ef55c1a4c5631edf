import type { FastifyInstance } from 'fastify';
import { monitoringManageRoutes } from './manage-routes.tsx';
import { monitoringPublicRoutes } from './public-routes.tsx';

/** Every page of the monitoring module: the public rating, the staff pages. */
export async function monitoringWeb(app: FastifyInstance) {
  await monitoringPublicRoutes(app);
  await monitoringManageRoutes(app);
}
