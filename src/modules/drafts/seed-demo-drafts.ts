import type { Origin } from '../../platform/audit/index.ts';
import { userActor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import type { Deps } from '../../platform/deps.ts';
import { closeDiscussion, closeExpertise, openDiscussion } from './change-draft-stage.ts';
import { createDraft } from './create-draft.ts';
import { decideDraft } from './decide-draft.ts';
import { draftsRepository } from './drafts.repository.ts';
import { loadPeriods, minimumDiscussionEnd } from './periods.ts';
import { savePlanItem } from './save-plan-item.ts';
import { publishSummary } from './summary.ts';
import { uploadDraftText } from './upload-draft-text.ts';

const SYSTEM: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }], {
    displayName: 'Демо-наполнение',
  }),
  ip: null,
};
const DAY = 24 * 3600 * 1000;

const LAW_TEXT = `ЗАКОН КАЛИНИНГРАДСКОЙ ОБЛАСТИ
О поддержке добровольческой (волонтёрской) деятельности в Калининградской области
Статья 1. Предмет регулирования
Настоящий Закон определяет меры поддержки добровольческой (волонтёрской) деятельности на территории Калининградской области.
Статья 2. Меры поддержки
1. Поддержка добровольческих организаций оказывается в формах:
1) информационной;
2) консультационной;
3) финансовой, в виде субсидий из областного бюджета.
2. Порядок предоставления субсидий устанавливает Правительство Калининградской области.
Статья 3. Вступление в силу
Настоящий Закон вступает в силу через десять дней после его официального опубликования.`;

const ORDER_TEXT = `Об утверждении порядка маршрутизации пациентов с сердечно-сосудистыми заболеваниями
1. Утвердить порядок маршрутизации пациентов согласно приложению.
2. Главным врачам медицинских организаций обеспечить направление пациентов в региональный сосудистый центр в течение суток.
3. Контроль за исполнением приказа оставляю за собой.`;

const DECISION_TEXT = `Об утверждении Правил благоустройства территории городского округа «Город Калининград»
1. Утвердить Правила благоустройства территории городского округа согласно приложению.
2. Собственники зданий обязаны содержать прилегающую территорию в чистоте.
3. Решение вступает в силу со дня официального опубликования.`;

/**
 * SEED=demo: a legislative plan for the government, Минздрав and Калининград,
 * and three drafts at different stages: the government's law in discussion,
 * Минздрав's order at the notice of intent, Калининград's decision adopted.
 * Each goes through the real use cases with the clock set back. Idempotent.
 */
