import type { FastifyInstance } from 'fastify';
import { plansManageWeb } from './manage-routes.tsx';
import { plansPublicWeb } from './public-routes.tsx';
import { plansReportWeb } from './report-routes.tsx';

/** Pages of plans: the public side under /orgs/<slug>/plans and /orgs/<slug>/reports, the staff side under /manage/plans. */
export async function plansWeb(app: FastifyInstance) {
  await app.register(plansPublicWeb);
  await app.register(plansManageWeb);
  await app.register(plansReportWeb);
}
