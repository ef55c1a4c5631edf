import type { FastifyInstance } from 'fastify';
import { councilsCabinetRoutes } from './cabinet-routes.tsx';
import { councilsManageRoutes } from './manage-routes.tsx';
import { councilsPublicRoutes } from './public-routes.tsx';

/** Every page of the councils module: public, cabinet, staff. */
export async function councilsWeb(app: FastifyInstance) {
  await councilsPublicRoutes(app);
  await councilsCabinetRoutes(app);
  await councilsManageRoutes(app);
}
