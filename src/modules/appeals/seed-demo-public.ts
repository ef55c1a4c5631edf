import {
  addCalendarDays,
  daysBetween,
  type LocalDate,
  type ProductionCalendar,
  toLocalDate,
} from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { findOrganizationBySlug, markOrgSectionFilled } from '../orgs/index.ts';
import type { AppealStatus, AppealType, DeadlineSettings } from './appeals.model.ts';
import { type AppealRow, appealsRepository } from './appeals.repository.ts';
import { computeDeadlines, loadDeadlineSettings } from './appeals.settings.ts';
import { publicRepository } from './public.repository.ts';
import { quarterPeriod } from './stats/figures.ts';
import { getOrgAppealStats } from './stats/get-appeal-stats.ts';
import { statsRepository } from './stats/stats.repository.ts';
import { templatesRepository } from './templates.repository.ts';

/*
 * Demo appeals (SEED=demo only) so the public pages of appeals show figures:
 * a year and a bit of appeals to several bodies, answered, forwarded, late,
 * extended, left without answer, rated; a few information requests and
 * corruption reports; FAQ items and published quarterly reviews. The authors
 * are invented (paper appeals registered by staff, no accounts), and the
 * generator is deterministic, so tests can count on it.
 */

/** A tiny deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAST = ['Демидова', 'Лаптев', 'Звягинцева', 'Корнилов', 'Шубина', 'Ракитин', 'Веденеева', 'Гордеев'];
const FIRST = ['Ольга', 'Михаил', 'Светлана', 'Игорь', 'Нина', 'Павел', 'Елена', 'Артём'];

/** The demo authors' e-mails all share this domain: tests assert none of it reaches a public page. */
export const DEMO_AUTHOR_DOMAIN = 'demo-author.open-region.example';

/** Bodies, yearly volume and the ТОТК codes of their usual questions. */
export const DEMO_APPEAL_BODIES: { slug: string; perYear: number; topics: string[] }[] = [
  { slug: 'government', perYear: 40, topics: ['0001.0002.0027.0145', '0001.0002', '0003.0009.0099.0742'] },
  { slug: 'minzdrav', perYear: 70, topics: ['0002.0014', '0002.0014', '0002.0007'] },
  { slug: 'minobr', perYear: 45, topics: ['0002.0013', '0002.0013', '0002.0004'] },
  { slug: 'minsoc', perYear: 50, topics: ['0002.0007', '0002.0004', '0002.0006'] },
  { slug: 'mininfra', perYear: 35, topics: ['0003.0009.0099.0742', '0003.0009.0099.0742', '0005.0005'] },
  { slug: 'kaliningrad', perYear: 110, topics: ['0005.0005.0056.1160', '0005.0005', '0003.0009.0099.0742'] },
  { slug: 'zelenogradsk', perYear: 14, topics: ['0005.0005', '0003.0009.0099.0742'] },
];

const TEXTS: Record<string, { q: string; a: string }> = {
  '0002.0014': {
    q: 'Прошу разъяснить, как записаться к врачу-специалисту в поликлинике по месту жительства, если ближайшая свободная запись через месяц.',
    a: 'Запись к врачу-специалисту проводится по направлению участкового врача. Если срок ожидания превышает установленный программой государственных гарантий (14 рабочих дней), обратитесь к заведующему поликлиникой: он обязан организовать приём в другой медицинской организации.',
  },
  '0002.0013': {
    q: 'Как получить место в детском саду рядом с домом, если в очереди нет движения?',
    a: 'Место в детском саду предоставляется по очереди в муниципальном образовании. Заявление можно подать через Госуслуги и указать до трёх садов; при отсутствии мест ребёнку предлагается место в другом саду того же округа.',
  },
  '0005.0005.0056.1160': {
    q: 'Контейнерную площадку во дворе не убирают по нескольку дней. Куда обращаться?',
    a: 'Вывоз твёрдых коммунальных отходов обеспечивает региональный оператор. График вывоза размещён на его сайте; о нарушении графика сообщите региональному оператору или в управляющую компанию, а если меры не приняты — в министерство.',
  },
  '0003.0009.0099.0742': {
    q: 'Когда отремонтируют дорогу на нашей улице? Ямы не заделывают второй год.',
    a: 'Ремонт дорог местного значения включается в план на основании обследования. Ваш участок включён в план ямочного ремонта на текущий год; капитальный ремонт будет рассмотрен при формировании плана на следующий год.',
  },
  '0002.0007': {
    q: 'Какие документы нужны для оформления ежемесячной выплаты на ребёнка?',
    a: 'Единое пособие назначает Социальный фонд; заявление подаётся через Госуслуги. Документы о доходах запрашиваются ведомствами самостоятельно, представлять их не нужно, кроме сведений о доходах, полученных за границей.',
  },
};

const FORWARD_TARGETS = [
  'Прокуратура Калининградской области',
  'Управление Роспотребнадзора по Калининградской области',
];

