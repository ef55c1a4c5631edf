import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf } from '../../../platform/audit/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { availableSteps, changePlanStatus } from '../change-plan-status.ts';
import { createPlan } from '../create-plan.ts';
import { getPlanForStaff, listPlansForStaff, type PlanView } from '../get-plan.ts';
import { newPlanVersion } from '../new-plan-version.ts';
import { planForEditing } from '../plan-access.ts';
import { actualInput, itemInput, planInput, targetsInput, transitionInput } from '../plans.input.ts';
import { plansPolicy } from '../plans.policy.ts';
import { type PlanItemRow, plansRepository as repo } from '../plans.repository.ts';
import { reportActual } from '../report-actual.ts';
import { savePlanItem } from '../save-plan-item.ts';
import { setIndicatorTargets } from '../set-indicator-targets.ts';
import {
  ManageItemView,
  ManagePlansView,
  ManagePlanView,
  managePlanPath,
  NewPlanView,
} from './manage-pages.tsx';

type PlanParams = { planId: string };
type ItemParams = PlanParams & { itemId: string };

const notices: Record<string, string> = {
  created: 'plans.manage.created',
  saved: 'plans.manage.saved',
  reported: 'plans.manage.reported',
  step: 'plans.manage.stepDone',
  version: 'plans.manage.versionCreated',
};

function noticeFrom(req: FastifyRequest): void {
  const key = (req.query as Record<string, unknown> | undefined)?.notice;
  if (typeof key === 'string' && Object.hasOwn(notices, key))
    req.flash = { kind: 'success', text: req.t(notices[key] as string) };
}

const numberText = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));

/** The form values of a stored item. */
function itemValues(i: PlanItemRow): Record<string, string> {
  return {
    kind: i.kind,
    parentId: i.parentId ?? '',
    code: i.code ?? '',
    titleRu: i.titleRu,
    descriptionRu: i.descriptionRu ?? '',
    weight: numberText(i.weight),
    unit: i.unit ?? '',
    direction: i.direction ?? '',
    baseline: numberText(i.baseline),
    baselineYear: i.baselineYear === null ? '' : String(i.baselineYear),
    contractWeight: numberText(i.contractWeight),
    deadline: i.deadline ?? '',
    activityStatus: i.activityStatus ?? '',
    responsibleName: i.responsibleName ?? '',
    responsiblePosition: i.responsiblePosition ?? '',
    implementsItemId: i.implementsItemId ?? '',
    links: i.links.map((l) => `${l.kind}: ${l.title} | ${l.url}`).join('\n'),
  };
}

