import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../../platform/errors/index.ts';
import { apiInput } from '../../../platform/http/api.ts';
import { problemSchema } from '../../../platform/http/openapi.ts';
import { findOrganizationById } from '../../orgs/index.ts';
import { orgBySlug } from '../find-org.ts';
import { publicationUrl } from '../index-items.ts';
import { docStatuses, docTypes } from '../publications.input.ts';
import { type PublicationRow, publicationsRepository as repo } from '../publications.repository.ts';
import { htmlToText } from '../sanitize.ts';
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

const documentDetail = documentSummary.extend({
  summary: z.string().nullable(),
  text: z.string().describe('текст документа без разметки / plain text'),
  links: z.array(
    z.object({
      relation: z.enum(['amends', 'cancels', 'amended_by', 'cancelled_by']),
      id: z.string(),
      number: z.string().nullable(),
    }),
  ),
  attachments: z.array(
    z.object({
      name: z.string(),
      format: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      textExtracted: z.enum(['pending', 'done', 'failed', 'unsupported']),
      url: z.string(),
    }),
  ),
  versions: z.array(z.object({ version: z.number().int(), savedAt: z.string(), url: z.string() })),
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

  r.get(
    '/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'Документ / Document',
        description:
          'Реквизиты, статус, связи с изменяющими и отменяющими документами, файлы и история версий. / Requisites, status, links, files and versions.',
        params: apiInput({ id: z.string().max(40) }),
        response: { 200: documentDetail, 404: problemSchema },
      },
    },
    async (req) => {
      const d = await repo.findById(db, req.params.id);
      const org = d ? await findOrganizationById(db, d.orgId) : undefined;
      if (!d || !org || d.kind !== 'document') throw new NotFound('publication');
      const [out, inn, attachments, versions] = await Promise.all([
        repo.linksFrom(db, d.id),
        repo.linksTo(db, d.id),
        repo.attachments(db, d.id),
        repo.versions(db, d.id),
      ]);
      const others = new Map(
        (await repo.findByIds(db, [...out.map((l) => l.toId), ...inn.map((l) => l.fromId)])).map((x) => [
          x.id,
          x,
        ]),
      );
      const rel = (r: string, back: boolean) =>
        (back ? (r === 'cancels' ? 'cancelled_by' : 'amended_by') : r === 'cancels' ? 'cancels' : 'amends') as
          | 'amends'
          | 'cancels'
          | 'amended_by'
          | 'cancelled_by';
      return {
        ...present(d, org.slug, config.publicUrl),
        summary: d.summary,
        text: htmlToText(d.bodyHtml),
        links: [
          ...out.map((l) => ({
            relation: rel(l.relation, false),
            id: l.toId,
            number: others.get(l.toId)?.docNumber ?? null,
          })),
          ...inn.map((l) => ({
            relation: rel(l.relation, true),
            id: l.fromId,
            number: others.get(l.fromId)?.docNumber ?? null,
          })),
        ],
        attachments: attachments.map((a) => ({
          name: a.name,
          format: a.ext,
          sizeBytes: a.sizeBytes,
          sha256: a.sha256,
          textExtracted: a.textStatus as 'pending' | 'done' | 'failed' | 'unsupported',
          url: `${config.publicUrl}/attachments/${a.id}/${encodeURIComponent(a.name)}`,
        })),
        versions: versions.map((v) => ({
          version: v.version,
          savedAt: v.savedAt.toISOString(),
          url: `${config.publicUrl}/publications/${d.id}/versions/${v.version}`,
        })),
      };
    },
  );
}
