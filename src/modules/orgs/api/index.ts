import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiInput } from '../../../platform/http/api.ts';
import { problemSchema } from '../../../platform/http/openapi.ts';
import { getOrgHome } from '../get-org-home.ts';
import { listOrganizations } from '../list-organizations.ts';
import { orgKinds, orgLevels } from '../orgs.input.ts';
import { orgsRepository } from '../orgs.repository.ts';
import { presentOrgDetail, presentOrgSummary } from './presenters.ts';
import { organizationDetail, organizationPage } from './schemas.ts';

const listQuery = apiInput({
  kind: z.enum(orgKinds).optional().describe('вид органа / kind of authority'),
  level: z.enum(orgLevels).optional().describe('уровень / level'),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(50),
});

/** GET /api/v1/organizations and /api/v1/organizations/{slug}. */
export async function orgsApi(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app.deps;

  r.get(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Органы власти / Authorities',
        description:
          'Правительство, органы исполнительной власти и муниципальные образования; фильтры по виду и уровню, постранично. / The government, executive bodies and municipalities; filter by kind and level, paged.',
        querystring: listQuery,
        response: { 200: organizationPage, 400: problemSchema },
      },
    },
    async (req) => {
      const { kind, level, page, perPage } = req.query;
      const { items, total } = await listOrganizations({ db }, { kind, level }, { page, perPage });
      const parents = await orgsRepository.findByIds(db, [
        ...new Set(items.map((o) => o.parentId).filter((id): id is string => id !== null)),
      ]);
      const slugOf = new Map(parents.map((p) => [p.id, p.slug]));
      return {
        items: items.map((o) =>
          presentOrgSummary(o, config.publicUrl, o.parentId ? (slugOf.get(o.parentId) ?? null) : null),
        ),
        total,
        page,
        perPage,
      };
    },
  );

  r.get(
    '/organizations/:slug',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Орган власти / Authority',
        description:
          'Сведения об органе, его разделы, ответственные должностные лица и подведомственные органы. / The authority, its sections, responsible officials and subordinate bodies.',
        params: apiInput({ slug: z.string().max(100).describe('например / e.g. minzdrav') }),
        querystring: apiInput({}),
        response: { 200: organizationDetail, 400: problemSchema, 404: problemSchema },
      },
    },
    async (req) => presentOrgDetail(await getOrgHome({ db }, req.params.slug), config.publicUrl),
  );
}
