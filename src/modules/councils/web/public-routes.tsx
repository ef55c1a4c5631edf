import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { formatDateTime } from '../../../platform/calendar/format.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { findOrganizationsByIds } from '../../orgs/index.ts';
import { DiscussionSection, getDiscussionForObject, loadDiscussionView } from '../../participation/index.ts';
import { applyToCall } from '../apply-to-call.ts';
import { cancelRegistration } from '../cancel-registration.ts';
import { idOrNotFound } from '../council-access.ts';
import { applicationInput, assessmentInput, registrationInput } from '../councils.input.ts';
import { councilsPolicy } from '../councils.policy.ts';
import { councilsRepository as repo } from '../councils.repository.ts';
import { getCallPage } from '../get-call-page.ts';
import { getCouncilPage, getOrgCouncils } from '../get-council-page.ts';
import { getMeetingPage } from '../get-meeting-page.ts';
import { CONCLUSION_OBJECT } from '../publish-conclusion.ts';
import { registerToAttend } from '../register-to-attend.ts';
import { submitAssessment } from '../submit-assessment.ts';
import { callHref, councilHref, councilName, meetingHref, noticeFrom, redirectToSignIn } from './common.tsx';
import {
  ApplyView,
  AssessmentFormView,
  CallView,
  ConclusionView,
  CouncilsListView,
  CouncilView,
  MeetingView,
  OrgCouncilsView,
  PoolView,
} from './public-views.tsx';

type IdParams = { id: string };

