import type { z } from 'zod';
import type { OrgRow } from '../../orgs/index.ts';
import type { PlanView } from '../get-plan.ts';
import type { PlanNode } from '../plan-tree.ts';
import type { PlanRow } from '../plans.repository.ts';
import { periodRows } from '../progress.ts';
import type { planDetail, planItem, planSummary } from './schemas.ts';

const planUrl = (base: string, slug: string, p: PlanRow) => `${base}/orgs/${slug}/plans/${p.id}`;

export function presentPlanSummary(
  p: PlanRow,
  org: OrgRow,
  base: string,
  progress: number | null,
): z.infer<typeof planSummary> {
  return {
    id: p.id,
    organization: org.slug,
    kind: p.kind as z.infer<typeof planSummary>['kind'],
    title: p.titleRu,
    summary: p.summaryRu,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    status: p.status as z.infer<typeof planSummary>['status'],
    version: p.version,
    previousVersion: p.previousVersionId,
    superseded: p.supersededAt !== null,
    approvedAt: p.approvedAt?.toISOString() ?? null,
    progress,
    url: planUrl(base, org.slug, p),
  };
}

export function presentPlanItem(view: PlanView, n: PlanNode, base: string): z.infer<typeof planItem> {
  const it = n.item;
  return {
    id: it.id,
    planId: it.planId,
    parentId: it.parentId,
    kind: it.kind as z.infer<typeof planItem>['kind'],
    code: it.code,
    title: it.titleRu,
    description: it.descriptionRu,
    weight: it.weight,
    progress: n.progress,
    status: n.status,
    atRisk: n.atRisk,
    unit: it.unit,
    direction: it.direction as z.infer<typeof planItem>['direction'],
    baseline: it.baseline,
    baselineYear: it.baselineYear,
    contractWeight: it.contractWeight,
    deadline: it.deadline,
    activityStatus: it.activityStatus as z.infer<typeof planItem>['activityStatus'],
    responsibleOrganization: it.responsibleOrgId ? (view.orgs.get(it.responsibleOrgId)?.slug ?? null) : null,
    responsible: it.responsibleName
      ? [it.responsibleName, it.responsiblePosition].filter(Boolean).join(', ')
      : null,
    implementsItem: it.implementsItemId,
    links: it.links.map((l) => ({ kind: l.kind, title: l.title, url: l.url })),
    periods: n.series
      ? periodRows(n.series).map((r) => ({
          period: r.period,
          target: r.target ?? null,
          actual: r.actual ?? null,
          status: r.status,
        }))
      : [],
    values: n.reports.map((r) => ({
      period: r.period,
      value: r.value,
      reportedOn: r.reportedOn,
      source: r.source,
      comment: r.comment,
    })),
    url: `${planUrl(base, view.org.slug, view.plan)}/items/${it.id}`,
  };
}

export function presentPlanDetail(view: PlanView, base: string): z.infer<typeof planDetail> {
  const flat: PlanNode[] = [];
  const walk = (ns: PlanNode[]) => {
    for (const n of ns) {
      flat.push(n);
      walk(n.children);
    }
  };
  walk(view.tree.roots);
  return {
    ...presentPlanSummary(view.plan, view.org, base, view.tree.progress),
    discussionResult: view.plan.discussionResult,
    items: flat.map((n) => presentPlanItem(view, n, base)),
    history: view.events.map((e) => ({
      action: e.action,
      from: e.fromStatus,
      to: e.toStatus,
      by: e.actorRole,
      remarks: e.remarks,
      at: e.at.toISOString(),
    })),
  };
}
