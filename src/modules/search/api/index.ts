import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../platform/http/openapi.ts';
import type { Highlighted } from '../../../platform/search/index.ts';
import { requestFromApi, searchApiQuery } from '../search.input.ts';
import { searchPortal } from '../search-portal.ts';

const facet = z.array(z.object({ key: z.string(), count: z.number().int() }));

const searchHitSchema = z
  .object({
    id: z.string(),
    type: z.string().describe('content type, e.g. document, news, organization'),
    title: z.string(),
    snippet: z.string().describe('text around the matched words'),
    matched: z.array(z.string()).describe('the words of the title and snippet that matched'),
    url: z.string().describe('the public page'),
    org: z.string().nullable().describe('slug of the organisation'),
    publishedAt: z.string(),
    topics: z.array(z.string()),
    tags: z.array(z.string()),
    requisites: z
      .object({
        docType: z.string().nullable(),
        number: z.string().nullable(),
        date: z.string().nullable(),
        status: z.string().nullable(),
        issuer: z.string().nullable().describe('slug of the issuing organisation'),
      })
      .nullable(),
  })
  .describe('Найденный материал / Search hit');
z.globalRegistry.add(searchHitSchema, { id: 'SearchHit' });

const searchResultSchema = z
  .object({
    query: z.string().describe('the query as searched (cleaned, at most 300 characters)'),
    mode: z
      .enum(['ranked', 'browse', 'timeout', 'suggestion', 'similar'])
      .describe(
        'ranked: by relevance; browse: no text, newest first; timeout: too broad to rank in time, newest first without facets; suggestion: nothing matched, results of `suggestion`; similar: titles like the query',
      ),
    suggestion: z.string().nullable().describe('«Возможно, вы имели в виду …»'),
    total: z.number().int(),
    capped: z.boolean().describe('more matches than total; facets cover the newest of them'),
    page: z.number().int(),
    perPage: z.number().int(),
    items: z.array(searchHitSchema),
    facets: z.object({ org: facet, type: facet, topic: facet, year: facet }).nullable(),
  })
  .describe('Результаты поиска / Search results');
z.globalRegistry.add(searchResultSchema, { id: 'SearchResult' });

const plain = (h: Highlighted) => h.map((p) => p.text).join('');
const hits = (h: Highlighted) => h.filter((p) => p.hit).map((p) => p.text.toLowerCase());

/** GET /api/v1/search: the portal's search as JSON. */
export async function searchApi(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app.deps;
  const base = config.publicUrl.replace(/\/$/, '');
  r.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Поиск / Search',
        description:
          'Полнотекстовый поиск по всем открытым материалам портала (русская морфология), фильтры по типу, организации, теме, году, датам и реквизитам документов. / Full-text search over everything public (Russian morphology), with filters by type, organisation, topic, year, dates and document requisites.',
        querystring: searchApiQuery,
        response: { 200: searchResultSchema, 400: problemSchema },
      },
    },
    async (req) => {
      const { result, orgById } = await searchPortal({ db }, requestFromApi(req.query));
      const slug = (id: string | null) => (id ? (orgById.get(id)?.slug ?? null) : null);
      return {
        query: result.query,
        mode: result.mode,
        suggestion: result.suggestion,
        total: result.total,
        capped: result.capped,
        page: result.page,
        perPage: result.perPage,
        items: result.items.map((h) => ({
          id: h.id,
          type: h.type,
          title: plain(h.title),
          snippet: plain(h.snippet),
          matched: [...new Set([...hits(h.title), ...hits(h.snippet)])],
          url: `${base}${h.url}`,
          org: slug(h.orgId),
          publishedAt: h.publishedAt.toISOString(),
          topics: h.topics,
          tags: h.tags,
          requisites: h.docType
            ? {
                docType: h.docType,
                number: h.docNumber,
                date: h.docDate,
                status: h.docStatus,
                issuer: slug(h.issuerOrgId),
              }
            : null,
        })),
        facets: result.facets
          ? {
              ...result.facets,
              org: result.facets.org.map((f) => ({ key: slug(f.key) ?? f.key, count: f.count })),
            }
          : null,
      };
    },
  );
}
