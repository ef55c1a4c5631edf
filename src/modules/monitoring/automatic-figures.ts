import { formatLocalDate } from '../../platform/calendar/format.ts';
import type { Clock, Deps } from '../../platform/deps.ts';
import { getFiguresByOrg } from '../appeals/index.ts';
import { councilAssessmentFigures } from '../councils/index.ts';
import { opendataQualityByOrg } from '../opendata/index.ts';
import { listOrgSections, type OrgRow } from '../orgs/index.ts';
import { surveyScaleFigures } from '../participation/index.ts';
import { getEffectiveContract } from '../plans/index.ts';
import { docTypeLabel, listOpenMunicipalityActs, type OpenMunicipalityAct } from '../publications/index.ts';
import type { AutoKey } from './monitoring.model.ts';

/** A computed figure: the value on the criterion's scale (null: too little data), the figures behind it, the formula with them. */
export type Figure = { value: number | null; data: Record<string, number | string | null>; basis: string };

/** The survey purpose the participation module's survey builder tags monitoring's surveys with. */
export const SATISFACTION_PURPOSE = 'monitoring.satisfaction';

const fmt = (n: number) => n.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
const cell = (c: number | string) => (typeof c === 'number' ? fmt(c) : c);

/*
 * Reading the survey results is the bodies' staff's right; monitoring reads
 * them for every body at the cut-off as the portal itself, with an actor that
 * only this computation holds (it never leaves this file).
 */

/**
 * Every automatic and survey figure of the organisations at the cycle's
 * cut-off: appeals of the year registered by the cut-off; sections filled by
 * then; the plan and effective contract of the year; open data and its
 * freshness as of the cut-off; the councils' independent assessment of the
 * year; the satisfaction survey of the year (the body's own, else the region's).
 */
