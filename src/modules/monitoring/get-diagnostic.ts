import type { Actor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationBySlug, listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import { computeFigures } from './automatic-figures.ts';
import { appliesToLevel, isAutoKey, ratedLevels } from './monitoring.model.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { type CycleRow, monitoringRepository as repo } from './monitoring.repository.ts';
import type { ResultLine } from './monitoring.tables.ts';
import { computeIndex, type FoundValue } from './scoring.ts';

/** Where a criterion's points are won on the portal, for the diagnostic's «what to do». */
function actionFor(
  line: ResultLine,
  autoKey: string | null,
  org: OrgRow,
  openCycle: CycleRow | undefined,
): string | null {
  if (line.source === 'self')
    return openCycle ? `/manage/monitoring/cycles/${openCycle.year}/self/${org.slug}` : null;
  if (line.source === 'survey') return '/manage/surveys';
  if (!autoKey) return null;
  if (autoKey.startsWith('appeals.')) return '/manage/appeals';
  if (autoKey === 'sections.filled') return `/orgs/${org.slug}`;
  if (autoKey.startsWith('plans.')) return '/manage/plans';
  if (autoKey === 'opendata.quality') return '/manage/opendata';
  if (autoKey === 'councils.assessment') return '/manage/councils';
  if (autoKey === 'acts.open_municipality') return `/manage/orgs/${org.slug}/publications`;
  return null;
}

export type DiagnosticLine = ResultLine & { lost: number; action: string | null };

/**
 * The organisation's diagnostic, run at any time by its own staff (a
 * municipality before the cycle, section VI) or the project office: the active
 * methodology applied to the portal's figures as of today, the self-assessment
 * answers of the open cycle as saved (even a draft), and the experts' values of
 * the last published rating; the criteria ordered by the points they lose, each
 * with the place on the portal where they are won back.
 */
export async function getDiagnostic(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  slug: string,
): Promise<{
  org: OrgRow;
  index: number;
  byMechanism: Record<string, number | null>;
  lines: DiagnosticLine[];
  openCycle: CycleRow | undefined;
}> {
  const org = await findOrganizationBySlug(deps.db, slug);
  if (!org || !(ratedLevels as readonly string[]).includes(org.level)) throw new NotFound('organization');
  authorize(monitoringPolicy.canReadSelf(actor, org.id));
  const methodology = await repo.activeMethodology(deps.db);
  if (!methodology) throw new NotFound('methodology');
  const today = toLocalDate(deps.clock.now());
  const year = Number(today.slice(0, 4));
  const [criteria, cycles, all] = await Promise.all([
    repo.criteriaOf(deps.db, methodology.id),
    repo.cycles(deps.db),
    listAllOrganizations(deps.db),
  ]);
  const mine = criteria.filter((c) => appliesToLevel(c, org.level));
  const figures = (
    await computeFigures(
      deps,
      { year, cutoffOn: today },
      [org],
      all.find((o) => o.level === 'government'),
    )
  ).get(org.id);
  const openCycle = cycles.find((c) => c.status !== 'published');
  const selfAnswers = openCycle ? await repo.selfAnswers(deps.db, openCycle.id, org.id) : [];
  const openCriteria = openCycle ? await repo.criteriaOf(deps.db, openCycle.methodologyId) : [];
  const selfByCode = new Map(
    selfAnswers.map((a) => [openCriteria.find((c) => c.id === a.criterionId)?.code, a] as const),
  );
  const published = cycles.find((c) => c.status === 'published');
  const last = published
    ? (await repo.results(deps.db, published.id)).find((r) => r.orgId === org.id)
    : undefined;
  const result = computeIndex(mine, (c): FoundValue => {
    const criterion = mine.find((x) => x.code === c.code);
    if (c.source === 'automatic' || c.source === 'survey') {
      const f = figures?.get(
        c.source === 'survey' ? 'survey' : isAutoKey(criterion?.autoKey) ? criterion.autoKey : ('' as never),
      );
      return f ? { value: f.value, basis: f.basis } : { value: null, basis: 'Нет данных' };
    }
    if (c.source === 'self') {
      const a = selfByCode.get(c.code);
      return a?.value !== null && a?.value !== undefined
        ? { value: a.value, basis: 'Ответ самообследования (сохранён)', evidence: a.evidenceUrl }
        : { value: 0, basis: 'Нет ответа в самообследовании — 0' };
    }
    const prev = last?.lines.find((l) => l.code === c.code);
    return prev && prev.value !== null
      ? { value: prev.value, basis: `Экспертная оценка рейтинга ${published?.year} г.` }
      : { value: null, basis: 'Экспертной оценки ещё нет — не учитывается' };
  });
  const lines = result.lines
    .map((l) => ({
      ...l,
      lost: Math.round((l.maxPoints - l.points) * 100) / 100,
      action: actionFor(l, mine.find((c) => c.code === l.code)?.autoKey ?? null, org, openCycle),
    }))
    .sort((a, b) => b.lost - a.lost);
  return { org, index: result.index, byMechanism: result.byMechanism, lines, openCycle };
}
