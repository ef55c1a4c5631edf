import type { ActualRow, PlanItemRow, TargetRow } from './plans.repository.ts';
import {
  activityAtRisk,
  activityProgress,
  currentState,
  type Direction,
  type IndicatorSeries,
  type PeriodStatus,
  rollUp,
} from './progress.ts';

/** One node of a plan's tree with its computed state. */
export type PlanNode = {
  item: PlanItemRow;
  children: PlanNode[];
  /** 0–100, or null when nothing under it has data yet */
  progress: number | null;
  /** indicators: the status of the latest period with data; activities: 'not_achieved' when overdue */
  status: PeriodStatus | null;
  /** the node or something under it is at risk or not achieved */
  atRisk: boolean;
  /** indicators: targets and the latest actual per period */
  series: IndicatorSeries | null;
  /** indicators: every report, oldest first */
  reports: ActualRow[];
};

export type PlanTree = { roots: PlanNode[]; byId: Map<string, PlanNode>; progress: number | null };

/** The latest actual of each period (reports are oldest first, so the last one wins). */
export function latestByPeriod(reports: readonly ActualRow[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of reports) m.set(r.period, r.value);
  return m;
}

/** Build the tree and compute every node's progress and status (rules in progress.ts). */
export function buildPlanTree(
  items: readonly PlanItemRow[],
  targets: readonly TargetRow[],
  actuals: readonly ActualRow[],
  today: string,
): PlanTree {
  const byId = new Map<string, PlanNode>();
  for (const item of items)
    byId.set(item.id, {
      item,
      children: [],
      progress: null,
      status: null,
      atRisk: false,
      series: null,
      reports: [],
    });
  const roots: PlanNode[] = [];
  for (const node of byId.values()) {
    const parent = node.item.parentId ? byId.get(node.item.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const t of targets) {
    const n = byId.get(t.itemId);
    if (!n) continue;
    n.series ??= emptySeries(n.item);
    (n.series.targets as Map<string, number>).set(t.period, t.value);
  }
  for (const a of actuals) byId.get(a.itemId)?.reports.push(a);

  const compute = (n: PlanNode): void => {
    for (const c of n.children) compute(c);
    if (n.item.kind === 'indicator') {
      n.series ??= emptySeries(n.item);
      n.series = { ...n.series, actuals: latestByPeriod(n.reports) };
      const state = currentState(n.series);
      n.progress = state?.progress ?? null;
      n.status = state?.status ?? null;
      n.atRisk = n.status === 'at_risk' || n.status === 'not_achieved';
    } else if (n.item.kind === 'activity') {
      n.progress = activityProgress(n.item.activityStatus);
      n.atRisk = activityAtRisk(n.item, today);
      n.status = n.atRisk ? 'not_achieved' : n.item.activityStatus === 'done' ? 'achieved' : null;
    } else {
      n.progress = rollUp(n.children.map((c) => ({ progress: c.progress, weight: c.item.weight })));
    }
    if (n.children.some((c) => c.atRisk)) n.atRisk = true;
  };
  for (const r of roots) compute(r);
  return {
    roots,
    byId,
    progress: rollUp(roots.map((r) => ({ progress: r.progress, weight: r.item.weight }))),
  };
}

function emptySeries(item: PlanItemRow): IndicatorSeries {
  return {
    direction: (item.direction as Direction | null) ?? 'up',
    baseline: item.baseline,
    targets: new Map(),
    actuals: new Map(),
  };
}

/** The tree cut to the branches that hold something at risk (the «под угрозой» filter). */
export function atRiskOnly(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.filter((n) => n.atRisk).map((n) => ({ ...n, children: atRiskOnly(n.children) }));
}

/** Nodes in reading order, depth first. */
export function flatten(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
