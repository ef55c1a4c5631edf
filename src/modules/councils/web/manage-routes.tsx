import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf } from '../../../platform/audit/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { addCouncilMember } from '../add-council-member.ts';
import { announceMeeting } from '../announce-meeting.ts';
import { askPoolOpinion } from '../ask-pool-opinion.ts';
import { checkApplication } from '../check-application.ts';
import { idOrNotFound } from '../council-access.ts';
import {
  assessmentInput,
  callInput,
  checkApplicationInput,
  conclusionInput,
  councilInput,
  decisionReportInput,
  endMembershipInput,
  foldAgenda,
  foldCriteria,
  foldProtocol,
  meetingInput,
  memberInput,
  opinionRequestInput,
  protocolInput,
  publishSelectionInput,
} from '../councils.input.ts';
import { councilsRepository } from '../councils.repository.ts';
import { createCouncil } from '../create-council.ts';
import { endCouncilMembership } from '../end-council-membership.ts';
import { getCallForStaff } from '../get-call-page.ts';
import { getMeetingForStaff } from '../get-meeting-page.ts';
import { getCouncilForStaff, listCouncilsForStaff } from '../list-councils-for-staff.ts';
import { openCall } from '../open-call.ts';
import { publishConclusion } from '../publish-conclusion.ts';
import { publishProtocol } from '../publish-protocol.ts';
import { publishSelection } from '../publish-selection.ts';
import { reportOnDecision } from '../report-on-decision.ts';
import { submitAssessment } from '../submit-assessment.ts';
import { updateCouncil } from '../update-council.ts';
import { councilName, noticeFrom, redirectToSignIn } from './common.tsx';
import {
  CallFormView,
  COUNCIL_FIELDS,
  ConclusionFormView,
  EndMemberView,
  ManageCouncilView,
  ManageListView,
  MeetingFormView,
  MemberFormView,
  NewCouncilView,
  OpinionRequestFormView,
  StaffCallView,
  StaffMeetingView,
} from './manage-views.tsx';
import { AssessmentFormView } from './public-views.tsx';

type IdParams = { id: string };
const notices = {
  saved: 'councils.manage.saved',
  published: 'councils.manage.published',
  asked: 'councils.manage.asked',
  assessed: 'councils.assessment.done',
};

