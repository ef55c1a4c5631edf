import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toLocalDate } from '../../../platform/calendar/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { apiInput } from '../../../platform/http/api.ts';
import { problemSchema } from '../../../platform/http/openapi.ts';
import { findOrganizationBySlug, listAllOrganizations, type OrgRow } from '../../orgs/index.ts';
import { publicRepository } from '../public.repository.ts';
import type { PublicFigures } from '../stats/figures.ts';
import { yearPeriod } from '../stats/figures.ts';
import { getFiguresByOrg, getOrgAppealStats, getRegionTotals } from '../stats/get-appeal-stats.ts';

const cell = z
  .union([z.number().int().min(3), z.literal('<3'), z.literal('≥3')])
  .describe(
    'число, «<3» (меньше трёх) или «≥3» (скрыто, чтобы нельзя было вычислить соседнюю ячейку) / a count, "<3", or "≥3" (hidden to protect a neighbouring cell)',
  );
const measure = z
  .number()
  .nullable()
  .describe('null — не показывается: меньше трёх обращений / null: fewer than three appeals');

const summary = z.object({
  received: cell,
  answered: cell,
  answeredOnTime: cell,
  onTimeShare: measure.describe('% ответов в срок / % answered on time'),
  forwarded: cell,
  leftWithoutAnswer: cell,
  extended: cell,
  inReview: cell,
  averageDaysToAnswer: measure,
  rated: cell,
  satisfied: cell,
  satisfiedShare: measure.describe(
    '% удовлетворённых ответом (задача 4.5) / % satisfied with the answer (task 4.5)',
  ),
  infoRequests: cell,
  mediaRequests: cell,
  corruptionReports: cell.describe('только общее число за период / one total for the period only'),
});

const detailed = summary.extend({
  byTopic: z.array(
    z.object({
      code: z
        .string()
        .nullable()
        .describe('тема ТОТК (раздел.тематика); null — не определена / ТОТК theme; null: not classified'),
      name: z.string().nullable(),
      count: cell,
    }),
  ),
  byMonth: z.array(z.object({ month: z.string().describe('YYYY-MM'), received: cell, answered: cell })),
});

const statsResponse = z
  .object({
    year: z.number().int(),
    period: z.object({ from: z.string(), to: z.string() }),
    region: detailed.describe('итог по выбранным органам / total of the bodies listed'),
    bodies: z.array(
      z.object({ slug: z.string(), name: z.string(), level: z.string(), url: z.string(), figures: summary }),
    ),
  })
  .describe('Статистика обращений граждан / Citizens’ appeals statistics');

const statsQuery = apiInput({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('год (по умолчанию текущий) / year (default: current)'),
  org: z.string().max(100).optional().describe('slug органа: только он / one body by slug'),
  level: z.enum(['executive', 'municipal']).optional().describe('уровень органов / level of bodies'),
});

const presentSummary = (f: PublicFigures): z.infer<typeof summary> => ({
  received: f.received,
  answered: f.answered,
  answeredOnTime: f.answeredOnTime,
  onTimeShare: f.onTimeShare,
  forwarded: f.forwarded,
  leftWithoutAnswer: f.leftWithoutAnswer,
  extended: f.extended,
  inReview: f.inReview,
  averageDaysToAnswer: f.averageDaysToAnswer,
  rated: f.rated,
  satisfied: f.satisfied,
  satisfiedShare: f.satisfiedShare,
  infoRequests: f.infoRequests,
  mediaRequests: f.mediaRequests,
  corruptionReports: f.corruptionReports,
});

const presentDetailed = (f: PublicFigures): z.infer<typeof detailed> => ({
  ...presentSummary(f),
  byTopic: f.byTopic.map((t) => ({ code: t.code || null, name: t.name || null, count: t.count })),
  byMonth: f.byMonth.map((m) => ({ month: m.month, received: m.received, answered: m.answered })),
});

/** GET /api/v1/appeals/stats (public, aggregated, every cell under 3 suppressed) and GET /api/v1/appeals/faq. */
export async function appealsStatsApi(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config, clock } = app.deps;
  r.get(
    '/appeals/stats',
    {
      schema: {
        tags: ['appeals'],
        summary: 'Статистика обращений / Appeals statistics',
        description:
          'Показатели работы с обращениями граждан по органам власти за год: поступило, дан ответ, в срок, направлено по компетенции, без ответа, продлено, средний срок, удовлетворённость; значения меньше 3 скрыты. Сообщения о коррупции — только общим числом. / Figures of work with citizens’ appeals per body for a year; values under 3 suppressed; corruption reports as one total only.',
        querystring: statsQuery,
        response: { 200: statsResponse, 400: problemSchema, 404: problemSchema },
      },
    },
    async (req) => {
      const year = req.query.year ?? Number(toLocalDate(clock.now()).slice(0, 4));
      const p = yearPeriod(year);
      let orgs: OrgRow[];
      if (req.query.org) {
        const one = await findOrganizationBySlug(db, req.query.org);
        if (!one) throw new NotFound('organization');
        orgs = [one];
      } else {
        orgs = (await listAllOrganizations(db)).filter(
          (o) => !req.query.level || o.level === req.query.level,
        );
      }
      const ids = orgs.map((o) => o.id);
      const [by, region] = await Promise.all([
        getFiguresByOrg({ db }, ids, p),
        orgs.length === 1 ? getOrgAppealStats({ db }, ids[0] as string, p) : getRegionTotals({ db }, ids, p),
      ]);
      return {
        year,
        period: p,
        region: presentDetailed(region),
        bodies: orgs.map((o) => ({
          slug: o.slug,
          name: o.nameRu,
          level: o.level,
          url: `${config.publicUrl}/orgs/${o.slug}/appeals`,
          figures: presentSummary(by.get(o.id) as PublicFigures),
        })),
      };
    },
  );

  const faqQuery = apiInput({ org: z.string().max(100).describe('slug органа / body slug') });
  const faqResponse = z
    .object({
      org: z.string(),
      items: z.array(
        z.object({
          id: z.string(),
          question: z.string(),
          answer: z.string(),
          topicCode: z.string().nullable().describe('тема ТОТК / ТОТК topic'),
          publishedAt: z.string().describe('ISO 8601 instant'),
        }),
      ),
    })
    .describe(
      'Часто задаваемые вопросы органа (задача 4.3) / A body’s frequently asked questions (task 4.3)',
    );

  r.get(
    '/appeals/faq',
    {
      schema: {
        tags: ['appeals'],
        summary: 'Частые вопросы / Frequently asked questions',
        description:
          'Опубликованные органом вопросы и ответы (ответы на обращения публикуются обезличенными). / The questions and answers a body has published (answers to appeals are anonymised first).',
        querystring: faqQuery,
        response: { 200: faqResponse, 400: problemSchema, 404: problemSchema },
      },
    },
    async (req) => {
      const org = await findOrganizationBySlug(db, req.query.org);
      if (!org) throw new NotFound('organization');
      const items = await publicRepository.publishedFaq(db, org.id);
      return {
        org: org.slug,
        items: items.map((f) => ({
          id: f.id,
          question: f.question,
          answer: f.answer,
          topicCode: f.topicCode,
          publishedAt: (f.publishedAt as Date).toISOString(),
        })),
      };
    },
  );
}