export async function computeFigures(
  deps: Pick<Deps, 'db' | 'clock'>,
  cycle: { year: number; cutoffOn: string },
  orgs: readonly OrgRow[],
  government: OrgRow | undefined,
): Promise<Map<string, Map<AutoKey | 'survey', Figure>>> {
  const yearEnd = `${cycle.year}-12-31`;
  const to = cycle.cutoffOn < yearEnd ? cycle.cutoffOn : yearEnd;
  const cutoffInstant = new Date(`${to}T23:59:59+02:00`);
  const atCutoff: Clock = {
    now: () => (deps.clock.now() < cutoffInstant ? deps.clock.now() : cutoffInstant),
  };
  const ids = orgs.map((o) => o.id);
  const [appeals, sections, opendata, councils, surveys, acts] = await Promise.all([
    getFiguresByOrg(deps, ids, { from: `${cycle.year}-01-01`, to }),
    listOrgSections(deps.db, ids),
    opendataQualityByOrg({ db: deps.db, clock: atCutoff }),
    councilAssessmentFigures(deps.db),
    surveyScaleFigures(deps, SATISFACTION_PURPOSE),
    listOpenMunicipalityActs(
      deps.db,
      orgs.filter((o) => o.level === 'municipal'),
    ),
  ]);
  const surveyOf = async (orgId: string): Promise<Figure> => {
    const s =
      surveys.find((x) => x.orgId === orgId && x.opensOn.startsWith(String(cycle.year))) ??
      surveys.find((x) => x.orgId === government?.id && x.opensOn.startsWith(String(cycle.year)));
    if (!s) return { value: null, data: { survey: null }, basis: 'Анкета года не проводилась' };
    const max = s.scaleMax;
    return s.mean === null
      ? {
          value: null,
          data: { survey: s.title, responses: s.responses },
          basis: `«${s.title}»: ответов на шкалу нет`,
        }
      : {
          value: Math.round(((s.mean - 1) / (max - 1)) * 1000) / 10,
          data: { survey: s.title, responses: s.responses, mean: s.mean, scaleMax: max },
          basis: `«${s.title}»: средняя оценка ${fmt(s.mean)} из ${max} (ответов: ${s.responses}); (среднее − 1) / (${max} − 1) × 100`,
        };
  };

  const out = new Map<string, Map<AutoKey | 'survey', Figure>>();
  for (const org of orgs) {
    const m = new Map<AutoKey | 'survey', Figure>();
    const a = appeals.get(org.id);
    if (a) {
      m.set('appeals.on_time', {
        value: a.onTimeShare,
        data: {
          answered: a.answered as number | string,
          answeredOnTime: a.answeredOnTime as number | string,
        },
        basis:
          a.onTimeShare === null
            ? `Отвечено: ${cell(a.answered)} — меньше трёх, доля не публикуется`
            : `Ответов в срок ${cell(a.answeredOnTime)} из ${cell(a.answered)} = ${fmt(a.onTimeShare)} %`,
      });
      m.set('appeals.avg_days', {
        value: a.averageDaysToAnswer,
        data: { answered: a.answered as number | string, averageDays: a.averageDaysToAnswer },
        basis:
          a.averageDaysToAnswer === null
            ? 'Ответов меньше трёх — средний срок не публикуется'
            : `Средний срок ответа ${fmt(a.averageDaysToAnswer)} дн.; пороги 30, 20 и 10 дней — по трети веса за каждый`,
      });
      m.set('appeals.satisfaction', {
        value: a.satisfiedShare,
        data: { rated: a.rated as number | string, satisfied: a.satisfied as number | string },
        basis:
          a.satisfiedShare === null
            ? `Оценок ответов: ${cell(a.rated)} — меньше трёх, доля не публикуется`
            : `Довольны ответом ${cell(a.satisfied)} из ${cell(a.rated)} оценивших = ${fmt(a.satisfiedShare)} %`,
      });
    }
    const mine = sections.filter((s) => s.orgId === org.id);
    const filled = mine.filter((s) => s.filledAt && s.filledAt <= cutoffInstant).length;
    m.set('sections.filled', {
      value: mine.length ? Math.round((filled / mine.length) * 1000) / 10 : null,
      data: { sections: mine.length, filled },
      basis: `Заполнено разделов ${filled} из ${mine.length} на ${to}`,
    });
    const contract = await getEffectiveContract(deps, { slug: org.slug, year: cycle.year });
    const lines = contract.year === cycle.year ? contract.lines : [];
    const approved = lines.find((l) => l.plan.approvedAt !== null && l.plan.approvedAt <= cutoffInstant);
    m.set('plans.approved', {
      value: approved ? 1 : 0,
      data: { plan: approved?.plan.titleRu ?? null, indicators: lines.length },
      basis: approved
        ? `Утверждён план «${approved.plan.titleRu}» с показателями эффективного контракта`
        : 'Нет утверждённого плана с показателями эффективного контракта на год',
    });
    m.set('plans.contract', {
      value: lines.length && contract.result !== null ? Math.round(contract.result * 10) / 10 : null,
      data: { indicators: lines.length, result: contract.result },
      basis:
        lines.length && contract.result !== null
          ? `Выполнение эффективного контракта ${fmt(contract.result)} % по ${lines.length} показателям (среднее взвешенное)`
          : 'Нет показателей эффективного контракта с отчётами за год',
    });
    const od = opendata.find((o) => o.orgId === org.id);
    m.set('opendata.quality', {
      value: od ? od.meanScore : 0,
      data: { datasets: od?.datasets ?? 0, meanScore: od?.meanScore ?? 0, fresh: od?.fresh ?? 0 },
      basis: od?.datasets
        ? `Средняя оценка качества ${od.meanScore} из 100 по ${od.datasets} наборам (актуальных: ${od.fresh})`
        : 'Наборов открытых данных нет — 0',
    });
    const council = councils.filter(
      (c) => c.orgId === org.id && c.year === cycle.year && c.expertIndex !== null,
    );
    const expertMean = council.length
      ? council.reduce((s, c) => s + (c.expertIndex as number), 0) / council.length
      : null;
    m.set('councils.assessment', {
      value: expertMean === null ? null : Math.round(((expertMean - 1) / 4) * 1000) / 10,
      data: { councils: council.length, expertIndex: expertMean },
      basis:
        expertMean === null
          ? 'Независимой оценки работы с советом за год нет'
          : `Средняя оценка экспертов ${fmt(expertMean)} из 5; (оценка − 1) / 4 × 100`,
    });
    if (org.level === 'municipal') m.set('acts.open_municipality', openMunicipalityActs(org, acts, to));
    m.set('survey', await surveyOf(org.id));
    out.set(org.id, m);
  }
  return out;
}

/**
 * VI.4: has the municipality adopted acts on open municipal government? Yes
 * (1) when at least one of its documents marked «открытый муниципалитет» is
 * dated by the cut-off and in force (status «действует» or «изменён» as the
 * portal shows it when the figures are frozen); the basis names every act.
 */
function openMunicipalityActs(org: OrgRow, all: readonly OpenMunicipalityAct[], to: string): Figure {
  const counted = all.filter((a) => a.orgId === org.id && a.inForce && a.docDate !== null && a.docDate <= to);
  const names = counted.map(
    (a) => `${docTypeLabel(a.docType, 'ru')} № ${a.docNumber} от ${formatLocalDate(a.docDate)} «${a.title}»`,
  );
  return {
    value: counted.length > 0 ? 1 : 0,
    data: {
      acts: counted.length,
      list: names.join('; ') || null,
      evidence: `/orgs/${org.slug}/open-municipality`,
    },
    basis: counted.length
      ? `Действующие акты об открытом муниципалитете на ${formatLocalDate(to)} (${counted.length}): ${names.join('; ')}`
      : `Действующих актов об открытом муниципальном управлении на ${formatLocalDate(to)} на портале нет — 0`,
  };
}
