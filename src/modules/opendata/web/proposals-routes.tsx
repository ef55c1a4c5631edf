import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { listAllOrganizations } from '../../orgs/index.ts';
import { answerProposal } from '../answer-proposal.ts';
import {
  getProposal,
  getProposalForStaff,
  listProposals,
  listProposalsForStaff,
  statusFilter,
} from '../get-proposals.ts';
import { answerProposalInput, proposeDatasetInput } from '../opendata.input.ts';
import { opendataPolicy } from '../opendata.policy.ts';
import { proposeDataset } from '../propose-dataset.ts';
import { supportProposal } from '../support-proposal.ts';
import { registerCrumbs } from './common.ts';
import { withHeading } from './heading.tsx';
import { AnswerProposalView, ManageProposalsView, ProposalsView, ProposalView } from './proposals-pages.tsx';

type IdParams = { id: string };
type ListQuery = { status?: string; page?: string; org?: string; notice?: string };

const NOTICES: Record<string, string> = {
  proposed: 'opendata.proposals.notice.proposed',
  supported: 'opendata.proposals.notice.supported',
  already: 'opendata.proposals.notice.already',
  answered: 'opendata.proposals.notice.answered',
};

function noticeFrom(req: FastifyRequest) {
  const key = (req.query as ListQuery | undefined)?.notice;
  if (typeof key === 'string' && Object.hasOwn(NOTICES, key))
    req.flash = { kind: 'success', text: req.t(NOTICES[key] as string) };
}

/** Anonymous visitors go to sign-in and come back; true when it redirected. */
function redirectToSignIn(req: FastifyRequest, reply: FastifyReply, back: string): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
  return true;
}

const pageOf = (q: ListQuery | undefined) => {
  const n = Number.parseInt(String(q?.page ?? '1'), 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
};

/** Citizens' proposals of datasets (10.3): the public list and form, support, the steward's answers. */
export async function proposalsRoutes(app: FastifyInstance) {
  const { deps } = app;
  const listCrumbs = (req: FastifyRequest) => [
    ...registerCrumbs(req),
    { href: '/opendata/proposals', text: req.t('opendata.proposals.title') },
  ];
  const manageCrumbs = (req: FastifyRequest) => [
    { href: '/manage', text: req.t('ui.nav.manage') },
    { href: '/manage/opendata/proposals', text: req.t('opendata.proposals.manageTitle') },
  ];

  const listForm = async (req: FastifyRequest<{ Querystring: ListQuery }>): Promise<RenderForm> => {
    const status = statusFilter(req.query?.status);
    const [list, orgs] = await Promise.all([
      listProposals(deps, req.actor, { status, page: pageOf(req.query) }),
      listAllOrganizations(deps.db),
    ]);
    return (form) => ({
      title: req.t('opendata.proposals.title'),
      body: (
        <ProposalsView list={list} status={status} orgs={orgs} signedIn={isSignedIn(req.actor)} {...form} />
      ),
      breadcrumbs: [...registerCrumbs(req), { text: req.t('opendata.proposals.title') }],
    });
  };
  app.get<{ Querystring: ListQuery }>('/opendata/proposals', async (req, reply) => {
    const org = typeof req.query?.org === 'string' ? req.query.org : '';
    return showForm(req, reply, await listForm(req), org ? { org } : {});
  });
  app.post<{ Querystring: ListQuery }>('/opendata/proposals', async (req, reply) => {
    if (redirectToSignIn(req, reply, '/opendata/proposals#propose')) return reply;
    return handleForm(req, reply, {
      schema: proposeDatasetInput,
      render: await listForm(req),
      run: async (input) => {
        const p = await proposeDataset(deps, originOf(req), input);
        return `/opendata/proposals/${p.id}?notice=proposed`;
      },
    });
  });

  const proposalForm = async (req: FastifyRequest<{ Params: IdParams }>): Promise<RenderForm> => {
    const { proposal, org, supported } = await getProposal(deps, req.actor, req.params.id);
    return (form) => ({
      title: proposal.title,
      body: (
        <ProposalView
          p={proposal}
          org={org}
          supported={supported}
          canSupport={opendataPolicy.canSupport(req.actor, proposal)}
          signedIn={isSignedIn(req.actor)}
          {...form}
        />
      ),
      breadcrumbs: [...listCrumbs(req), { text: proposal.title }],
    });
  };
  app.get<{ Params: IdParams }>('/opendata/proposals/:id', async (req, reply) => {
    noticeFrom(req);
    return showForm(req, reply, await proposalForm(req));
  });
  app.post<{ Params: IdParams }>('/opendata/proposals/:id/support', async (req, reply) => {
    if (redirectToSignIn(req, reply, `/opendata/proposals/${encodeURIComponent(req.params.id)}`))
      return reply;
    return handleForm(req, reply, {
      schema: z.object({}),
      render: await proposalForm(req),
      run: async () => {
        const r = await supportProposal(deps, originOf(req), { id: req.params.id });
        return `/opendata/proposals/${req.params.id}?notice=${r}`;
      },
    });
  });

  // The steward's side

  app.get<{ Querystring: ListQuery }>('/manage/opendata/proposals', async (req, reply) => {
    noticeFrom(req);
    const status = statusFilter(req.query?.status);
    const list = await listProposalsForStaff(deps, originOf(req), { status, page: pageOf(req.query) });
    const title = req.t('opendata.proposals.manageTitle');
    return reply.page(title, withHeading(title, <ManageProposalsView list={list} status={status} />), {
      breadcrumbs: [{ href: '/manage', text: req.t('ui.nav.manage') }, { text: title }],
    });
  });

  const answerForm = async (req: FastifyRequest<{ Params: IdParams }>): Promise<RenderForm> => {
    const { proposal, org } = await getProposalForStaff(deps, originOf(req), req.params.id);
    return (form) => ({
      title: proposal.title,
      body: <AnswerProposalView p={proposal} org={org} {...form} />,
      breadcrumbs: [...manageCrumbs(req), { text: proposal.title }],
    });
  };
  app.get<{ Params: IdParams }>('/manage/opendata/proposals/:id', async (req, reply) => {
    const { proposal } = await getProposalForStaff(deps, originOf(req), req.params.id);
    return showForm(req, reply, await answerForm(req), {
      ...(proposal.status !== 'new' ? { status: proposal.status } : {}),
      answer: proposal.answer ?? '',
      datasetIdentifier: proposal.datasetIdentifier ?? '',
    });
  });
  app.post<{ Params: IdParams }>('/manage/opendata/proposals/:id', async (req, reply) =>
    handleForm(req, reply, {
      schema: answerProposalInput,
      render: await answerForm(req),
      run: async (input) => {
        await answerProposal(deps, originOf(req), { id: req.params.id, ...input });
        return '/manage/opendata/proposals?notice=answered';
      },
    }),
  );
}
