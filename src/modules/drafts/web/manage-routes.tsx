import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf } from '../../../platform/audit/index.ts';
import { formatLocalDate } from '../../../platform/calendar/format.ts';
import { uploadsOf } from '../../../platform/files/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { closeDiscussion, closeExpertise, openDiscussion } from '../change-draft-stage.ts';
import { createDraft } from '../create-draft.ts';
import { decideDraft } from '../decide-draft.ts';
import {
  councilConclusionInput,
  decisionInput,
  draftInput,
  draftLinkInput,
  draftTextInput,
  openDiscussionInput,
  planItemInput,
} from '../drafts.input.ts';
import type { PlanItemRow } from '../drafts.repository.ts';
import { getDraftForStaff, getOrgDraftsForStaff, listDraftingOrgs } from '../get-drafts-for-staff.ts';
import { getPlanItemForStaff, savePlanItem } from '../save-plan-item.ts';
import { addDraftLink, setCouncilConclusion } from '../set-council-conclusion.ts';
import { getSummary, publishSummary } from '../summary.ts';
import { uploadDraftText } from '../upload-draft-text.ts';
import { orgName } from './common.tsx';
import {
  ManageOrgDraftsView,
  ManageOrgsView,
  NewDraftView,
  PlanItemFormView,
  type StaffCardExtras,
  StaffDraftView,
} from './manage-pages.tsx';
import { type IdParams, idOf, noticeFrom, redirectToSignIn, type SlugParams } from './routes-common.ts';
import { PositionsBlock } from './summary-pages.tsx';

const manageCrumbs = (req: FastifyRequest, org?: OrgRow) => [
  { href: '/manage', text: req.t('ui.nav.manage') },
  { href: '/manage/drafts', text: req.t('drafts.manage.section') },
  ...(org ? [{ href: `/manage/orgs/${org.slug}/drafts`, text: orgName(org, req.locale) }] : []),
];

function planValues(i: PlanItemRow): Record<string, string> {
  return {
    year: String(i.year),
    horizon: i.horizon,
    yearTo: i.yearTo ? String(i.yearTo) : '',
    title: i.title,
    problem: i.problem,
    affects: i.affects,
    actType: i.actType ?? '',
    plannedFrom: formatLocalDate(i.plannedFrom),
    plannedTo: formatLocalDate(i.plannedTo),
    responsibleName: i.responsibleName,
    responsiblePosition: i.responsiblePosition ?? '',
    state: i.state,
    councilOpinion: i.councilOpinion ?? '',
  };
}