/** The staff pages under /manage/councils. */
export async function councilsManageRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const crumbs = (req: FastifyRequest) => [
    { href: '/manage', text: req.t('ui.nav.manage') },
    { href: '/manage/councils', text: req.t('councils.manage.title') },
  ];
  type Loaded = Awaited<ReturnType<typeof getCouncilForStaff>>;
  const councilCrumbs = (req: FastifyRequest, c: Loaded['council']) => [
    ...crumbs(req),
    { href: `/manage/councils/${c.id}`, text: councilName(c, req.locale) },
  ];
  const load = (req: FastifyRequest<{ Params: IdParams }>) =>
    getCouncilForStaff(deps, req.actor, idOrNotFound(req.params.id));

  app.get('/manage/councils', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { councils, orgs } = await listCouncilsForStaff(deps, req.actor);
    return reply.page(
      req.t('councils.manage.title'),
      <ManageListView councils={councils} canCreate={orgs.length > 0} />,
      {
        breadcrumbs: [
          { href: '/manage', text: req.t('ui.nav.manage') },
          { text: req.t('councils.manage.title') },
        ],
      },
    );
  });

  const newForm =
    (req: FastifyRequest, orgs: Awaited<ReturnType<typeof listCouncilsForStaff>>['orgs']): RenderForm =>
    (form) => ({
      title: req.t('councils.manage.new'),
      body: <NewCouncilView orgs={orgs} {...form} />,
      breadcrumbs: [...crumbs(req), { text: req.t('councils.manage.new') }],
    });
  app.get('/manage/councils/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { orgs } = await listCouncilsForStaff(deps, req.actor);
    return showForm(req, reply, newForm(req, orgs), { kind: 'public_council' });
  });
  app.post('/manage/councils/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { orgs } = await listCouncilsForStaff(deps, req.actor);
    return handleForm(req, reply, {
      schema: councilInput.extend({
        orgSlug: z.string({ error: 'councils.err.org' }).min(1, 'councils.err.org'),
      }),
      render: newForm(req, orgs),
      run: async ({ orgSlug, ...council }) => {
        const row = await createCouncil(deps, originOf(req), { orgSlug, council });
        return `/manage/councils/${row.id}?notice=saved`;
      },
    });
  });

  const councilForm =
    (req: FastifyRequest, l: Loaded): RenderForm =>
    (form) => ({
      title: councilName(l.council, req.locale),
      body: (
        <ManageCouncilView
          council={l.council}
          members={l.members}
          calls={l.calls}
          meetings={l.meetings}
          conclusions={l.conclusions}
          opinions={l.opinions}
          {...form}
        />
      ),
      breadcrumbs: [...crumbs(req), { text: councilName(l.council, req.locale) }],
    });
  app.get<{ Params: IdParams }>('/manage/councils/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const l = await load(req);
    noticeFrom(req, notices);
    const values = Object.fromEntries(COUNCIL_FIELDS.map((f) => [f, String(l.council[f] ?? '')]));
    return showForm(req, reply, councilForm(req, l), values);
  });
  app.post<{ Params: IdParams }>('/manage/councils/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const l = await load(req);
    return handleForm(req, reply, {
      schema: councilInput,
      render: councilForm(req, l),
      run: async (council) => {
        await updateCouncil(deps, originOf(req), { councilId: l.council.id, council });
        return `/manage/councils/${l.council.id}?notice=saved`;
      },
    });
  });

  // A form page of one council: GET shows it, POST runs the use case and returns to the council.
  function councilFormPage<S extends z.ZodType>(
    path: string,
    opts: {
      title: string;
      view: (
        l: Loaded,
        form: { values: Record<string, string>; errors: { field: string; message: string }[] },
        req: FastifyRequest,
      ) => preact.VNode;
      schema: S;
      input?: (body: Record<string, unknown>) => unknown;
      start?: (l: Loaded) => Record<string, string>;
      run: (req: FastifyRequest, l: Loaded, data: z.infer<S>) => Promise<string>;
    },
  ) {
    const render =
      (req: FastifyRequest, l: Loaded): RenderForm =>
      (form) => ({
        title: req.t(opts.title),
        body: opts.view(l, form, req),
        breadcrumbs: [...councilCrumbs(req, l.council), { text: req.t(opts.title) }],
      });
    app.get<{ Params: IdParams }>(`/manage/councils/:id/${path}`, async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const l = await load(req);
      return showForm(req, reply, render(req, l), opts.start?.(l) ?? {});
    });
    app.post<{ Params: IdParams }>(`/manage/councils/:id/${path}`, async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const l = await load(req);
      return handleForm(req, reply, {
        schema: opts.schema,
        render: render(req, l),
        ...(opts.input ? { input: opts.input } : {}),
        run: (data) => opts.run(req, l, data),
      });
    });
  }

  councilFormPage('members/new', {
    title: 'councils.manage.addMember',
    view: (l, form) => <MemberFormView council={l.council} {...form} />,
    schema: memberInput,
    start: () => ({ position: 'member' }),
    run: async (req, l, member) => {
      await addCouncilMember(deps, originOf(req), { councilId: l.council.id, member });
      return `/manage/councils/${l.council.id}?notice=saved#members`;
    },
  });

  // ending a membership names the member in the address
  const endRender =
    (req: FastifyRequest, l: Loaded, memberId: string): RenderForm =>
    (form) => {
      const member = l.members.find((m) => m.id === memberId);
      if (!member) throw new NotFound('council_member');
      return {
        title: req.t('councils.manage.endMember'),
        body: <EndMemberView council={l.council} member={member} {...form} />,
        breadcrumbs: [...councilCrumbs(req, l.council), { text: req.t('councils.manage.endMember') }],
      };
    };
  app.get<{ Params: IdParams & { memberId: string } }>(
    '/manage/councils/:id/members/:memberId/end',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const l = await load(req);
      return showForm(req, reply, endRender(req, l, idOrNotFound(req.params.memberId)));
    },
  );
  app.post<{ Params: IdParams & { memberId: string } }>(
    '/manage/councils/:id/members/:memberId/end',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const l = await load(req);
      const memberId = idOrNotFound(req.params.memberId);
      return handleForm(req, reply, {
        schema: endMembershipInput,
        render: endRender(req, l, memberId),
        conflictField: 'endedOn',
        run: async (input) => {
          await endCouncilMembership(deps, originOf(req), { councilId: l.council.id, memberId, ...input });
          return `/manage/councils/${l.council.id}?notice=saved#members`;
        },
      });
    },
  );

  councilFormPage('calls/new', {
    title: 'councils.manage.newCall',
    view: (l, form) => <CallFormView council={l.council} {...form} />,
    schema: callInput,
    input: foldCriteria,
    start: () => ({ scaleMax: '10' }),
    run: async (req, l, call) => {
      const row = await openCall(deps, originOf(req), { councilId: l.council.id, call });
      return `/manage/councils/calls/${row.id}`;
    },
  });

  councilFormPage('meetings/new', {
    title: 'councils.manage.newMeeting',
    view: (l, form) => <MeetingFormView council={l.council} {...form} />,
    schema: meetingInput,
    input: foldAgenda,
    start: () => ({ time: '15:00', capacity: '20' }),
    run: async (req, l, meeting) => {
      const row = await announceMeeting(deps, originOf(req), { councilId: l.council.id, meeting });
      return `/manage/councils/meetings/${row.id}`;
    },
  });

  councilFormPage('conclusions/new', {
    title: 'councils.manage.newConclusion',
    view: (l, form) => <ConclusionFormView council={l.council} {...form} />,
    schema: conclusionInput,
    start: () => ({ year: String(deps.clock.now().getFullYear()) }),
    run: async (req, l, conclusion) => {
      const row = await publishConclusion(deps, originOf(req), { councilId: l.council.id, conclusion });
      return `/councils/conclusions/${row.id}`;
    },
  });

  councilFormPage('opinions/new', {
    title: 'councils.manage.askOpinion',
    view: (l, form) => <OpinionRequestFormView council={l.council} pool={l.pool} {...form} />,
    schema: opinionRequestInput,
    run: async (req, l, input) => {
      await askPoolOpinion(deps, originOf(req), { councilId: l.council.id, ...input });
      return `/manage/councils/${l.council.id}?notice=asked#pool`;
    },
  });

  councilFormPage('assessment', {
    title: 'councils.assessment.self',
    view: (l, form, req) => (
      <AssessmentFormView
        council={l.council}
        action={`/manage/councils/${l.council.id}/assessment`}
        title={req.t('councils.assessment.self')}
        {...form}
      />
    ),
    schema: assessmentInput,
    start: () => ({ year: String(deps.clock.now().getFullYear() - 1) }),
    run: async (req, l, assessment) => {
      await submitAssessment(deps, originOf(req), { councilId: l.council.id, kind: 'self', assessment });
      return `/manage/councils/${l.council.id}?notice=assessed`;
    },
  });

  // A call: check applications, follow the scoring, publish the results.
  const callForm =
    (req: FastifyRequest, page: Awaited<ReturnType<typeof getCallForStaff>>): RenderForm =>
    (form) => ({
      title: page.call.titleRu,
      body: <StaffCallView page={page} {...form} />,
      breadcrumbs: [...councilCrumbs(req, page.council), { text: page.call.titleRu }],
    });
  const loadCall = (req: FastifyRequest<{ Params: IdParams }>) =>
    getCallForStaff(deps, req.actor, idOrNotFound(req.params.id));
  app.get<{ Params: IdParams }>('/manage/councils/calls/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const page = await loadCall(req);
    noticeFrom(req, notices);
    return showForm(req, reply, callForm(req, page));
  });
  app.post<{ Params: IdParams & { applicationId: string } }>(
    '/manage/councils/calls/:id/applications/:applicationId/check',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const page = await loadCall(req);
      const applicationId = idOrNotFound(req.params.applicationId);
      if (!page.applications.some((a) => a.id === applicationId)) throw new NotFound('council_application');
      return handleForm(req, reply, {
        schema: checkApplicationInput,
        render: callForm(req, page),
        run: async (input) => {
          await checkApplication(deps, originOf(req), { applicationId, ...input });
          return `/manage/councils/calls/${page.call.id}?notice=saved`;
        },
      });
    },
  );
  app.post<{ Params: IdParams }>('/manage/councils/calls/:id/publish', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const page = await loadCall(req);
    return handleForm(req, reply, {
      schema: publishSelectionInput,
      render: callForm(req, page),
      run: async ({ decisionRu }) => {
        await publishSelection(deps, originOf(req), { callId: page.call.id, decisionRu });
        return `/councils/calls/${page.call.id}`;
      },
    });
  });

  // A meeting: registrations, the protocol with votes, reports on decisions.
  const meetingForm =
    (req: FastifyRequest, page: Awaited<ReturnType<typeof getMeetingForStaff>>): RenderForm =>
    (form) => ({
      title: req.t('councils.manage.protocol'),
      body: <StaffMeetingView page={page} {...form} />,
      breadcrumbs: [...councilCrumbs(req, page.council), { text: req.t('councils.manage.protocol') }],
    });
  const loadMeeting = (req: FastifyRequest<{ Params: IdParams }>) =>
    getMeetingForStaff(deps, req.actor, idOrNotFound(req.params.id));
  app.get<{ Params: IdParams }>('/manage/councils/meetings/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const page = await loadMeeting(req);
    noticeFrom(req, notices);
    return showForm(req, reply, meetingForm(req, page));
  });
  app.post<{ Params: IdParams }>('/manage/councils/meetings/:id/protocol', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const page = await loadMeeting(req);
    return handleForm(req, reply, {
      schema: protocolInput,
      render: meetingForm(req, page),
      input: (body) => foldProtocol(body, page.members),
      run: async (protocol) => {
        await publishProtocol(deps, originOf(req), { meetingId: page.meeting.id, protocol });
        return `/councils/meetings/${page.meeting.id}`;
      },
    });
  });
  app.post<{ Params: IdParams }>('/manage/councils/decisions/:id/report', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const decisionId = idOrNotFound(req.params.id);
    return handleForm(req, reply, {
      schema: decisionReportInput,
      render: async (form) => {
        const { meetingId } = await decisionMeeting(decisionId);
        const page = await getMeetingForStaff(deps, req.actor, meetingId);
        return meetingForm(req, page)(form);
      },
      run: async ({ reportRu }) => {
        const { meetingId } = await reportOnDecision(deps, originOf(req), { decisionId, reportRu });
        return `/manage/councils/meetings/${meetingId}?notice=saved`;
      },
    });
  });
  const decisionMeeting = async (decisionId: string) => {
    const d = await councilsRepository.findDecision(deps.db, decisionId);
    if (!d) throw new NotFound('council_decision');
    return { meetingId: d.meetingId };
  };
}
