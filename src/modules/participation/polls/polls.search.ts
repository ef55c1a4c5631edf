import { formatLocalDate } from '../../../platform/calendar/format.ts';
import { type DbOrTx, inTurn, type Tx } from '../../../platform/db/client.ts';
import { defineSearchSource, searchIndex } from '../../../platform/search/index.ts';
import { type PollRow, pollsRepository as repo, type SurveyRow } from './polls.repository.ts';

const MODULE = 'participation.polls';
const period = (p: { opensOn: string; closesOn: string }) =>
  `с ${formatLocalDate(p.opensOn)} по ${formatLocalDate(p.closesOn)}`;
const ELIGIBILITY: Record<string, string> = {
  signed_in: 'голосуют вошедшие на портал',
  esia: 'голосуют подтвердившие личность через ЕСИА',
  residents: 'голосуют жители муниципального образования',
};

const requisitesOfPoll = (p: PollRow) => `Опрос ${period(p)}; ${ELIGIBILITY[p.eligibility] ?? ''}.`;
const requisitesOfSurvey = (s: SurveyRow) =>
  `Анкетирование ${period(s)}${s.anonymous ? ', анонимное' : ', с указанием участника'}.`;

/** Polls and surveys in the portal's search: only published ones, with their period and voting rule as requisites. */
export const pollsSearch = defineSearchSource({
  module: MODULE,
  types: [
    { key: 'poll', ru: 'Опрос', en: 'Poll' },
    { key: 'survey', ru: 'Анкетирование', en: 'Survey' },
  ],
  topics: [{ key: 'opendata_priorities', ru: 'Приоритеты открытых данных', en: 'Open-data priorities' }],
  reindex: async (_deps, tx: Tx) => {
    const [polls, surveys] = await inTurn([
      () => repo.pollsOf(tx, 'all', 1_000_000),
      () => repo.surveysOf(tx, 'all', undefined, 1_000_000),
    ]);
    for (const p of polls) await indexPoll(tx, p);
    for (const s of surveys) await indexSurvey(tx, s);
    return polls.filter((p) => p.publishedAt).length + surveys.filter((s) => s.publishedAt).length;
  },
});

/** Write a published poll's entry, or remove a draft's, in the caller's transaction. */
export async function indexPoll(tx: DbOrTx, p: PollRow): Promise<void> {
  const id = `poll:${p.id}`;
  if (!p.publishedAt) return searchIndex.remove(tx, id);
  await searchIndex.upsert(tx, {
    id,
    module: MODULE,
    type: 'poll',
    orgId: p.orgId,
    title: p.question,
    // the requisites first: the result list shows the body's start
    body: [requisitesOfPoll(p), p.description, p.options.join('\n')].join('\n\n'),
    summary: requisitesOfPoll(p),
    url: `/polls/${p.id}`,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
    topics: p.topic === 'general' ? [] : [p.topic],
    tags: [period(p)],
    extra: { opensOn: p.opensOn, closesOn: p.closesOn, eligibility: p.eligibility },
  });
}

/** Write a published survey's entry (its questions' texts included), or remove a draft's. */
export async function indexSurvey(tx: DbOrTx, s: SurveyRow): Promise<void> {
  const id = `survey:${s.id}`;
  if (!s.publishedAt) return searchIndex.remove(tx, id);
  await searchIndex.upsert(tx, {
    id,
    module: MODULE,
    type: 'survey',
    orgId: s.orgId,
    title: s.title,
    body: [requisitesOfSurvey(s), s.description, ...s.questions.map((q) => q.text)].join('\n\n'),
    summary: requisitesOfSurvey(s),
    url: `/surveys/${s.id}`,
    publishedAt: s.publishedAt,
    updatedAt: s.updatedAt,
    tags: [period(s)],
    extra: { opensOn: s.opensOn, closesOn: s.closesOn, anonymous: s.anonymous },
  });
}
