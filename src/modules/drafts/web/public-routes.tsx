import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFound } from '../../../platform/errors/index.ts';
import { findStoredFile, sendStoredFile } from '../../../platform/files/index.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { draftsRepository as repo } from '../drafts.repository.ts';
import { getDraftDiff, getDraftPage, getDraftText, listDrafts } from '../get-drafts.ts';
import { getPlan } from '../get-plan.ts';
import { orgName } from './common.tsx';
import { DraftCardView, DraftDiffView, DraftListView, DraftTextView, PlanPageView } from './public-pages.tsx';
import { type IdParams, idOf, intOf, noticeFrom, type SlugParams, stageOf } from './routes-common.ts';

const home = (req: FastifyRequest) => ({ href: '/', text: req.t('ui.nav.home') });
const draftsCrumb = (req: FastifyRequest) => ({ href: '/drafts', text: req.t('drafts.title') });
const orgCrumbs = (req: FastifyRequest, org: OrgRow) => [
  home(req),
  { href: '/orgs', text: req.t('orgs.list.title') },
  { href: `/orgs/${org.slug}`, text: orgName(org, req.locale) },
];

/** The public pages: lists, the plan, the card, the text, versions compared. */
export async function draftsPublicRoutes(app: FastifyInstance) {
  const { deps } = app;

  app.get('/drafts', async (req, reply) => {
    const stage = stageOf(req.query);
    const list = await listDrafts(deps, { stage, page: intOf(req.query, 'page', 1, 10_000) ?? 1 });
    return reply.page(req.t('drafts.title'), <DraftListView list={list} stage={stage} base="/drafts" />, {
      breadcrumbs: [home(req), { text: req.t('drafts.title') }],
    });
  });

  app.get<{ Params: SlugParams }>('/orgs/:slug/drafts', async (req, reply) => {
    const stage = stageOf(req.query);
    const list = await listDrafts(deps, {
      slug: req.params.slug,
      stage,
      page: intOf(req.query, 'page', 1, 10_000) ?? 1,
    });
    const org = list.org as OrgRow;
    return reply.page(
      req.t('drafts.orgTitle'),
      <DraftListView list={list} stage={stage} base={`/orgs/${org.slug}/drafts`} />,
      { breadcrumbs: [...orgCrumbs(req, org), { text: req.t('drafts.orgTitle') }] },
    );
  });

  app.get('/drafts/plan', async (req, reply) => {
    const plan = await getPlan(deps, req.actor, { year: intOf(req.query, 'year', 2000, 2100) });
    return reply.page(req.t('drafts.plan.title'), <PlanPageView plan={plan} base="/drafts/plan" />, {
      breadcrumbs: [home(req), draftsCrumb(req), { text: req.t('drafts.plan.title') }],
    });
  });

  app.get<{ Params: SlugParams }>('/orgs/:slug/legislative-plan', async (req, reply) => {
    const plan = await getPlan(deps, req.actor, {
      slug: req.params.slug,
      year: intOf(req.query, 'year', 2000, 2100),
    });
    const org = plan.org as OrgRow;
    return reply.page(
      req.t('drafts.plan.title'),
      <PlanPageView plan={plan} base={`/orgs/${org.slug}/legislative-plan`} />,
      { breadcrumbs: [...orgCrumbs(req, org), { text: req.t('drafts.plan.title') }] },
    );
  });

  app.get<{ Params: IdParams }>('/drafts/:id', async (req, reply) => {
    const card = await getDraftPage(deps, req.actor, idOf(req.params));
    noticeFrom(req);
    return reply.page(
      card.draft.title,
      <DraftCardView
        card={card}
        discussion={card.discussion}
        expertise={card.expertise}
        councilConclusions={card.councilConclusions}
      />,
      {
        breadcrumbs: [home(req), draftsCrumb(req), { text: card.draft.title }],
      },
    );
  });

  app.get<{ Params: IdParams }>('/drafts/:id/text', async (req, reply) => {
    const version = intOf(req.query, 'version', 1, 100_000);
    const d = await getDraftText(deps, req.actor, { id: idOf(req.params), version });
    return reply.page(
      `${req.t('drafts.text.title')}: ${d.draft.title}`,
      <DraftTextView card={d} version={d.version} units={d.units} hints={d.hints} />,
      {
        breadcrumbs: [
          home(req),
          draftsCrumb(req),
          { href: `/drafts/${d.draft.id}`, text: d.draft.title },
          { text: req.t('drafts.text.title') },
        ],
      },
    );
  });

  app.get<{ Params: IdParams }>('/drafts/:id/diff', async (req, reply) => {
    const from = intOf(req.query, 'from', 1, 100_000) ?? 1;
    const to = intOf(req.query, 'to', 1, 100_000) ?? 2;
    const d = await getDraftDiff(deps, req.actor, { id: idOf(req.params), from, to });
    return reply.page(
      req.t('drafts.diff.title'),
      <DraftDiffView card={d} from={d.from} to={d.to} units={d.units} />,
      {
        breadcrumbs: [
          home(req),
          draftsCrumb(req),
          { href: `/drafts/${d.draft.id}`, text: d.draft.title },
          { text: req.t('drafts.diff.title') },
        ],
      },
    );
  });

  app.get<{ Params: { id: string; n: string } }>('/drafts/:id/versions/:n.docx', async (req, reply) => {
    const id = idOf(req.params);
    const n = Number(req.params.n);
    const v = (await repo.versions(deps.db, id)).find((x) => x.version === n);
    const file = v?.fileId ? await findStoredFile(deps.db, v.fileId) : undefined;
    if (!file) throw new NotFound();
    return sendStoredFile(deps, reply, file);
  });
}
