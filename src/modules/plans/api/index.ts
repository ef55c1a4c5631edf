import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiInput } from '../../../platform/http/api.ts';
import { problemSchema } from '../../../platform/http/openapi.ts';
import { getPlanApi, getPlanItemApi, listPlansApi } from '../get-plans-api.ts';
import { planKinds } from '../plans.input.ts';
import { presentPlanDetail, presentPlanItem, presentPlanSummary } from './presenters.ts';
import { planDetail, planItem, planPage } from './schemas.ts';

/** GET /api/v1/plans, /api/v1/plans/{id}, /api/v1/plans/{id}/items/{itemId}. */
export async function plansApi(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const base = deps.config.publicUrl;

  r.get(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Планы / Plans',
        description:
          'Публичные планы органов: публичные планы деятельности, ведомственные и муниципальные планы по открытости, комплексный план, планы противодействия коррупции; с выполнением. / Public plans of the bodies with their progress.',
        querystring: apiInput({
          organization: z.string().max(100).optional().describe('slug, e.g. minzdrav'),
          kind: z.enum(planKinds).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          perPage: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: planPage, 400: problemSchema },
      },
    },
    async (req) => {
      const { items, total } = await listPlansApi(deps, req.query);
      return {
        items: items.map((x) => presentPlanSummary(x.plan, x.org, base, x.progress)),
        total,
        page: req.query.page,
        perPage: req.query.perPage,
      };
    },
  );

  r.get(
    '/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'План с пунктами / Plan with items',
        description:
          'Цели, задачи, показатели (целевые и фактические значения по периодам, вычисленный статус) и мероприятия плана; история согласования. / Goals, tasks, indicators (targets, actuals, computed status) and activities; approval history.',
        params: apiInput({ id: z.uuid() }),
        querystring: apiInput({}),
        response: { 200: planDetail, 400: problemSchema, 404: problemSchema },
      },
    },
    async (req) => presentPlanDetail(await getPlanApi(deps, req.actor, req.params.id), base),
  );

  r.get(
    '/plans/:id/items/:itemId',
    {
      schema: {
        tags: ['plans'],
        summary: 'Пункт плана / Plan item',
        description:
          'Один показатель, цель, задача или мероприятие со значениями. / One item with its values.',
        params: apiInput({ id: z.uuid(), itemId: z.uuid() }),
        querystring: apiInput({}),
        response: { 200: planItem, 400: problemSchema, 404: problemSchema },
      },
    },
    async (req) => {
      const { view, node } = await getPlanItemApi(deps, req.actor, req.params.id, req.params.itemId);
      return presentPlanItem(view, node, base);
    },
  );
}
