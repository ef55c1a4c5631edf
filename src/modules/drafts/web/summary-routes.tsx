import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { contentDisposition } from '../../../platform/files/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { positionInput } from '../drafts.input.ts';
import { getSummary, setProposalPosition } from '../summary.ts';
import { summaryDocx } from '../summary-docx.ts';
import { orgName } from './common.tsx';
import { type IdParams, idOf, redirectToSignIn } from './routes-common.ts';
import { PositionFormView, SummaryView } from './summary-pages.tsx';

/** The summary of proposals: its page and DOCX, the developer's positions, publishing it. */
export async function draftsSummaryRoutes(app: FastifyInstance) {
  const { deps } = app;
  const crumbs = (req: FastifyRequest, id: string, title: string) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/drafts', text: req.t('drafts.title') },
    { href: `/drafts/${id}`, text: title },
    { text: req.t('drafts.summary.title') },
  ];

  app.get<{ Params: IdParams }>('/drafts/:id/summary', async (req, reply) => {
    const s = await getSummary(deps, req.actor, idOf(req.params));
    return reply.page(
      `${req.t('drafts.summary.title')}: ${s.draft.title}`,
      <SummaryView card={s} summary={s} />,
      {
        breadcrumbs: crumbs(req, s.draft.id, s.draft.title),
      },
    );
  });

  app.get<{ Params: IdParams }>('/drafts/:id/summary.docx', async (req, reply) => {
    const s = await getSummary(deps, req.actor, idOf(req.params));
    const bytes = await summaryDocx(
      {
        orgName: orgName(s.org, req.locale),
        title: s.draft.title,
        publishedAt: s.draft.summaryPublishedAt,
        rows: s.rows,
        totals: s.totals,
        url: `${deps.config.publicUrl}/drafts/${s.draft.id}/summary`,
      },
      req.t,
      req.locale,
    );
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', contentDisposition('attachment', 'сводка-предложений.docx'))
      .header('cache-control', 'no-store')
      .send(bytes);
  });

  type ProposalParams = IdParams & { commentId: string };
  const positionForm = async (req: FastifyRequest<{ Params: ProposalParams }>) => {
    const s = await getSummary(deps, req.actor, idOf(req.params));
    if (!s.canManage) throw new NotFound();
    const row = s.rows.find((r) => r.commentId === req.params.commentId);
    if (!row) throw new NotFound();
    const render: RenderForm = (form) => ({
      title: req.t('drafts.field.position'),
      body: <PositionFormView draftId={s.draft.id} row={row} {...form} />,
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { href: `/manage/drafts/${s.draft.id}`, text: s.draft.title },
        { text: req.t('drafts.field.position') },
      ],
    });
    return { s, row, render };
  };

  app.get<{ Params: ProposalParams }>('/manage/drafts/:id/proposals/:commentId', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { row, render } = await positionForm(req);
    return showForm(req, reply, render, {
      position: row.position ?? '',
      justification: row.justification ?? '',
    });
  });

  app.post<{ Params: ProposalParams }>('/manage/drafts/:id/proposals/:commentId', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { s, row, render } = await positionForm(req);
    return handleForm(req, reply, {
      schema: positionInput,
      input: (body) => ({ ...(body as object), commentId: row.commentId }),
      render,
      conflictField: 'position',
      run: async (position) => {
        await setProposalPosition(deps, originOf(req), { draftId: s.draft.id, position });
        return `/manage/drafts/${s.draft.id}?notice=position`;
      },
    });
  });
}
