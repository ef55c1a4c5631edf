import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiInput } from '../../../platform/http/api.ts';
import { problemSchema } from '../../../platform/http/openapi.ts';
import { getOrgRating, getRating, type RatingRow } from '../get-rating.ts';

const mechanismIndex = z.record(z.string(), z.number().nullable());

const ratingRow = z.object({
  organization: z.string().describe('slug'),
  name: z.string(),
  table: z.enum(['executive', 'municipal']),
  rank: z.number().int(),
  index: z.number(),
  change: z.number().nullable().describe('against the previous published year'),
  byMechanism: mechanismIndex,
  url: z.string(),
});

const ratingLine = z.object({
  code: z.string(),
  task: z.string(),
  mechanism: z.string(),
  question: z.string(),
  source: z.string(),
  scale: z.string(),
  weight: z.number(),
  value: z.number().nullable(),
  points: z.number(),
  maxPoints: z.number(),
  evidence: z.string().nullable(),
  comments: z.array(z.string()),
  basis: z.string(),
});

/** Copies the fields of a row by name, so nothing else leaves. */
function presentRow(r: RatingRow, year: number, base: string) {
  return {
    organization: r.org.slug,
    name: r.org.nameRu,
    table: r.level as 'executive' | 'municipal',
    rank: r.rank,
    index: r.index,
    change: r.change,
    byMechanism: r.byMechanism,
    url: `${base}/rating/${year}/${r.org.slug}`,
  };
}

const yearParam = z.coerce.number().int().min(2000).max(2100);

/** GET /api/v1/ratings/{year}, /api/v1/ratings/{year}/{organization}: the published openness rating. */
export async function monitoringApi(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const base = deps.config.publicUrl;

  r.get(
    '/ratings/:year',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Рейтинг открытости / Openness rating',
        description:
          'Опубликованный рейтинг года: органы исполнительной власти и муниципальные образования отдельно, индекс 0–100, изменение к прошлому году, индекс по механизмам. / The published rating of a year.',
        params: apiInput({ year: yearParam }),
        querystring: apiInput({}),
        response: {
          200: z.object({ year: z.number().int(), items: z.array(ratingRow) }),
          400: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (req) => {
      const rating = await getRating(deps, req.params.year);
      const year = rating.cycle.year;
      return {
        year,
        items: [...rating.executive, ...rating.municipal].map((x) => presentRow(x, year, base)),
      };
    },
  );

  r.get(
    '/ratings/:year/:organization',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Индекс открытости организации / An organisation’s openness index',
        description:
          'Место, индекс и каждый критерий: значение, источник, баллы, подтверждение, комментарии экспертов, как получено. / Every criterion of the index explained.',
        params: apiInput({ year: yearParam, organization: z.string().max(100) }),
        querystring: apiInput({}),
        response: {
          200: ratingRow.extend({ lines: z.array(ratingLine) }),
          400: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (req) => {
      const { rating, row } = await getOrgRating(deps, {
        year: req.params.year,
        slug: req.params.organization,
      });
      return {
        ...presentRow(row, rating.cycle.year, base),
        lines: row.lines.map((l) => ({
          code: l.code,
          task: l.task,
          mechanism: l.mechanism,
          question: l.question,
          source: l.source,
          scale: l.scale,
          weight: l.weight,
          value: l.value,
          points: l.points,
          maxPoints: l.maxPoints,
          evidence: l.evidence,
          comments: l.comments,
          basis: l.basis,
        })),
      };
    },
  );
}
