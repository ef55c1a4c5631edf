import { z } from 'zod';
import { activityStatuses, directions, itemKinds, planKinds, planStatuses } from '../plans.input.ts';

const periodStatus = z.enum(['achieved', 'at_risk', 'not_achieved', 'no_data']);

export const planSummary = z
  .object({
    id: z.uuid(),
    organization: z.string().describe('slug of the owning organisation'),
    kind: z.enum(planKinds),
    title: z.string(),
    summary: z.string().nullable(),
    periodStart: z.number().int(),
    periodEnd: z.number().int(),
    status: z
      .enum(planStatuses)
      .describe(
        'draft = проект, discussion = на обсуждении, agreement = на согласовании, approved = утверждён, completed = исполнен',
      ),
    version: z.number().int(),
    previousVersion: z.uuid().nullable(),
    superseded: z.boolean().describe('a later approved version replaced this one'),
    approvedAt: z.string().nullable(),
    progress: z.number().nullable().describe('0–100: weighted average of the goals; null without data'),
    url: z.string(),
  })
  .describe('План / Plan');
z.globalRegistry.add(planSummary, { id: 'PlanSummary' });

export const planValue = z.object({
  period: z.string().describe('2026 or 2026-Q1'),
  value: z.number(),
  reportedOn: z.string(),
  source: z.string(),
  comment: z.string().nullable(),
});

export const planPeriod = z.object({
  period: z.string(),
  target: z.number().nullable(),
  actual: z.number().nullable().describe('the latest reported value of the period'),
  status: periodStatus.nullable(),
});

export const planItem = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    parentId: z.uuid().nullable(),
    kind: z.enum(itemKinds),
    code: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    weight: z.number(),
    progress: z.number().nullable(),
    status: periodStatus.nullable(),
    atRisk: z.boolean(),
    unit: z.string().nullable(),
    direction: z.enum(directions).nullable(),
    baseline: z.number().nullable(),
    baselineYear: z.number().int().nullable(),
    contractWeight: z.number().nullable(),
    deadline: z.string().nullable(),
    activityStatus: z.enum(activityStatuses).nullable(),
    responsibleOrganization: z.string().nullable(),
    responsible: z.string().nullable().describe('the responsible official and position'),
    implementsItem: z.uuid().nullable().describe('the comprehensive plan item this measure implements'),
    links: z.array(z.object({ kind: z.string(), title: z.string(), url: z.string() })),
    periods: z.array(planPeriod),
    values: z.array(planValue).describe('every reported value, oldest first'),
    url: z.string(),
  })
  .describe('Пункт плана / Plan item');
z.globalRegistry.add(planItem, { id: 'PlanItem' });

export const planDetail = planSummary
  .extend({
    discussionResult: z.string().nullable(),
    items: z.array(planItem),
    history: z.array(
      z.object({
        action: z.string(),
        from: z.string().nullable(),
        to: z.string(),
        by: z.string().nullable().describe('body, commission or head'),
        remarks: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .describe('План с пунктами / Plan with items');
z.globalRegistry.add(planDetail, { id: 'PlanDetail' });

export const planPage = z.object({
  items: z.array(planSummary),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
});
