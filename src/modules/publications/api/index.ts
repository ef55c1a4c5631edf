import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiInput } from '../../../platform/http/api.ts';
import { problemSchema } from '../../../platform/http/openapi.ts';
import { orgBySlug } from '../find-org.ts';
import { publicationUrl } from '../index-items.ts';
import { docStatuses, docTypes } from '../publications.input.ts';
import { type PublicationRow, publicationsRepository as repo } from '../publications.repository.ts';
import { verifyPublicationLog } from '../verify-publication-log.ts';

const verifyResult = z.object({
  ok: z.boolean().describe('цепочка цела / the chain holds'),
  entries: z.number().int(),
  head: z.string().nullable().describe('хеш последней записи / hash of the last entry'),
  brokenAt: z
    .object({
      seq: z.number().int(),
      publicationId: z.string(),
      version: z.number().int(),
      reason: z.enum(['prev_hash', 'hash', 'version_missing', 'current_differs']),
    })
    .nullable(),
});

const documentSummary = z.object({
  id: z.string(),
  docType: z.string().nullable(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  status: z.string().nullable(),
  title: z.string(),
  topics: z.array(z.string()),
  tags: z.array(z.string()),
  version: z.number().int(),
  publishedAt: z.string(),
  changedAt: z.string().nullable(),
  url: z.string(),
});

const present = (d: PublicationRow, slug: string, publicUrl: string) => ({
  id: d.id,
  docType: d.docType,
  number: d.docNumber,
  date: d.docDate,
  status: d.docStatus,
  title: d.title,
  topics: d.topics,
  tags: d.tags,
  version: d.version,
  publishedAt: d.publishedAt.toISOString(),
  changedAt: d.changedAt?.toISOString() ?? null,
  url: `${publicUrl}${publicationUrl(d, slug)}`,
});

/** /api/v1: the publication log's verification and an organisation's documents. */
export async function publicationsApi(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app.deps;

  r.get(
    '/transparency/verify',
    {
      schema: {
        tags: ['transparency'],
        summary: 'Проверка журнала публикаций / Verify the publication log',
        description:
          'Пересчитывает цепочку SHA-256 журнала публикаций и сверяет текущие публикации с их последними версиями; называет первую нарушенную запись. / Recomputes the SHA-256 chain and checks current items against their last versions; names the first broken entry.',
        response: { 200: verifyResult },
      },
    },
    async () => {
      const v = await verifyPublicationLog({ db });
      return v.ok
        ? { ok: true, entries: v.entries, head: v.head === '0'.repeat(64) ? null : v.head, brokenAt: null }
        : {
            ok: false,
            entries: v.entries,
            head: null,
            brokenAt: v.brokenAt as z.infer<typeof verifyResult>['brokenAt'],
          };
    },
  );

  r.get(
    '/organizations/:slug/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Документы органа / Documents of an authority',
        params: apiInput({ slug: z.string().max(100) }),
        querystring: apiInput({
          docType: z.enum(docTypes).optional(),
          status: z.enum(docStatuses).optional(),
          topic: z.string().max(60).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          perPage: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(documentSummary),
            total: z.number().int(),
            page: z.number().int(),
            perPage: z.number().int(),
          }),
          404: problemSchema,
        },
      },
    },
    async (req) => {
      const org = await orgBySlug(db, req.params.slug);
      const { page, perPage } = req.query;
      const { items, total } = await repo.listDocuments(
        db,
        org.id,
        { docType: req.query.docType, docStatus: req.query.status, topic: req.query.topic?.toLowerCase() },
        { limit: perPage, offset: (page - 1) * perPage },
      );
      return { items: items.map((d) => present(d, org.slug, config.publicUrl)), total, page, perPage };
    },
  );
}