/** One demo appeal of a body, its fate decided by `r` and its age. */
async function insertDemoAppeal(
  tx: DbOrTx,
  v: {
    orgId: string;
    code: string;
    type: AppealType;
    registeredOn: LocalDate;
    today: LocalDate;
    topic: string | null;
    i: number;
    r: () => number;
    calendar: ProductionCalendar;
    calendarVersion: string;
    settings: DeadlineSettings;
  },
): Promise<{ appeal: AppealRow; answered: boolean }> {
  const { r } = v;
  const year = Number(v.registeredOn.slice(0, 4));
  const seq = await appealsRepository.nextSequence(tx, v.orgId, year);
  const registeredAt = new Date(`${v.registeredOn}T10:${String(v.i % 60).padStart(2, '0')}:00+02:00`);
  const age = daysBetween(v.registeredOn, v.today);
  const roll = r();
  let status: AppealStatus = 'in_review';
  let extended = false;
  let answerDay: LocalDate | null = null;
  let forwardedTo: string | null = null;
  let withoutAnswer: string | null = null;
  if (v.type === 'appeal' && roll < 0.08 && age > 7) {
    status = 'forwarded';
    forwardedTo = FORWARD_TARGETS[v.i % FORWARD_TARGETS.length] as string;
  } else if (v.type === 'appeal' && roll < 0.12 && age > 10) {
    status = 'left_without_answer';
    withoutAnswer = v.i % 2 ? 'essence_unclear' : 'repeated_no_new_args';
  } else {
    extended = v.type === 'appeal' && r() < 0.07;
    const late = r() < 0.06;
    const days = late ? 33 + Math.floor(r() * 10) : 5 + Math.floor(r() * 22) + (extended ? 15 : 0);
    // answers go out on working days: the day before a day off, or after it when that is the registration day
    const raw = addCalendarDays(v.registeredOn, days);
    const before = v.calendar.adjust(raw, 'previous');
    const day = before > v.registeredOn ? before : v.calendar.adjust(raw, 'next');
    if (days <= age && day <= v.today) {
      answerDay = day;
      status = r() < 0.5 ? 'closed' : 'sent';
    } else status = extended ? 'extended' : age > 0 ? 'in_review' : 'registered';
  }
  // the deadlines as the intake and an extension compute them: the production calendar, the settings
  const deadlines = computeDeadlines(v.calendar, v.registeredOn, v.type, v.settings, extended ? 30 : 0);
  const k = v.i % LAST.length;
  const appeal = await appealsRepository.insert(tx, {
    number: `${v.code}-${year}-${seq}`,
    orgId: v.orgId,
    year,
    sequence: seq,
    type: v.type,
    kind: v.type === 'info_request' ? null : (['statement', 'complaint', 'proposal'] as const)[v.i % 3],
    form: 'written',
    lastName: LAST[k] as string,
    firstName: FIRST[(k + v.i) % FIRST.length] as string,
    patronymic: null,
    email: `author${v.i}@${DEMO_AUTHOR_DOMAIN}`,
    postalAddress: `236000, г. Калининград, ул. Демонстрационная, д. ${1 + (v.i % 90)}`,
    subject: null,
    text:
      (v.topic && TEXTS[v.topic.slice(0, 9)]?.q) ??
      (v.topic && TEXTS[v.topic]?.q) ??
      'Прошу рассмотреть мой вопрос.',
    status,
    receivedAt: registeredAt,
    registeredAt,
    registeredOn: v.registeredOn,
    dueDate: deadlines.dueDate,
    dueProvisional: deadlines.provisional,
    originalDueDate: deadlines.originalDueDate,
    forwardDueDate: deadlines.forwardDueDate,
    noticeDueDate: deadlines.noticeDueDate,
    calendarVersion: v.calendarVersion,
    deadlineTerms: v.settings,
    extensionCount: extended ? 1 : 0,
    topicCode: v.type === 'corruption_report' ? null : v.topic,
    forwardedToName: forwardedTo,
    withoutAnswerReason: withoutAnswer,
    answeredAt: answerDay ? new Date(`${answerDay}T15:00:00+02:00`) : null,
    closedAt: status === 'closed' && answerDay ? new Date(`${answerDay}T15:00:00+02:00`) : null,
  });
  if (answerDay) {
    const base =
      (v.topic && (TEXTS[v.topic] ?? TEXTS[v.topic.slice(0, 9)])?.a) ??
      'Ваш вопрос рассмотрен, приняты меры.';
    const at = new Date(`${answerDay}T15:00:00+02:00`);
    await appealsRepository.insertAnswer(tx, {
      appealId: appeal.id,
      text: `Здравствуйте, ${appeal.firstName} ${appeal.lastName}!\n\n${base}\n\nТелефон для справок: 8 (4012) 60-00-00.`,
      status: 'sent',
      signedRole: 'head',
      signedAt: at,
      sentAt: at,
      createdAt: at,
      updatedAt: at,
    });
  }
  return { appeal, answered: answerDay !== null };
}

