import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anonymous } from '../../../../platform/authz/index.ts';
import { NotFound } from '../../../../platform/errors/index.ts';
import { apiInput } from '../../../../platform/http/api.ts';
import { problemSchema } from '../../../../platform/http/openapi.ts';
import { findOrganizationBySlug, findOrganizationsByIds } from '../../../orgs/index.ts';
import { getDiscussionById, listDiscussions, loadDiscussionView } from '../get-discussion.ts';
import { presentComment, presentDiscussion } from './presenters.ts';

const discussionSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  objectType: z
    .string()
    .describe('topic — самостоятельная тема; иначе вид объекта другого модуля / owner kind'),
  org: z.string().describe('slug органа / authority slug'),
  opensAt: z.string(),
  closesAt: z.string(),
  state: z.enum(['upcoming', 'open', 'closed']),
  url: z.string(),
  outcome: z.string().nullable(),
});

const comment = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  author: z
    .string()
    .describe('имя с согласия автора, иначе «Участник №N» / name with consent, else «Участник №N»'),
  official: z.boolean(),
  position: z.enum(['for', 'against', 'neutral']).nullable(),
  anchor: z.string().nullable(),
  status: z.enum(['published', 'hidden']),
  text: z.string().nullable().describe('null, если скрыт / null when hidden'),
  wording: z
    .string()
    .nullable()
    .describe(
      'предлагаемая редакция (обсуждение проекта акта); тогда text — обоснование / proposed wording (a draft’s discussion); text is then the justification',
    ),
  hiddenReason: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  inOutcome: z.boolean(),
});

/** GET /api/v1/discussions and /api/v1/discussions/{id}: the public side as an anonymous reader sees it. */
export async function discussionsApi(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;

  r.get(
    '/discussions',
    {
      schema: {
        tags: ['participation'],
        summary: 'Обсуждения / Discussions',
        description:
          'Обсуждения региона или одного органа, открытые первыми. / Discussions of the region or of one body, open ones first.',
        querystring: apiInput({
          org: z.string().max(100).optional().describe('slug органа / authority slug'),
        }),
        response: {
          200: z.object({ items: z.array(discussionSummary.extend({ comments: z.number() })) }),
          400: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (req) => {
      const org = req.query.org ? await findOrganizationBySlug(deps.db, req.query.org) : undefined;
      if (req.query.org && !org) throw new NotFound();
      const items = await listDiscussions(deps, org ? { orgId: org.id } : {});
      const now = deps.clock.now();
      const orgs = await findOrganizationsByIds(deps.db, [...new Set(items.map((d) => d.orgId))]);
      const slugs = new Map(orgs.map((o) => [o.id, o.slug]));
      return {
        items: items.map((d) => ({
          ...presentDiscussion(d, slugs.get(d.orgId) ?? '', now),
          comments: d.comments,
        })),
      };
    },
  );

  r.get(
    '/discussions/:id',
    {
      schema: {
        tags: ['participation'],
        summary: 'Обсуждение с комментариями / A discussion with its comments',
        description:
          'Опубликованные комментарии и скрытые (с причиной вместо текста), ответы — с parentId. / Published comments and hidden ones (the reason instead of the text); replies carry parentId.',
        params: apiInput({ id: z.string().max(100) }),
        querystring: apiInput({}),
        response: {
          200: discussionSummary.extend({ rules: z.string(), comments: z.array(comment) }),
          400: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (req) => {
      const d = await getDiscussionById(deps, req.params.id);
      const view = await loadDiscussionView(deps, anonymous, d);
      const comments = view.comments.flatMap((c) => [c, ...c.replies]).map((c) => presentComment(c, view));
      return { ...presentDiscussion(d, view.org.slug, deps.clock.now()), rules: d.rules, comments };
    },
  );
}
