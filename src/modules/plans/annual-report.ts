import type { Deps } from '../../platform/deps.ts';
import type { OrgRow } from '../orgs/index.ts';
import { buildPlanTree, flatten, type PlanNode } from './plan-tree.ts';
import { type PlanRow, plansRepository as repo } from './plans.repository.ts';
import { comparePeriods, type Direction, type PeriodStatus, parsePeriod, periodStatus } from './progress.ts';

/** An indicator's result for the report's year. */
export type ReportIndicator = {
  id: string;
  code: string | null;
  title: string;
  unit: string | null;
  /** the year's target, else the last quarter's of that year */
  target: number | null;
  /** the year's actual, else the last quarter's of that year */
  actual: number | null;
  status: PeriodStatus | null;
};

/** An activity due in the report's year. */
export type ReportActivity = {
  id: string;
  code: string | null;
  title: string;
  deadline: string | null;
  /** planned | in_progress | done | cancelled */
  activityStatus: string;
  overdue: boolean;
};

export type ReportPlan = {
  plan: PlanRow;
  progress: number | null;
  indicators: ReportIndicator[];
  activities: ReportActivity[];
  /** news and good practice linked to the plan's items: what the media campaign gathers */
  news: { title: string; url: string; itemTitle: string }[];
};

export type ReportTotals = {
  plans: number;
  indicators: number;
  achieved: number;
  atRisk: number;
  notAchieved: number;
  noData: number;
  activities: number;
  done: number;
  overdue: number;
};

/** The figures of a body's annual report, generated from its plans (task 6.4). */
export type AnnualReportData = { org: OrgRow; year: number; plans: ReportPlan[]; totals: ReportTotals };

/** The plans a year's report covers: public, current, approved or completed, whose period holds the year. */
export function plansOfYear(plans: readonly PlanRow[], year: number): PlanRow[] {
  return plans.filter(
    (p) =>
      !p.isTemplate &&
      !p.supersededAt &&
      (p.status === 'approved' || p.status === 'completed') &&
      p.periodStart <= year &&
      p.periodEnd >= year,
  );
}

/** The value for the year: the annual period's, else the latest quarter's of that year. */
function valueOfYear(values: ReadonlyMap<string, number>, year: number): number | null {
  const own = values.get(String(year));
  if (own !== undefined) return own;
  const quarters = [...values.keys()].filter((p) => parsePeriod(p)?.year === year).sort(comparePeriods);
  const last = quarters.at(-1);
  return last === undefined ? null : (values.get(last) ?? null);
}

function indicatorOfYear(n: PlanNode, year: number): ReportIndicator {
  const target = n.series ? valueOfYear(n.series.targets, year) : null;
  const actual = n.series ? valueOfYear(n.series.actuals, year) : null;
  const direction = (n.item.direction as Direction | null) ?? 'up';
  return {
    id: n.item.id,
    code: n.item.code,
    title: n.item.titleRu,
    unit: n.item.unit,
    target,
    actual,
    status: target === null ? null : periodStatus(target, actual ?? undefined, direction),
  };
}

/**
 * The report's figures from the plans' data: each covered plan's progress, its
 * indicators' target, actual and status for the year, the activities due that
 * year. A fixed number of statements whatever the number of plans.
 */
export async function buildAnnualReportData(
  deps: Pick<Deps, 'db'>,
  org: OrgRow,
  year: number,
  today: string,
): Promise<AnnualReportData> {
  const plans = plansOfYear(await repo.plansOfOrg(deps.db, org.id), year);
  const items = await repo.itemsOfPlans(
    deps.db,
    plans.map((p) => p.id),
  );
  const ids = items.map((i) => i.id);
  const [targets, actuals] = await Promise.all([repo.targets(deps.db, ids), repo.actuals(deps.db, ids)]);
  const yearEnd = `${year}-12-31`;
  const out: ReportPlan[] = plans.map((plan) => {
    const own = new Set(items.filter((i) => i.planId === plan.id).map((i) => i.id));
    const tree = buildPlanTree(
      items.filter((i) => own.has(i.id)),
      targets.filter((t) => own.has(t.itemId)),
      actuals.filter((a) => own.has(a.itemId)),
      today,
    );
    const nodes = flatten(tree.roots);
    return {
      plan,
      progress: tree.progress,
      indicators: nodes.filter((n) => n.item.kind === 'indicator').map((n) => indicatorOfYear(n, year)),
      activities: nodes
        .filter(
          (n) =>
            n.item.kind === 'activity' &&
            n.item.activityStatus !== 'cancelled' &&
            (!n.item.deadline || n.item.deadline.startsWith(String(year))),
        )
        .map((n) => ({
          id: n.item.id,
          code: n.item.code,
          title: n.item.titleRu,
          deadline: n.item.deadline,
          activityStatus: n.item.activityStatus ?? 'planned',
          overdue:
            n.item.activityStatus !== 'done' &&
            n.item.deadline !== null &&
            n.item.deadline < (today < yearEnd ? today : yearEnd),
        })),
      news: nodes.flatMap((n) =>
        n.item.links
          .filter((l) => l.kind === 'news' || l.kind === 'practice')
          .map((l) => ({ title: l.title, url: l.url, itemTitle: n.item.titleRu })),
      ),
    };
  });
  const indicators = out.flatMap((p) => p.indicators);
  const activities = out.flatMap((p) => p.activities);
  const count = (s: PeriodStatus) => indicators.filter((i) => i.status === s).length;
  return {
    org,
    year,
    plans: out,
    totals: {
      plans: out.length,
      indicators: indicators.length,
      achieved: count('achieved'),
      atRisk: count('at_risk'),
      notAchieved: count('not_achieved'),
      noData: indicators.filter((i) => i.status === null || i.status === 'no_data').length,
      activities: activities.length,
      done: activities.filter((a) => a.activityStatus === 'done').length,
      overdue: activities.filter((a) => a.overdue).length,
    },
  };
}

/**
 * The text staff start from: what the figures say, in plain Russian, for them
 * to edit before publishing (the figures themselves are always generated).
 */
export function draftReportText(d: AnnualReportData): string {
  const t = d.totals;
  if (t.plans === 0)
    return `В ${d.year} году у органа не было утверждённых планов. Опишите результаты деятельности за год.`;
  const titles = d.plans.map((p) => `«${p.plan.titleRu}»`).join(', ');
  const lines = [
    `В ${d.year} году исполнялись утверждённые планы органа: ${titles}.`,
    `Из ${t.indicators} показателей по итогам года достигнуто ${t.achieved}, под угрозой ${t.atRisk}, не достигнуто ${t.notAchieved}, нет данных по ${t.noData}.`,
    `Из ${t.activities} мероприятий со сроком в ${d.year} году исполнено ${t.done}, с истёкшим сроком ${t.overdue}.`,
  ];
  const missed = d.plans.flatMap((p) => p.indicators).filter((i) => i.status === 'not_achieved');
  if (missed.length > 0)
    lines.push(
      `Не достигнуты: ${missed.map((i) => `${i.code ? `${i.code} ` : ''}${i.title}`).join('; ')}. Причины и меры: …`,
    );
  return lines.join('\n\n');
}