export async function seedDemoDrafts(deps: Deps): Promise<{ drafts: number; planItems: number }> {
  const { total } = await draftsRepository.listDrafts(deps.db, {}, { limit: 1, offset: 0 });
  if (total > 0) return { drafts: 0, planItems: 0 };
  const now = deps.clock.now().getTime();
  const at = (daysAgo: number) => ({ ...deps, clock: { now: () => new Date(now - daysAgo * DAY) } });
  const year = new Date(now).getUTCFullYear();
  const plan = (slug: string, item: Parameters<typeof savePlanItem>[2]['item']) =>
    savePlanItem(deps, SYSTEM, { slug, item });
  const base = {
    yearTo: null,
    plannedFrom: `${year}-02-01`,
    responsiblePosition: null,
    councilOpinion: null,
  };
  const lawItem = await plan('government', {
    ...base,
    year,
    horizon: 'annual',
    title: 'Закон о поддержке добровольческой (волонтёрской) деятельности',
    problem:
      'Волонтёрские организации не знают, на какую помощь области могут рассчитывать, и каждый год просят её заново.',
    affects: 'Добровольческие организации, волонтёры, учреждения, которые с ними работают.',
    actType: 'закон_области',
    plannedTo: `${year}-10-31`,
    responsibleName: 'Петрова Анна Сергеевна',
    responsiblePosition: 'начальник отдела молодёжной политики',
    state: 'planned',
    councilOpinion:
      'Общественный совет поддерживает включение акта в план и просит обсудить проект с волонтёрскими центрами.',
  });
  await plan('minzdrav', {
    ...base,
    year,
    horizon: 'medium_term',
    yearTo: year + 2,
    title: 'Порядок маршрутизации пациентов с сердечно-сосудистыми заболеваниями',
    problem: 'Пациентов с инфарктом везут не в ближайший сосудистый центр, теряется время.',
    affects: 'Пациенты, скорая помощь, больницы области.',
    actType: 'приказ',
    plannedTo: `${year + 1}-06-30`,
    responsibleName: 'Смирнов Олег Викторович',
    state: 'in_progress',
  });
  await plan('kaliningrad', {
    ...base,
    year,
    horizon: 'annual',
    title: 'Новые Правила благоустройства',
    problem: 'Действующие правила не говорят, кто убирает территорию у домов и магазинов.',
    affects: 'Жители, собственники зданий, управляющие компании.',
    actType: 'решение',
    plannedTo: `${year}-12-31`,
    responsibleName: 'Кузнецова Елена Игоревна',
    state: 'planned',
  });

  const text = (d: ReturnType<typeof at>, draftId: string, t: string) =>
    uploadDraftText(d, SYSTEM, { draftId, text: { text: t, note: null }, files: [] });
  const { calendar } = await loadCalendar(deps.db);
  const periods = await loadPeriods(deps.db);
  const open = async (daysAgo: number, draftId: string, degree: 'high' | 'medium' | 'low') => {
    const d = at(daysAgo);
    const endsOn = minimumDiscussionEnd(calendar, periods, degree, toLocalDate(d.clock.now()));
    await openDiscussion(d, SYSTEM, { draftId, endsOn });
  };

  // the government's law: in discussion now
  const law = await createDraft(at(20), SYSTEM, {
    slug: 'government',
    draft: {
      title: 'О поддержке добровольческой (волонтёрской) деятельности в Калининградской области',
      summary:
        'Закон перечисляет, какую помощь область оказывает волонтёрским организациям, и поручает Правительству установить порядок субсидий.',
      actType: 'закон_области',
      impactDegree: 'medium',
      planItemId: lawItem.id,
    },
  });
  await text(at(20), law.id, LAW_TEXT);
  await open(3, law.id, 'medium');

  // Минздрав's order: the notice of intent, the text posted
  const order = await createDraft(at(2), SYSTEM, {
    slug: 'minzdrav',
    draft: {
      title: 'Об утверждении порядка маршрутизации пациентов с сердечно-сосудистыми заболеваниями',
      summary:
        'Пациента с инфарктом или инсультом везут в ближайший сосудистый центр, а не в любую больницу.',
      actType: 'приказ',
      impactDegree: 'low',
      planItemId: null,
    },
  });
  await text(at(2), order.id, ORDER_TEXT);

  // Калининград's decision: through every stage, adopted
  const decision = await createDraft(at(120), SYSTEM, {
    slug: 'kaliningrad',
    draft: {
      title: 'Об утверждении Правил благоустройства территории городского округа «Город Калининград»',
      summary: 'Правила говорят, кто и как содержит территорию у зданий.',
      actType: 'решение',
      impactDegree: 'high',
      planItemId: null,
    },
  });
  await text(at(120), decision.id, DECISION_TEXT);
  await open(100, decision.id, 'high');
  await closeDiscussion(at(60), SYSTEM, { draftId: decision.id });
  await closeExpertise(at(50), SYSTEM, { draftId: decision.id });
  await publishSummary(at(49), SYSTEM, { draftId: decision.id });
  await decideDraft(at(45), SYSTEM, {
    draftId: decision.id,
    decision: {
      outcome: 'adopted',
      docNumber: '118',
      docDate: toLocalDate(new Date(now - 45 * DAY)),
      note: null,
    },
  });
  return { drafts: 3, planItems: 3 };
}
