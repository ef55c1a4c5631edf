import type { FastifyInstance } from 'fastify';
import { ckanRoutes } from '../api/ckan-routes.ts';
import { dcatRoutes } from './dcat-routes.ts';
import { inventoryRoutes } from './inventory-routes.tsx';
import { opendataManageRoutes } from './manage-routes.tsx';
import { proposalsRoutes } from './proposals-routes.tsx';
import { opendataPublicRoutes } from './public-routes.tsx';

/** The open-data pages: the public register and files, the steward's pages. */
export async function opendataWeb(app: FastifyInstance) {
  await app.register(opendataPublicRoutes);
  await app.register(opendataManageRoutes);
  // CKAN's API lives at /api/3, outside the /api/v1 prefix of the manifest's api
  await app.register(ckanRoutes);
  await app.register(dcatRoutes);
  await app.register(inventoryRoutes);
  await app.register(proposalsRoutes);
}
