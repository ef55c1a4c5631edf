import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFound } from '../../../platform/errors/index.ts';
import { findOrganizationById, type OrgRow } from '../../orgs/index.ts';
import { getEffectiveContract } from '../get-effective-contract.ts';
import { getPlanItemPage, getPlanPage, listOrgPlans } from '../get-plan.ts';
import { indicatorChartSvg } from '../indicator-chart.ts';
import { regionObstructionFigures } from '../obstruction.ts';
import { getPlanDiscussion } from '../plan-discussion.ts';
import { plansRepository as repo } from '../plans.repository.ts';
import { periodRows } from '../progress.ts';
import { formatNumber, orgName, periodLabel, planPath } from './common.tsx';
import { ContractView } from './contract-page.tsx';
import { PlanDiscussion } from './discussion.tsx';
import { ObstructionFiguresView } from './obstruction-figures.tsx';
import { PlanItemView, PlanPageView, PlansListView } from './public-pages.tsx';

type SlugParams = { slug: string };
type PlanParams = SlugParams & { planId: string };

/** The public side of plans: each body's plans, a plan's tree, an item's page, the comprehensive plan. */
export async function plansPublicWeb(app: FastifyInstance) {
  const deps = app.deps;

  const orgCrumbs = (req: FastifyRequest, org: OrgRow) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/orgs', text: req.t('orgs.list.title') },
    { href: `/orgs/${org.slug}`, text: orgName(org, req.locale) },
    { href: `/orgs/${org.slug}/plans`, text: req.t('plans.section') },
  ];

  app.get<{ Params: SlugParams }>('/orgs/:slug/plans', async (req, reply) => {
    const { org, plans } = await listOrgPlans(deps, req.params.slug);
    const crumbs = orgCrumbs(req, org);
    return reply.page(
      `${req.t('plans.section')}: ${orgName(org, req.locale)}`,
      <PlansListView org={org} plans={plans} />,
      {
        breadcrumbs: [...crumbs.slice(0, -1), { text: req.t('plans.section') }],
      },
    );
  });

  app.get<{ Params: SlugParams; Querystring: { year?: string } }>(
    '/orgs/:slug/plans/contract',
    async (req, reply) => {
      const year = Number(req.query.year);
      const c = await getEffectiveContract(deps, {
        slug: req.params.slug,
        year: Number.isInteger(year) ? year : undefined,
      });
      return reply.page(
        `${req.t('plans.contract.title')}: ${orgName(c.org, req.locale)}`,
        <ContractView c={c} />,
        {
          breadcrumbs: [...orgCrumbs(req, c.org), { text: req.t('plans.contract.title') }],
        },
      );
    },
  );

  app.get<{ Params: PlanParams; Querystring: { show?: string } }>(
    '/orgs/:slug/plans/:planId',
    async (req, reply) => {
      const view = await getPlanPage(deps, req.actor, req.params);
      const discussion = await getPlanDiscussion(deps, req.actor, view.plan);
      const risk = req.query.show === 'risk';
      // the comprehensive plan carries the region's accountability: complaints of obstructed public control (6.5)
      const obstruction =
        view.plan.kind === 'comprehensive' ? await regionObstructionFigures(deps, view.plan) : [];
      return reply.page(
        view.plan.titleRu,
        <PlanPageView
          view={view}
          risk={risk}
          discussion={<PlanDiscussion view={discussion} />}
          accountability={
            <ObstructionFiguresView figures={obstruction} lead={req.t('plans.obstruction.leadRegion')} />
          }
        />,
        { breadcrumbs: [...orgCrumbs(req, view.org), { text: view.plan.titleRu }] },
      );
    },
  );

  app.get<{ Params: PlanParams & { itemId: string } }>(
    '/orgs/:slug/plans/:planId/items/:itemId',
    async (req, reply) => {
      const view = await getPlanItemPage(deps, req.actor, req.params);
      const { node } = view;
      const discussion = await getPlanDiscussion(deps, req.actor, view.plan, node.item.id);
      let chartSvg: string | null = null;
      if (node.item.kind === 'indicator' && node.series) {
        const rows = periodRows(node.series);
        if (rows.length > 0) {
          const periods = rows.map((r) => periodLabel(r.period, req.t));
          const targetName = req.t('plans.indicator.target');
          const actualName = req.t('plans.indicator.actual');
          const fmt = (v: number | undefined) => formatNumber(v, req.locale);
          chartSvg = indicatorChartSvg({
            id: `indicator-${node.item.id}`,
            title: `${req.t('plans.indicator.chart')}: ${node.item.titleRu}`,
            description: [
              req.t('plans.indicator.chartDesc', {
                name: targetName,
                values: rows.map((r, i) => `${periods[i]} ${fmt(r.target)}`).join(', '),
              }),
              req.t('plans.indicator.chartDesc', {
                name: actualName,
                values: rows.map((r, i) => `${periods[i]} ${fmt(r.actual)}`).join(', '),
              }),
            ].join(' '),
            periods,
            targetName,
            actualName,
            targets: rows.map((r) => r.target ?? null),
            actuals: rows.map((r) => r.actual ?? null),
          });
        }
      }
      return reply.page(
        node.item.titleRu,
        <PlanItemView
          view={view}
          node={node}
          ancestors={view.ancestors}
          chartSvg={chartSvg}
          discussion={<PlanDiscussion view={discussion} itemId={node.item.id} />}
        />,
        {
          breadcrumbs: [
            ...orgCrumbs(req, view.org),
            { href: planPath(view.org.slug, view.plan), text: view.plan.titleRu },
            { text: node.item.titleRu },
          ],
        },
      );
    },
  );

  /** The region's current comprehensive plan (section V): its page is the plan's page. */
  app.get('/plans/comprehensive', async (_req, reply) => {
    const [plan] = await repo.currentOfKind(deps.db, 'comprehensive');
    if (!plan) throw new NotFound('plan');
    const org = await findOrganizationById(deps.db, plan.orgId);
    if (!org) throw new NotFound('organization');
    return reply.redirect(planPath(org.slug, plan), 303);
  });
}
