import type { FastifyInstance } from 'fastify';
import { plansManageWeb } from './manage-routes.tsx';
import { plansPublicWeb } from './public-routes.tsx';

/** Pages of plans: the public side under /orgs/<slug>/plans and the staff side under /manage/plans. */
export async function plansWeb(app: FastifyInstance) {
  await app.register(plansPublicWeb);
  await app.register(plansManageWeb);
}