/** The public pages: councils, their calls, meetings, conclusions and the expert pool. */
export async function councilsPublicRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const deps = app.deps;
  const crumbs = (req: FastifyRequest) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/councils', text: req.t('councils.title') },
  ];

  app.get('/councils', async (req, reply) => {
    const councils = await repo.listCouncils(db);
    const orgs = await findOrganizationsByIds(db, [...new Set(councils.map((c) => c.orgId))]);
    const orgNames = new Map(orgs.map((o) => [o.id, req.locale === 'en' && o.nameEn ? o.nameEn : o.nameRu]));
    return reply.page(req.t('councils.title'), <CouncilsListView councils={councils} orgNames={orgNames} />, {
      breadcrumbs: [{ href: '/', text: req.t('ui.nav.home') }, { text: req.t('councils.title') }],
    });
  });

  app.get('/councils/pool', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const field = typeof q.field === 'string' && q.field ? q.field.slice(0, 300) : undefined;
    const [members, fields] = await Promise.all([repo.pool(db, field), repo.poolFields(db)]);
    return reply.page(
      req.t('councils.pool.title'),
      <PoolView members={members} fields={fields} field={field} />,
      {
        breadcrumbs: [...crumbs(req), { text: req.t('councils.pool.title') }],
      },
    );
  });

  const councilPage = async (req: FastifyRequest, councilId: string) => {
    const page = await getCouncilPage(deps, councilId);
    const canAssess =
      isSignedIn(req.actor) && (await repo.poolMemberOfUser(db, req.actor.userId)) !== undefined;
    const name = councilName(page.council, req.locale);
    return {
      name,
      page,
      body: (
        <CouncilView
          page={page}
          canManage={councilsPolicy.canManage(req.actor, page.council)}
          canAssess={canAssess}
        />
      ),
    };
  };

  app.get<{ Params: IdParams }>('/councils/:id', async (req, reply) => {
    const { name, body } = await councilPage(req, idOrNotFound(req.params.id));
    noticeFrom(req, { assessed: 'councils.assessment.done' });
    return reply.page(name, body, { breadcrumbs: [...crumbs(req), { text: name }] });
  });

  // The organisation's section «Общественный совет» (key public_council, path council).
  app.get<{ Params: { slug: string } }>('/orgs/:slug/council', async (req, reply) => {
    const { org, councils, main } = await getOrgCouncils(deps, req.params.slug);
    const orgName = req.locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
    const orgCrumbs = [
      { href: '/', text: req.t('ui.nav.home') },
      { href: '/orgs', text: req.t('orgs.list.title') },
      { href: `/orgs/${org.slug}`, text: orgName },
    ];
    if (!main)
      return reply.page(
        req.t('councils.org.choose'),
        <OrgCouncilsView orgName={orgName} councils={councils} />,
        {
          breadcrumbs: [...orgCrumbs, { text: req.t('councils.org.choose') }],
        },
      );
    const { name, body } = await councilPage(req, main.id);
    return reply.page(name, body, { breadcrumbs: [...orgCrumbs, { text: name }] });
  });
  // the section's address before this module served it
  app.get<{ Params: { slug: string } }>('/orgs/:slug/public-council', async (req, reply) =>
    reply.redirect(`/orgs/${encodeURIComponent(req.params.slug)}/council`, 301),
  );

  app.get<{ Params: IdParams }>('/councils/calls/:id', async (req, reply) => {
    const page = await getCallPage(deps, req.actor, idOrNotFound(req.params.id));
    noticeFrom(req, { applied: 'councils.apply.done' });
    return reply.page(page.call.titleRu, <CallView page={page} />, {
      breadcrumbs: [
        ...crumbs(req),
        { href: councilHref(page.council.id), text: councilName(page.council, req.locale) },
        { text: page.call.titleRu },
      ],
    });
  });

  const applyForm =
    (req: FastifyRequest, page: Awaited<ReturnType<typeof getCallPage>>): RenderForm =>
    (form) => ({
      title: req.t('councils.apply.title'),
      body: <ApplyView page={page} {...form} />,
      breadcrumbs: [
        ...crumbs(req),
        { href: callHref(page.call.id), text: page.call.titleRu },
        { text: req.t('councils.apply.title') },
      ],
    });

  app.get<{ Params: IdParams }>('/councils/calls/:id/apply', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const page = await getCallPage(deps, req.actor, idOrNotFound(req.params.id));
    return showForm(req, reply, applyForm(req, page), {
      fullName: req.actor.kind === 'user' ? req.actor.displayName : '',
    });
  });

  app.post<{ Params: IdParams }>('/councils/calls/:id/apply', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const page = await getCallPage(deps, req.actor, idOrNotFound(req.params.id));
    return handleForm(req, reply, {
      schema: applicationInput,
      render: applyForm(req, page),
      run: async (application) => {
        await applyToCall(deps, originOf(req), { callId: page.call.id, application });
        return `${callHref(page.call.id)}?notice=applied`;
      },
    });
  });

  const meetingForm =
    (req: FastifyRequest, page: Awaited<ReturnType<typeof getMeetingPage>>): RenderForm =>
    (form) => {
      const title = req.t('councils.meeting.title', {
        date: formatDateTime(page.meeting.startsAt, req.locale),
      });
      return {
        title,
        body: (
          <MeetingView
            page={page}
            signedIn={isSignedIn(req.actor)}
            signInHref={`/sign-in?next=${encodeURIComponent(meetingHref(page.meeting.id))}`}
            {...form}
          />
        ),
        breadcrumbs: [
          ...crumbs(req),
          { href: councilHref(page.council.id), text: councilName(page.council, req.locale) },
          { text: title },
        ],
      };
    };

  app.get<{ Params: IdParams }>('/councils/meetings/:id', async (req, reply) => {
    const page = await getMeetingPage(deps, req.actor, idOrNotFound(req.params.id));
    noticeFrom(req, { registered: 'councils.meeting.registered', cancelled: 'councils.meeting.cancelled' });
    if ((req.query as Record<string, unknown>).notice === 'waiting' && page.waitingPlace)
      req.flash = {
        kind: 'info',
        text: req.t('councils.meeting.waiting', { place: String(page.waitingPlace) }),
      };
    const { title, body, breadcrumbs } = await meetingForm(req, page)({ values: {}, errors: [] });
    return reply.page(title, body, { breadcrumbs: breadcrumbs ?? [] });
  });

  app.post<{ Params: IdParams }>('/councils/meetings/:id/register', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const page = await getMeetingPage(deps, req.actor, idOrNotFound(req.params.id));
    return handleForm(req, reply, {
      schema: registrationInput,
      render: meetingForm(req, page),
      run: async ({ kind }) => {
        const r = await registerToAttend(deps, originOf(req), { meetingId: page.meeting.id, kind });
        return `${meetingHref(page.meeting.id)}?notice=${r.status}`;
      },
    });
  });

  app.post<{ Params: IdParams }>('/councils/meetings/:id/cancel', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const id = idOrNotFound(req.params.id);
    await cancelRegistration(deps, originOf(req), { meetingId: id });
    return reply.redirect(`${meetingHref(id)}?notice=cancelled`, 303);
  });

  app.get<{ Params: IdParams }>('/councils/conclusions/:id', async (req, reply) => {
    const c = await repo.findConclusion(db, idOrNotFound(req.params.id));
    const council = c && (await repo.findCouncil(db, c.councilId));
    if (!c || !council) throw new NotFound('council_conclusion');
    const title = `${req.t(`councils.conclusion.kind.${c.kind}`)}: ${c.subjectTitle}`;
    const d = await getDiscussionForObject(db, CONCLUSION_OBJECT, c.id);
    const view = d ? await loadDiscussionView(deps, req.actor, d) : null;
    const discussion = view ? (
      <DiscussionSection view={view} />
    ) : (
      <p class="govuk-body">{req.t('councils.conclusion.discussionPending')}</p>
    );
    return reply.page(title, <ConclusionView c={c} council={council} discussion={discussion} />, {
      breadcrumbs: [
        ...crumbs(req),
        { href: councilHref(council.id), text: councilName(council, req.locale) },
        { text: title },
      ],
    });
  });

  const assessmentForm =
    (req: FastifyRequest, council: NonNullable<Awaited<ReturnType<typeof repo.findCouncil>>>): RenderForm =>
    (form) => ({
      title: req.t('councils.assessment.form.title'),
      body: (
        <AssessmentFormView
          council={council}
          action={`/councils/${council.id}/assessment`}
          title={req.t('councils.assessment.form.title')}
          {...form}
        />
      ),
      breadcrumbs: [
        ...crumbs(req),
        { href: councilHref(council.id), text: councilName(council, req.locale) },
        { text: req.t('councils.assessment.form.title') },
      ],
    });

  app.get<{ Params: IdParams }>('/councils/:id/assessment', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const council = await repo.findCouncil(db, idOrNotFound(req.params.id));
    if (!council) throw new NotFound('council');
    return showForm(req, reply, assessmentForm(req, council), {
      year: String(deps.clock.now().getFullYear() - 1),
    });
  });

  app.post<{ Params: IdParams }>('/councils/:id/assessment', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const council = await repo.findCouncil(db, idOrNotFound(req.params.id));
    if (!council) throw new NotFound('council');
    return handleForm(req, reply, {
      schema: assessmentInput,
      render: assessmentForm(req, council),
      run: async (assessment) => {
        await submitAssessment(deps, originOf(req), { councilId: council.id, kind: 'expert', assessment });
        return `${councilHref(council.id)}?notice=assessed`;
      },
    });
  });
}
