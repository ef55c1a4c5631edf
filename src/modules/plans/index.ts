import type { FastifyInstance } from 'fastify';
import { registerManageSection } from '../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { findOrganizationsByIds } from '../orgs/index.ts';
import { plansApi } from './api/index.ts';
import { generatePlans } from './generate-plans.ts';
import { plansMessages } from './messages.ts';
import { plansSearch } from './plans.search.ts';
import './reports.messages.ts';
import { plansPolicy } from './plans.policy.ts';
import { plansRepository } from './plans.repository.ts';
import { plansWeb } from './web/index.tsx';

export { type EffectiveContract, getEffectiveContract } from './get-effective-contract.ts';
export { type IndicatorValue, listPublicIndicatorValues } from './list-indicator-values.ts';
export { type PlanKind, planKinds } from './plans.input.ts';
export { seedDemoPlans } from './seed-demo-plans.ts';
export { seedPlanTemplate, TEMPLATE_TITLE } from './seed-plans.ts';

registerManageSection({
  key: 'plans',
  href: '/manage/plans',
  titleKey: 'plans.manage.section',
  descriptionKey: 'plans.manage.sectionDescription',
  order: 40,
  visible: plansPolicy.canManageAny,
});

/** Public URLs: every body's plans list and every public plan. */
async function plansSitemap(app: FastifyInstance): Promise<string[]> {
  const { db } = app.deps;
  const plans = await plansRepository.publicPlans(db);
  const orgs = await findOrganizationsByIds(db, [...new Set(plans.map((p) => p.orgId))]);
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
  return [
    ...orgs.flatMap((o) => [
      `/orgs/${o.slug}/plans`,
      `/orgs/${o.slug}/plans/contract`,
      `/orgs/${o.slug}/reports`,
    ]),
    ...plans.filter((p) => slugOf.has(p.orgId)).map((p) => `/orgs/${slugOf.get(p.orgId)}/plans/${p.id}`),
  ];
}

/**
 * Plans and accountability (tasks 5.1–5.5, 6.1, 6.4; sections V and VI): every
 * plan in one model (goals → tasks → indicators and activities), targets and
 * actuals per period with computed status and progress, approval route with
 * history and versions, effective contracts, annual reports.
 */
export const plansModule: ModuleManifest = {
  name: 'plans',
  messages: plansMessages,
  web: plansWeb,
  api: plansApi,
  sitemap: plansSitemap,
  search: plansSearch,
  generate: { after: ['orgs'], run: generatePlans },
};
