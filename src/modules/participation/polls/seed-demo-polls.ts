import { randomUUID } from 'node:crypto';
import { addCalendarDays } from '../../../platform/calendar/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { findOrganizationBySlug, listAllOrganizations, upsertOrgSections } from '../../orgs/index.ts';
import { todayOf } from './poll-state.ts';
import { pollsRepository as repo } from './polls.repository.ts';
import { indexPoll, indexSurvey } from './polls.search.ts';
import type { SurveyQuestion } from './polls.tables.ts';

/** «Опросы и голосования» on every organisation's home: the list at /orgs/<slug>/polls. */
export async function registerPollSections(deps: Pick<Deps, 'db'>): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const orgs = await listAllOrganizations(tx);
    // one statement for every organisation (rows already as given are left alone)
    await upsertOrgSections(
      tx,
      orgs.map((org) => ({
        orgId: org.id,
        key: 'polls',
        path: 'polls',
        titleRu: 'Опросы и голосования',
        titleEn: 'Polls and voting',
        summaryRu: 'Опросы жителей, голосования и анкеты органа власти.',
        summaryEn: 'Polls, votes and surveys of the body.',
        concept: '8.5',
        position: 180,
      })),
    );
    return orgs.length;
  });
}

const q = (p: Partial<SurveyQuestion> & Pick<SurveyQuestion, 'key' | 'type' | 'text'>): SurveyQuestion => ({
  required: false,
  options: [],
  rows: [],
  scaleMax: 5,
  showIf: null,
  ...p,
});

/** The demo survey's questions: every kind once, one conditional on an earlier answer. */
export const DEMO_SURVEY_QUESTIONS: SurveyQuestion[] = [
  q({
    key: 'used',
    type: 'single',
    text: 'Обращались ли вы на портал за последний год?',
    required: true,
    options: ['Да', 'Нет'],
  }),
  q({
    key: 'what',
    type: 'multiple',
    text: 'Чем вы пользовались?',
    required: true,
    options: ['Обращения', 'Документы', 'Новости', 'Открытые данные'],
    showIf: { key: 'used', equals: 'Да' },
  }),
  q({
    key: 'score',
    type: 'scale',
    text: 'Насколько вы довольны открытостью органов власти?',
    required: true,
    scaleMax: 5,
  }),
  q({
    key: 'aspects',
    type: 'matrix',
    text: 'Оцените',
    options: ['Плохо', 'Нормально', 'Хорошо'],
    rows: ['Понятность информации', 'Скорость ответа'],
  }),
  q({ key: 'visits', type: 'number', text: 'Сколько раз в месяц вы заходите на портал?' }),
  q({ key: 'since', type: 'date', text: 'С какой даты вы пользуетесь порталом?' }),
  q({ key: 'name', type: 'short_text', text: 'Ваш населённый пункт' }),
  q({ key: 'idea', type: 'long_text', text: 'Что нам улучшить?' }),
];

/**
 * Demo polls and a survey (SEED=demo): an open poll of the Ministry of Health with
 * live results, a closed one with its results, a residents' poll of Kaliningrad
 * city, the government's open-data priorities (task 10.3) and a satisfaction survey.
 * Votes of the closed poll are synthetic voters (no accounts). Once only.
 */
export async function seedDemoPolls(
  deps: Pick<Deps, 'db' | 'clock'>,
): Promise<{ polls: number; surveys: number }> {
  const existing = await repo.pollsOf(deps.db, 'all');
  if (existing.length > 0) return { polls: 0, surveys: 0 };
  const [gov, health, city] = await Promise.all(
    ['government', 'minzdrav', 'kaliningrad'].map((s) => findOrganizationBySlug(deps.db, s)),
  );
  if (!gov || !health || !city) return { polls: 0, surveys: 0 };
  const today = todayOf(deps.clock);
  const at = (n: number) => addCalendarDays(today, n);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await repo.insertPoll(tx, {
      orgId: health.id,
      question: 'Какие часы работы поликлиник вам удобнее?',
      description: 'Министерство выбирает единый график работы поликлиник на 2027 год.',
      options: ['С 7:00 до 20:00', 'С 8:00 до 21:00', 'С 9:00 до 22:00', 'Два вечерних дня до 22:00'],
      opensOn: at(-7),
      closesOn: at(21),
      eligibility: 'signed_in',
      results: 'live',
      changeable: true,
      publishedAt: now,
    });
    const closed = await repo.insertPoll(tx, {
      orgId: health.id,
      question: 'Нужна ли запись к терапевту через чат-бот?',
      options: ['Да', 'Нет', 'Всё равно'],
      opensOn: at(-60),
      closesOn: at(-30),
      eligibility: 'esia',
      results: 'after_close',
      publishedAt: now,
    });
    const counts = [214, 63, 41];
    for (const [i, n] of counts.entries())
      for (let k = 0; k < n; k++)
        await repo.insertVote(tx, { pollId: closed.id, userId: randomUUID(), choices: [i] });
    await repo.insertPoll(tx, {
      orgId: city.id,
      question: 'Какой сквер благоустроить в 2027 году первым?',
      description: 'Голосуют жители городского округа «Город Калининград».',
      options: ['Сквер на улице Лесопильной', 'Сквер у Дома искусств', 'Сквер на Каштановой аллее'],
      opensOn: at(-3),
      closesOn: at(27),
      eligibility: 'residents',
      residentsOrgId: city.id,
      residenceSource: 'declared',
      results: 'after_close',
      publishedAt: now,
    });
    await repo.insertPoll(tx, {
      orgId: gov.id,
      question: 'Какие наборы открытых данных опубликовать в первую очередь?',
      description: 'Итоги учитываются в плане публикации открытых данных (задача 10.3).',
      options: [
        'Расписание общественного транспорта',
        'Места парковки и их загрузка',
        'Очереди в детские сады',
        'Ремонт дорог',
        'Качество воздуха',
      ],
      multiple: true,
      opensOn: at(-10),
      closesOn: at(50),
      eligibility: 'esia',
      results: 'live',
      topic: 'opendata_priorities',
      publishedAt: now,
    });
    await repo.insertSurvey(tx, {
      orgId: gov.id,
      title: 'Удовлетворённость открытостью органов власти',
      description: 'Анкета мониторинга открытости: ответы анонимные, займёт пять минут.',
      questions: DEMO_SURVEY_QUESTIONS,
      anonymous: true,
      opensOn: at(-5),
      closesOn: at(55),
      purpose: 'monitoring.satisfaction',
      publishedAt: now,
    });
    // searchable like the ones staff publish through the form
    for (const p of await repo.pollsOf(tx, 'all')) await indexPoll(tx, p);
    for (const s of await repo.surveysOf(tx, 'all')) await indexSurvey(tx, s);
    return { polls: 4, surveys: 1 };
  });
}
