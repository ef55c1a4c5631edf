import type { Deps } from '../../platform/deps.ts';
import { findOrganizationBySlug } from '../orgs/index.ts';
import { plansRepository as repo } from './plans.repository.ts';
import type { PlanLink } from './plans.tables.ts';

export const TEMPLATE_TITLE = 'Типовой ведомственный план по открытости (шаблон проектного офиса)';

type SeedItem = {
  kind: 'goal' | 'task' | 'indicator' | 'activity';
  code: string;
  title: string;
  weight?: number;
  unit?: string;
  direction?: 'up' | 'down';
  baseline?: number;
  baselineYear?: number;
  contractWeight?: number;
  deadline?: string;
  activityStatus?: string;
  responsibleOrg?: string;
  responsibleName?: string;
  responsiblePosition?: string;
  links?: PlanLink[];
  implements?: string;
  targets?: Record<string, number>;
  actuals?: [period: string, value: number, reportedOn: string, source: string][];
  children?: SeedItem[];
};

/** The project office's model openness plan: directions and target indicators the bodies fill in (section V). */
export const TEMPLATE_TREE: SeedItem[] = [
  {
    kind: 'goal',
    code: '1',
    title: 'Информационная открытость органа власти',
    weight: 2,
    children: [
      {
        kind: 'indicator',
        code: '1.1',
        title: 'Доля обращений граждан, рассмотренных в установленный срок',
        unit: '%',
        direction: 'up',
      },
      {
        kind: 'indicator',
        code: '1.2',
        title: 'Число опубликованных наборов открытых данных',
        unit: 'ед.',
        direction: 'up',
      },
    ],
  },
  {
    kind: 'goal',
    code: '2',
    title: 'Вовлечение граждан в подготовку решений',
    children: [
      {
        kind: 'indicator',
        code: '2.1',
        title: 'Число проектов нормативных актов, вынесенных на общественное обсуждение',
        unit: 'ед.',
        direction: 'up',
      },
      {
        kind: 'indicator',
        code: '2.2',
        title: 'Число заседаний общественного совета',
        unit: 'ед.',
        direction: 'up',
      },
    ],
  },
  {
    kind: 'goal',
    code: '3',
    title: 'Подотчётность и обратная связь',
    children: [
      {
        kind: 'indicator',
        code: '3.1',
        title: 'Средний срок ответа на обращение',
        unit: 'раб. дн.',
        direction: 'down',
      },
    ],
  },
];

/** Write a tree of seed items into a plan, with targets and actuals. */
export async function writeTree(
  deps: Pick<Deps, 'db'>,
  planId: string,
  tree: SeedItem[],
  refs: Map<string, string> = new Map(),
): Promise<Map<string, string>> {
  let position = 0;
  const walk = async (items: SeedItem[], parentId: string | null) => {
    for (const s of items) {
      const responsibleOrg = s.responsibleOrg
        ? await findOrganizationBySlug(deps.db, s.responsibleOrg)
        : undefined;
      const row = await repo.insertItem(deps.db, {
        planId,
        parentId,
        kind: s.kind,
        position: ++position,
        code: s.code,
        titleRu: s.title,
        weight: s.weight ?? 1,
        unit: s.unit ?? null,
        direction: s.direction ?? null,
        baseline: s.baseline ?? null,
        baselineYear: s.baselineYear ?? null,
        contractWeight: s.contractWeight ?? null,
        deadline: s.deadline ?? null,
        activityStatus: s.kind === 'activity' ? (s.activityStatus ?? 'planned') : null,
        responsibleOrgId: responsibleOrg?.id ?? null,
        responsibleName: s.responsibleName ?? null,
        responsiblePosition: s.responsiblePosition ?? null,
        links: s.links ?? [],
        implementsItemId: s.implements ? (refs.get(s.implements) ?? null) : null,
      });
      refs.set(`${planId}:${s.code}`, row.id);
      if (s.targets) await repo.setTargets(deps.db, row.id, new Map(Object.entries(s.targets)));
      for (const [period, value, reportedOn, source] of s.actuals ?? [])
        await repo.insertActual(deps.db, { itemId: row.id, period, value, reportedOn, source });
      if (s.children) await walk(s.children, row.id);
    }
  };
  await walk(tree, null);
  return refs;
}

/**
 * The project office's template of the departmental openness plan: reference
 * data, seeded whatever SEED says (bodies create their plans from it). Idempotent.
 */
export async function seedPlanTemplate(deps: Pick<Deps, 'db'>): Promise<{ template: string | null }> {
  const existing = await repo.templates(deps.db);
  if (existing.length > 0) return { template: existing[0]?.id ?? null };
  const government = await findOrganizationBySlug(deps.db, 'government');
  if (!government) return { template: null };
  const plan = await repo.insertPlan(deps.db, {
    orgId: government.id,
    kind: 'departmental_openness',
    titleRu: TEMPLATE_TITLE,
    summaryRu:
      'Направления и целевые показатели, общие для ведомственных планов по открытости. Орган заполняет целевые значения, ответственных и мероприятия.',
    periodStart: 2026,
    periodEnd: 2028,
    isTemplate: true,
  });
  await writeTree(deps, plan.id, TEMPLATE_TREE);
  return { template: plan.id };
}