/** Staff pages of plans under /manage/plans. */
export async function plansManageWeb(app: FastifyInstance) {
  const deps = app.deps;
  const crumbs = (req: FastifyRequest, view?: PlanView) => [
    { href: '/manage', text: req.t('manage.title') },
    { href: '/manage/plans', text: req.t('plans.manage.title') },
    ...(view ? [{ href: managePlanPath(view.plan), text: view.plan.titleRu }] : []),
  ];

  app.get('/manage/plans', async (req, reply) => {
    noticeFrom(req);
    const { plans, orgs } = await listPlansForStaff(deps, req.actor);
    return reply.page(req.t('plans.manage.title'), <ManagePlansView plans={plans} orgs={orgs} />, {
      breadcrumbs: crumbs(req).slice(0, 1),
    });
  });

  const newPlanForm =
    (req: FastifyRequest, data: Awaited<ReturnType<typeof listPlansForStaff>>): RenderForm =>
    (form) => ({
      title: req.t('plans.manage.new'),
      body: (
        <NewPlanView
          orgs={data.orgs.filter((o) => plansPolicy.canCreate(req.actor, o.id))}
          templates={data.templates}
          {...form}
        />
      ),
      breadcrumbs: crumbs(req),
    });

  app.get('/manage/plans/new', async (req, reply) => {
    const data = await listPlansForStaff(deps, req.actor);
    const year = deps.clock.now().getUTCFullYear();
    return showForm(req, reply, newPlanForm(req, data), {
      templateId: data.templates[0]?.id ?? '',
      periodStart: String(year),
      periodEnd: String(year + 2),
    });
  });

  app.post('/manage/plans/new', async (req, reply) => {
    const data = await listPlansForStaff(deps, req.actor);
    return handleForm(req, reply, {
      schema: planInput,
      render: newPlanForm(req, data),
      run: async (input) => `${managePlanPath(await createPlan(deps, originOf(req), input))}?notice=created`,
    });
  });

  const planForm =
    (req: FastifyRequest, view: PlanView): RenderForm =>
    (form) => ({
      title: view.plan.titleRu,
      body: (
        <ManagePlanView
          view={view}
          steps={availableSteps(req.actor, view.plan)}
          canNewVersion={
            (view.plan.status === 'approved' || view.plan.status === 'completed') &&
            !view.plan.supersededAt &&
            !view.nextVersion &&
            plansPolicy.canEdit(req.actor, view.plan)
          }
          {...form}
        />
      ),
      breadcrumbs: crumbs(req),
    });

  app.get<{ Params: PlanParams }>('/manage/plans/:planId', async (req, reply) => {
    noticeFrom(req);
    const view = await getPlanForStaff(deps, req.actor, req.params.planId);
    return showForm(req, reply, planForm(req, view));
  });

  app.post<{ Params: PlanParams }>('/manage/plans/:planId/step', async (req, reply) => {
    const view = await getPlanForStaff(deps, req.actor, req.params.planId);
    return handleForm(req, reply, {
      schema: transitionInput,
      render: planForm(req, view),
      run: async (step) => {
        await changePlanStatus(deps, originOf(req), { planId: view.plan.id, step });
        return `${managePlanPath(view.plan)}?notice=step`;
      },
    });
  });

  app.post<{ Params: PlanParams }>('/manage/plans/:planId/new-version', async (req, reply) => {
    const view = await getPlanForStaff(deps, req.actor, req.params.planId);
    return handleForm(req, reply, {
      schema: z.object({}),
      render: planForm(req, view),
      input: () => ({}),
      run: async () =>
        `${managePlanPath(await newPlanVersion(deps, originOf(req), { planId: view.plan.id }))}?notice=version`,
    });
  });

  const itemForm =
    (
      req: FastifyRequest,
      view: PlanView,
      item: PlanItemRow | null,
      which: 'item' | 'targets' | 'actual',
      comprehensive: PlanItemRow[],
    ): RenderForm =>
    (form) => ({
      title: item ? item.titleRu : req.t('plans.manage.itemNew'),
      body: (
        <ManageItemView view={view} item={item} comprehensiveItems={comprehensive} which={which} {...form} />
      ),
      breadcrumbs: crumbs(req, view),
    });

  /** The comprehensive plan's items a departmental measure may implement. */
  const comprehensiveItems = async (view: PlanView): Promise<PlanItemRow[]> => {
    if (view.plan.kind === 'comprehensive') return [];
    const [plan] = await repo.currentOfKind(deps.db, 'comprehensive');
    return plan ? (await repo.items(deps.db, plan.id)).filter((i) => i.kind !== 'goal') : [];
  };

  const loadItem = async (req: FastifyRequest<{ Params: ItemParams }>) => {
    await planForEditing(deps.db, req.actor, req.params.planId);
    const view = await getPlanForStaff(deps, req.actor, req.params.planId);
    const node = view.tree.byId.get(req.params.itemId);
    if (!node) throw new NotFound('plan_item');
    return { view, item: node.item, comprehensive: await comprehensiveItems(view) };
  };

  app.get<{ Params: PlanParams; Querystring: { parent?: string } }>(
    '/manage/plans/:planId/items/new',
    async (req, reply) => {
      await planForEditing(deps.db, req.actor, req.params.planId);
      const view = await getPlanForStaff(deps, req.actor, req.params.planId);
      const parent = req.query.parent ? view.tree.byId.get(req.query.parent) : undefined;
      return showForm(req, reply, itemForm(req, view, null, 'item', await comprehensiveItems(view)), {
        kind: parent ? (parent.item.kind === 'goal' ? 'task' : 'indicator') : 'goal',
        parentId: parent?.item.id ?? '',
        weight: '1',
      });
    },
  );

  app.post<{ Params: PlanParams }>('/manage/plans/:planId/items/new', async (req, reply) => {
    await planForEditing(deps.db, req.actor, req.params.planId);
    const view = await getPlanForStaff(deps, req.actor, req.params.planId);
    return handleForm(req, reply, {
      schema: itemInput,
      render: itemForm(req, view, null, 'item', await comprehensiveItems(view)),
      run: async (item) => {
        const row = await savePlanItem(deps, originOf(req), { planId: view.plan.id, item });
        return `${managePlanPath(view.plan)}/items/${row.id}?notice=saved`;
      },
    });
  });

  app.get<{ Params: ItemParams }>('/manage/plans/:planId/items/:itemId', async (req, reply) => {
    noticeFrom(req);
    const { view, item, comprehensive } = await loadItem(req);
    return showForm(req, reply, itemForm(req, view, item, 'item', comprehensive), itemValues(item));
  });

  app.post<{ Params: ItemParams }>('/manage/plans/:planId/items/:itemId', async (req, reply) => {
    const { view, item, comprehensive } = await loadItem(req);
    return handleForm(req, reply, {
      schema: itemInput,
      render: itemForm(req, view, item, 'item', comprehensive),
      input: (body) => ({ ...body, kind: item.kind }),
      run: async (input) => {
        await savePlanItem(deps, originOf(req), { planId: view.plan.id, itemId: item.id, item: input });
        return `${managePlanPath(view.plan)}/items/${item.id}?notice=saved`;
      },
    });
  });

  app.post<{ Params: ItemParams }>('/manage/plans/:planId/items/:itemId/targets', async (req, reply) => {
    const { view, item, comprehensive } = await loadItem(req);
    return handleForm(req, reply, {
      schema: targetsInput,
      render: itemForm(req, view, item, 'targets', comprehensive),
      run: async (targets) => {
        await setIndicatorTargets(deps, originOf(req), { planId: view.plan.id, itemId: item.id, targets });
        return `${managePlanPath(view.plan)}/items/${item.id}?notice=saved`;
      },
    });
  });

  app.post<{ Params: ItemParams }>('/manage/plans/:planId/items/:itemId/actuals', async (req, reply) => {
    const { view, item, comprehensive } = await loadItem(req);
    return handleForm(req, reply, {
      schema: actualInput,
      render: itemForm(req, view, item, 'actual', comprehensive),
      run: async (actual) => {
        await reportActual(deps, originOf(req), { planId: view.plan.id, itemId: item.id, actual });
        return `${managePlanPath(view.plan)}/items/${item.id}?notice=reported`;
      },
    });
  });
}
