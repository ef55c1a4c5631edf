import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { defineSearchSource, searchIndex } from '../../platform/search/index.ts';
import { findOrganizationById, findOrganizationsByIds } from '../orgs/index.ts';
import { type PlanRow, type ReportRow, plansRepository as repo } from './plans.repository.ts';

const KIND_RU: Record<string, string> = {
  public_activity: 'Публичный план деятельности',
  departmental_openness: 'Ведомственный план по открытости',
  comprehensive: 'Комплексный план по открытому правительству',
  municipal_openness: 'Муниципальный план по открытости',
  anti_corruption: 'План противодействия коррупции',
};
const STATUS_RU: Record<string, string> = {
  draft: 'проект',
  discussion: 'на обсуждении',
  agreement: 'на согласовании',
  approved: 'утверждён',
  completed: 'исполнен',
};

/** Plans (their current versions, with every item's title) and published annual reports in the portal's search. */
export const plansSearch = defineSearchSource({
  module: 'plans',
  types: [
    { key: 'plan', ru: 'План', en: 'Plan' },
    { key: 'plan_report', ru: 'Итоговый доклад', en: 'Annual report', feed: 'documents' },
  ],
  reindex: (_deps, tx: Tx) => reindexPlans(tx),
});

async function writePlan(
  tx: DbOrTx,
  p: PlanRow,
  slug: string,
  items: { code: string | null; titleRu: string }[],
) {
  await searchIndex.upsert(tx, {
    id: `plan:${p.id}`,
    module: 'plans',
    type: 'plan',
    orgId: p.orgId,
    title: p.titleRu,
    summary: [KIND_RU[p.kind], `${p.periodStart}–${p.periodEnd}`, STATUS_RU[p.status]]
      .filter(Boolean)
      .join(', '),
    body: [
      p.summaryRu,
      p.discussionResult,
      ...items.map((i) => [i.code, i.titleRu].filter(Boolean).join(' ')),
    ]
      .filter(Boolean)
      .join('. '),
    url: `/orgs/${slug}/plans/${p.id}`,
    publishedAt: p.createdAt,
    updatedAt: p.updatedAt,
    tags: [KIND_RU[p.kind] ?? p.kind],
  });
}

async function writeReport(tx: DbOrTx, r: ReportRow, slug: string) {
  await searchIndex.upsert(tx, {
    id: `plan_report:${r.orgId}:${r.year}`,
    module: 'plans',
    type: 'plan_report',
    orgId: r.orgId,
    title: `Итоговый доклад за ${r.year} год`,
    body: [r.textRu, r.coReportRu].filter(Boolean).join('\n\n'),
    url: `/orgs/${slug}/reports/${r.year}`,
    publishedAt: r.publishedAt ?? r.updatedAt,
    updatedAt: r.updatedAt,
  });
}

/** The current version only: not a template, not replaced, not the draft of a next version. */
function searchable(p: PlanRow): boolean {
  if (p.isTemplate || p.supersededAt) return false;
  return !p.previousVersionId || p.status === 'approved' || p.status === 'completed';
}

/**
 * Keep a plan's entry true after a change, in the writer's transaction: the
 * current version is searchable with its items; a template or a replaced
 * version is not.
 */
export async function indexPlan(tx: DbOrTx, planId: string): Promise<void> {
  const p = await repo.findPlan(tx, planId);
  if (!p) return;
  if (!searchable(p)) return searchIndex.remove(tx, `plan:${p.id}`);
  const org = await findOrganizationById(tx, p.orgId);
  if (org) await writePlan(tx, p, org.slug, await repo.items(tx, p.id));
}

/** A published report is searchable; a draft or withdrawn one is not. */
export async function indexReport(tx: DbOrTx, orgId: string, year: number): Promise<void> {
  const r = await repo.report(tx, orgId, year);
  const org = await findOrganizationById(tx, orgId);
  if (!r?.publishedAt || !org) return searchIndex.remove(tx, `plan_report:${orgId}:${year}`);
  await writeReport(tx, r, org.slug);
}

/** Every searchable plan and published report written again (the source's reindex, the demo seed). */
export async function reindexPlans(tx: DbOrTx): Promise<number> {
  const plans = (await repo.publicPlans(tx)).filter(searchable);
  const items = await repo.itemsOfPlans(
    tx,
    plans.map((p) => p.id),
  );
  const orgs = await findOrganizationsByIds(tx, [...new Set(plans.map((p) => p.orgId))]);
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
  let n = 0;
  for (const p of plans) {
    const slug = slugOf.get(p.orgId);
    if (!slug) continue;
    await writePlan(
      tx,
      p,
      slug,
      items.filter((i) => i.planId === p.id),
    );
    n++;
  }
  for (const o of orgs)
    for (const r of await repo.reportsOf(tx, o.id))
      if (r.publishedAt) {
        await writeReport(tx, r, o.slug);
        n++;
      }
  return n;
}