/** Demo answer templates of every demo body (placeholders: answer-templates.ts). */
const DEMO_TEMPLATES = [
  {
    title: 'Ответ по существу: разъяснение',
    text: 'Уважаемый(ая) {имя_отчество}!\n\nВаше обращение № {номер} от {дата} рассмотрено в органе «{орган}».\n\nСообщаем следующее: …\n\nЕсли вы не согласны с ответом, вы вправе обжаловать его в вышестоящий орган или в суд.',
  },
  {
    title: 'Запрошены сведения, рассмотрение продолжается',
    text: 'Уважаемый(ая) {имя_отчество}!\n\nПо вашему обращению № {номер} от {дата} запрошены документы и материалы, необходимые для его рассмотрения. Ответ по существу будет направлен вам в установленный срок.',
  },
] as const;

export type SeedDemoPublicResult = { appeals: number; faqItems: number; reviews: number; skipped?: boolean };

/**
 * Demo appeals, FAQ and reviews for the public pages (SEED=demo). Idempotent:
 * does nothing when the first demo body already has appeals.
 */
export async function seedDemoPublicAppeals(deps: Pick<Deps, 'db' | 'clock'>): Promise<SeedDemoPublicResult> {
  const today = toLocalDate(deps.clock.now());
  const from = `${Number(today.slice(0, 4)) - 1}-07-01`;
  const span = daysBetween(from, today);
  const result: SeedDemoPublicResult = { appeals: 0, faqItems: 0, reviews: 0 };
  const { calendar, version: calendarVersion } = await loadCalendar(deps.db);
  const settings = await loadDeadlineSettings(deps.db);
  for (const [b, body] of DEMO_APPEAL_BODIES.entries()) {
    const org = await findOrganizationBySlug(deps.db, body.slug);
    if (!org) continue;
    if (b === 0 && (await statsRepository.years(deps.db, [org.id])).length > 0) {
      return { ...result, skipped: true };
    }
    const r = random(1000 + b);
    const count = Math.round((body.perYear * span) / 365);
    const ratedUser = (i: number) => `00000000-0000-4000-8000-${String(b * 100000 + i).padStart(12, '0')}`;
    await deps.db.transaction(async (tx) => {
      const days = Array.from({ length: count }, () => Math.floor(r() * (span + 1))).sort((x, y) => x - y);
      for (const [i, d] of days.entries()) {
        const roll = r();
        const type: AppealType = roll < 0.05 ? 'corruption_report' : roll < 0.12 ? 'info_request' : 'appeal';
        const topic = r() < 0.1 ? null : (body.topics[Math.floor(r() * body.topics.length)] as string);
        const { appeal, answered } = await insertDemoAppeal(tx, {
          orgId: org.id,
          code: org.code,
          type,
          registeredOn: addCalendarDays(from, d),
          today,
          topic,
          i,
          r,
          calendar,
          calendarVersion,
          settings,
        });
        result.appeals++;
        if (answered && type === 'appeal' && r() < 0.55) {
          await appealsRepository.insertRating(tx, {
            appealId: appeal.id,
            userId: ratedUser(i),
            satisfied: r() < 0.72,
            reasonCode: null,
            reason: null,
            createdAt: appeal.answeredAt ?? appeal.registeredAt,
          });
        }
      }
      // FAQ: the body's usual questions, published.
      for (const [p, code] of [
        ...new Set(body.topics.map((t) => (TEXTS[t] ? t : t.slice(0, 9)))),
      ].entries()) {
        const text = TEXTS[code];
        if (!text) continue;
        const item = await publicRepository.insertFaq(tx, {
          orgId: org.id,
          question: text.q,
          answer: text.a,
          topicCode: code,
          position: p,
        });
        await publicRepository.updateFaq(tx, item.id, { publishedAt: deps.clock.now() });
        result.faqItems++;
      }
      // Answer templates the body's officers start their answers from (issue 10).
      for (const tpl of DEMO_TEMPLATES)
        await templatesRepository.insert(tx, { orgId: org.id, title: tpl.title, text: tpl.text });
      await markOrgSectionFilled(tx, org.id, 'appeals', deps.clock.now());
    });
    // Reviews of the quarters that have ended, published.
    for (let y = Number(from.slice(0, 4)); y <= Number(today.slice(0, 4)); y++) {
      for (const q of [1, 2, 3, 4] as const) {
        const p = quarterPeriod(y, q);
        if (p.from < from || p.to >= today) continue;
        const figures = await getOrgAppealStats(deps, org.id, p);
        const row = await publicRepository.upsertReview(deps.db, {
          orgId: org.id,
          year: y,
          quarter: q,
          figures,
          comment:
            'По итогам рассмотрения обращений проведены выездные проверки, в план работ включены объекты, о которых сообщали жители.\n\nСроки ответа на обращения взяты на контроль руководителем.',
        });
        await publicRepository.setReviewPublished(deps.db, row.id, new Date(`${p.to}T18:00:00+02:00`), null);
        result.reviews++;
      }
    }
  }
  return result;
}