/** The staff pages under /manage: a body's drafts and plan, and each draft's staff card. */
export async function draftsManageRoutes(app: FastifyInstance) {
  const { deps } = app;

  app.get('/manage/drafts', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const orgs = await listDraftingOrgs(deps, req.actor);
    return reply.page(req.t('drafts.manage.section'), <ManageOrgsView orgs={orgs} />, {
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('drafts.manage.section') },
      ],
    });
  });

  app.get<{ Params: SlugParams }>('/manage/orgs/:slug/drafts', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const d = await getOrgDraftsForStaff(deps, req.actor, req.params.slug);
    noticeFrom(req);
    return reply.page(req.t('drafts.manage.title'), <ManageOrgDraftsView {...d} />, {
      breadcrumbs: manageCrumbs(req),
    });
  });

  // The legislative plan

  const planForm =
    (req: FastifyRequest, org: OrgRow, item: PlanItemRow | null): RenderForm =>
    (form) => ({
      title: item ? item.title : req.t('drafts.manage.newPlanItem'),
      body: <PlanItemFormView org={org} item={item} {...form} />,
      breadcrumbs: manageCrumbs(req, org),
    });

  app.get<{ Params: SlugParams }>('/manage/orgs/:slug/legislative-plan/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org } = await getOrgDraftsForStaff(deps, req.actor, req.params.slug);
    const year = new Date(deps.clock.now()).getUTCFullYear();
    return showForm(req, reply, planForm(req, org, null), {
      year: String(year),
      horizon: 'annual',
      state: 'planned',
    });
  });

  app.post<{ Params: SlugParams }>('/manage/orgs/:slug/legislative-plan/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org } = await getOrgDraftsForStaff(deps, req.actor, req.params.slug);
    return handleForm(req, reply, {
      schema: planItemInput,
      render: planForm(req, org, null),
      run: async (item) => {
        const row = await savePlanItem(deps, originOf(req), { slug: org.slug, item });
        return `/orgs/${org.slug}/legislative-plan?year=${row.year}#item-${row.id}`;
      },
    });
  });

  const planItemOf = (req: FastifyRequest<{ Params: IdParams }>) =>
    getPlanItemForStaff(deps, originOf(req), idOf(req.params));

  app.get<{ Params: IdParams }>('/manage/legislative-plan/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { item, org } = await planItemOf(req);
    noticeFrom(req);
    return showForm(req, reply, planForm(req, org, item), planValues(item));
  });

  app.post<{ Params: IdParams }>('/manage/legislative-plan/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { item, org } = await planItemOf(req);
    return handleForm(req, reply, {
      schema: planItemInput,
      render: planForm(req, org, item),
      run: async (data) => {
        await savePlanItem(deps, originOf(req), { slug: org.slug, id: item.id, item: data });
        return `/manage/legislative-plan/${item.id}?notice=saved`;
      },
    });
  });

  // Drafts

  const newDraftForm =
    (req: FastifyRequest, org: OrgRow, plan: PlanItemRow[]): RenderForm =>
    (form) => ({
      title: req.t('drafts.manage.newDraft'),
      body: <NewDraftView org={org} plan={plan} {...form} />,
      breadcrumbs: manageCrumbs(req, org),
    });

  app.get<{ Params: SlugParams }>('/manage/orgs/:slug/drafts/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org, plan } = await getOrgDraftsForStaff(deps, req.actor, req.params.slug);
    return showForm(req, reply, newDraftForm(req, org, plan));
  });

  app.post<{ Params: SlugParams }>('/manage/orgs/:slug/drafts/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org, plan } = await getOrgDraftsForStaff(deps, req.actor, req.params.slug);
    return handleForm(req, reply, {
      schema: draftInput,
      render: newDraftForm(req, org, plan),
      run: async (draft) => {
        const row = await createDraft(deps, originOf(req), { slug: org.slug, draft });
        return `/manage/drafts/${row.id}?notice=created`;
      },
    });
  });

  /** The staff card for a draft; `extras` lets the proposals block join it. */
  const staffCard = async (req: FastifyRequest<{ Params: IdParams }>) => {
    const { card, bounds } = await getDraftForStaff(deps, req.actor, idOf(req.params));
    const summary = card.draft.stage === 'summary' ? await getSummary(deps, req.actor, card.draft.id) : null;
    const extras: StaffCardExtras = {
      bounds,
      proposals: summary && <PositionsBlock draftId={card.draft.id} summary={summary} />,
    };
    const render: RenderForm = (form) => ({
      title: card.draft.title,
      body: <StaffDraftView card={card} extras={extras} {...form} />,
      breadcrumbs: manageCrumbs(req, card.org),
    });
    return { card, render };
  };

  app.get<{ Params: IdParams }>('/manage/drafts/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { render } = await staffCard(req);
    noticeFrom(req);
    return showForm(req, reply, render);
  });

  const back = (id: string, notice: string) => `/manage/drafts/${id}?notice=${notice}`;

  app.post<{ Params: IdParams }>('/manage/drafts/:id/text', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { card, render } = await staffCard(req);
    return handleForm(req, reply, {
      schema: draftTextInput,
      render,
      run: async (text) => {
        await uploadDraftText(deps, originOf(req), {
          draftId: card.draft.id,
          text,
          files: uploadsOf(req.body, 'file'),
        });
        return back(card.draft.id, 'text');
      },
    });
  });

  app.post<{ Params: IdParams }>('/manage/drafts/:id/discussion', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { card, render } = await staffCard(req);
    return handleForm(req, reply, {
      schema: openDiscussionInput,
      render,
      conflictField: 'endsOn',
      run: async ({ endsOn }) => {
        await openDiscussion(deps, originOf(req), { draftId: card.draft.id, endsOn: endsOn as string });
        return back(card.draft.id, 'stage');
      },
    });
  });

  const noFields = z.object({});
  for (const [path, move] of [
    ['close-discussion', closeDiscussion],
    ['close-expertise', closeExpertise],
  ] as const) {
    app.post<{ Params: IdParams }>(`/manage/drafts/:id/${path}`, async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const { card, render } = await staffCard(req);
      return handleForm(req, reply, {
        schema: noFields,
        render,
        run: async () => {
          await move(deps, originOf(req), { draftId: card.draft.id });
          return back(card.draft.id, 'stage');
        },
      });
    });
  }

  app.post<{ Params: IdParams }>('/manage/drafts/:id/publish-summary', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { card, render } = await staffCard(req);
    return handleForm(req, reply, {
      schema: noFields,
      render,
      run: async () => {
        await publishSummary(deps, originOf(req), { draftId: card.draft.id });
        return `/drafts/${card.draft.id}/summary`;
      },
    });
  });

  app.post<{ Params: IdParams }>('/manage/drafts/:id/decision', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { card, render } = await staffCard(req);
    return handleForm(req, reply, {
      schema: decisionInput,
      input: (body) => ({ ...(body as object), note: (body as Record<string, unknown>).decisionNote }),
      render,
      conflictField: 'outcome',
      run: async (decision) => {
        await decideDraft(deps, originOf(req), { draftId: card.draft.id, decision });
        return back(card.draft.id, 'decided');
      },
    });
  });

  app.post<{ Params: IdParams }>('/manage/drafts/:id/council', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { card, render } = await staffCard(req);
    return handleForm(req, reply, {
      schema: councilConclusionInput,
      render,
      run: async ({ conclusion }) => {
        await setCouncilConclusion(deps, originOf(req), { draftId: card.draft.id, conclusion });
        return back(card.draft.id, 'saved');
      },
    });
  });

  app.post<{ Params: IdParams }>('/manage/drafts/:id/links', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { card, render } = await staffCard(req);
    return handleForm(req, reply, {
      schema: draftLinkInput,
      render,
      run: async (l) => {
        await addDraftLink(deps, originOf(req), {
          draftId: card.draft.id,
          link: { title: l.linkTitle, url: l.linkUrl },
        });
        return back(card.draft.id, 'saved');
      },
    });
  });
}
