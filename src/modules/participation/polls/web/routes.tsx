import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../../platform/audit/index.ts';
import { type Actor, isSignedIn } from '../../../../platform/authz/index.ts';
import { NotFound } from '../../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../../platform/http/form-page.ts';
import { findUserContact } from '../../../accounts/index.ts';
import { findOrganizationBySlug, listAllOrganizations, type OrgRow } from '../../../orgs/index.ts';
import { answerSurvey, getSurvey, listSurveys } from '../answer-survey.ts';
import { getPoll, getPollForStaff, listPolls, listPollsForStaff } from '../get-poll.ts';
import { pollInput, questionInput, surveyInput, voteInput } from '../polls.input.ts';
import { pollsPolicy } from '../polls.policy.ts';
import { pollsRepository } from '../polls.repository.ts';
import { savePoll } from '../save-poll.ts';
import { addSurveyQuestion, removeSurveyQuestion, saveSurvey } from '../save-survey.ts';
import { surveyAnswersSchema } from '../survey-answers.ts';
import { exportSurveyAnswers, getSurveyResults } from '../survey-results.ts';
import { voteInPoll } from '../vote-in-poll.ts';
import {
  orgName,
  PollFormView,
  PollListView,
  PollPageView,
  PollsManageView,
  pollValues,
} from './poll-pages.tsx';
import {
  SurveyEditView,
  SurveyListBlock,
  SurveyPageView,
  SurveySettingsForm,
  SurveysManageView,
  surveyValues,
} from './survey-pages.tsx';

type IdParams = { id: string };

const NOTICES: Record<string, string> = {
  recorded: 'polls.vote.recorded',
  changed: 'polls.vote.changed',
  saved: 'polls.manage.saved',
  surveySaved: 'surveys.manage.saved',
  questionAdded: 'surveys.manage.questionAdded',
  questionRemoved: 'surveys.manage.questionRemoved',
  answered: 'surveys.thanks',
};

function noticeFrom(req: FastifyRequest): void {
  const key = (req.query as Record<string, unknown> | undefined)?.notice;
  if (typeof key === 'string' && Object.hasOwn(NOTICES, key)) {
    req.flash = { kind: 'success', text: req.t(NOTICES[key] as string) };
  }
}

function redirectToSignIn(req: FastifyRequest, reply: FastifyReply, next = req.url): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
  return true;
}

/** Polls and surveys: public pages, voting and answering, and the staff pages under /manage. */
export async function pollsWeb(app: FastifyInstance) {
  const deps = app.deps;
  const { db } = deps;
  const orgMap = async () => new Map((await listAllOrganizations(db)).map((o) => [o.id, o]));
  const managedOrgs = async (actor: Actor): Promise<OrgRow[]> => {
    const ids = pollsPolicy.managedOrgIds(actor);
    const all = await listAllOrganizations(db);
    return ids === 'all' ? all : all.filter((o) => ids.includes(o.id));
  };
  const municipalities = async () => (await listAllOrganizations(db)).filter((o) => o.level === 'municipal');
  const home = (req: FastifyRequest) => ({ href: '/', text: req.t('ui.nav.home') });
  const pollsCrumb = (req: FastifyRequest) => ({ href: '/polls', text: req.t('polls.title') });
  const manageCrumbs = (req: FastifyRequest) => [
    home(req),
    { href: '/manage', text: req.t('ui.nav.manage') },
  ];

  // public pages

  app.get('/polls', async (req, reply) => {
    // ?topic=opendata_priorities: the polls on what open data to publish first (task 10.3)
    const topic =
      (req.query as Record<string, unknown>).topic === 'opendata_priorities'
        ? 'opendata_priorities'
        : undefined;
    const [polls, surveys, orgs] = await Promise.all([
      listPolls(deps, topic ? { topic } : {}),
      listSurveys(deps, {}),
      orgMap(),
    ]);
    return reply.page(
      req.t('polls.title'),
      <PollListView
        items={polls}
        orgs={orgs}
        heading={req.t('polls.title')}
        surveysBlock={<SurveyListBlock items={surveys} orgs={orgs} />}
      />,
      { breadcrumbs: [home(req), { text: req.t('polls.title') }] },
    );
  });

  app.get<{ Params: { slug: string } }>('/orgs/:slug/polls', async (req, reply) => {
    const org = await findOrganizationBySlug(db, req.params.slug);
    if (!org) throw new NotFound('organization');
    const [polls, surveys] = await Promise.all([
      listPolls(deps, { orgId: org.id }),
      listSurveys(deps, { orgId: org.id }),
    ]);
    const orgs = new Map([[org.id, org]]);
    const name = orgName(org, req.locale);
    return reply.page(
      `${req.t('polls.title')}: ${name}`,
      <PollListView
        items={polls}
        orgs={orgs}
        heading={req.t('polls.title')}
        surveysBlock={<SurveyListBlock items={surveys} orgs={orgs} />}
      />,
      {
        breadcrumbs: [
          home(req),
          { href: '/orgs', text: req.t('orgs.list.title') },
          { href: `/orgs/${org.slug}`, text: name },
          { text: req.t('polls.title') },
        ],
      },
    );
  });

  const pollForm =
    (req: FastifyRequest, id: string): RenderForm =>
    async (form) => {
      const view = await getPoll(deps, req.actor, id);
      const orgs = await orgMap();
      return {
        title: view.poll.question,
        body: (
          <PollPageView
            view={view}
            org={orgs.get(view.poll.orgId)}
            residentsOrg={view.poll.residentsOrgId ? orgs.get(view.poll.residentsOrgId) : undefined}
            municipalities={
              view.asksResidence ? [...orgs.values()].filter((o) => o.level === 'municipal') : []
            }
            signInHref={`/sign-in?next=${encodeURIComponent(`/polls/${id}`)}`}
            {...form}
          />
        ),
        breadcrumbs: [home(req), pollsCrumb(req), { text: view.poll.question }],
      };
    };

  app.get<{ Params: IdParams }>('/polls/:id', async (req, reply) => {
    noticeFrom(req);
    // an unknown poll, or a draft for someone who does not run it: getPoll's NotFound is the 404 page
    return showForm(req, reply, pollForm(req, req.params.id));
  });

  app.post<{ Params: IdParams }>('/polls/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply, `/polls/${req.params.id}`)) return reply;
    const id = req.params.id;
    return handleForm(req, reply, {
      schema: voteInput,
      render: pollForm(req, id),
      conflictField: 'choice',
      run: async (vote) => {
        const change = (req.body as Record<string, unknown>).change === 'yes';
        const outcome = await voteInPoll(deps, originOf(req), { pollId: id, vote, change });
        return `/polls/${id}?notice=${outcome}#results-heading`;
      },
    });
  });

  const surveyForm =
    (req: FastifyRequest, id: string): RenderForm =>
    async (form) => {
      const view = await getSurvey(deps, req.actor, id);
      const orgs = await orgMap();
      return {
        title: view.survey.title,
        body: (
          <SurveyPageView
            view={view}
            org={orgs.get(view.survey.orgId)}
            signedIn={isSignedIn(req.actor)}
            signInHref={`/sign-in?next=${encodeURIComponent(`/surveys/${id}`)}`}
            {...form}
          />
        ),
        breadcrumbs: [home(req), pollsCrumb(req), { text: view.survey.title }],
      };
    };

  app.get<{ Params: IdParams }>('/surveys/:id', async (req, reply) => {
    noticeFrom(req);
    return showForm(req, reply, surveyForm(req, req.params.id));
  });

  app.post<{ Params: IdParams }>('/surveys/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply, `/surveys/${req.params.id}`)) return reply;
    const id = req.params.id;
    const { survey } = await getSurvey(deps, req.actor, id);
    return handleForm(req, reply, {
      schema: surveyAnswersSchema(survey.questions),
      render: surveyForm(req, id),
      run: async (answers) => {
        await answerSurvey(deps, originOf(req), { surveyId: id, answers });
        return `/surveys/${id}?notice=answered`;
      },
    });
  });

  // staff: polls

  app.get('/manage/polls', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const [polls, orgs] = await Promise.all([listPollsForStaff(deps, req.actor), orgMap()]);
    return reply.page(req.t('polls.manage.title'), <PollsManageView polls={polls} orgs={orgs} />, {
      breadcrumbs: [...manageCrumbs(req), { text: req.t('polls.manage.title') }],
    });
  });

  const pollEditForm =
    (req: FastifyRequest, pollId: string | null): RenderForm =>
    async (form) => {
      const poll = pollId ? await getPollForStaff(deps, req.actor, pollId) : null;
      const title = poll ? poll.question : req.t('polls.manage.new');
      return {
        title,
        body: (
          <PollFormView
            poll={poll}
            orgs={await managedOrgs(req.actor)}
            municipalities={await municipalities()}
            {...form}
          />
        ),
        breadcrumbs: [
          ...manageCrumbs(req),
          { href: '/manage/polls', text: req.t('polls.manage.title') },
          { text: title },
        ],
      };
    };

  app.get('/manage/polls/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    if (!pollsPolicy.canManageAny(req.actor)) throw new NotFound('poll');
    return showForm(req, reply, pollEditForm(req, null), {
      results: 'after_close',
      eligibility: 'signed_in',
    });
  });

  app.post('/manage/polls/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    if (!pollsPolicy.canManageAny(req.actor)) throw new NotFound('poll');
    return handleForm(req, reply, {
      schema: pollInput,
      render: pollEditForm(req, null),
      run: async (poll) => {
        const row = await savePoll(deps, originOf(req), { poll });
        return `/manage/polls/${row.id}?notice=saved`;
      },
    });
  });

  app.get<{ Params: IdParams }>('/manage/polls/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    noticeFrom(req);
    const poll = await getPollForStaff(deps, req.actor, req.params.id);
    return showForm(req, reply, pollEditForm(req, poll.id), pollValues(poll));
  });

  app.post<{ Params: IdParams }>('/manage/polls/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const poll = await getPollForStaff(deps, req.actor, req.params.id);
    return handleForm(req, reply, {
      schema: pollInput,
      input: (body) => ({ ...body, orgId: poll.orgId }),
      render: pollEditForm(req, poll.id),
      conflictField: 'options',
      run: async (input) => {
        await savePoll(deps, originOf(req), { id: poll.id, poll: input });
        return `/manage/polls/${poll.id}?notice=saved`;
      },
    });
  });

  // staff: surveys

  app.get('/manage/surveys', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const [surveys, orgs] = await Promise.all([
      pollsRepository.surveysOf(db, pollsPolicy.managedOrgIds(req.actor)),
      orgMap(),
    ]);
    return reply.page(req.t('surveys.manage.title'), <SurveysManageView surveys={surveys} orgs={orgs} />, {
      breadcrumbs: [...manageCrumbs(req), { text: req.t('surveys.manage.title') }],
    });
  });

  const surveysCrumb = (req: FastifyRequest) => ({
    href: '/manage/surveys',
    text: req.t('surveys.manage.title'),
  });

  const newSurveyForm =
    (req: FastifyRequest): RenderForm =>
    async (form) => ({
      title: req.t('surveys.manage.new'),
      body: (
        <>
          <h1 class="govuk-heading-xl">{req.t('surveys.manage.new')}</h1>
          <SurveySettingsForm survey={null} orgs={await managedOrgs(req.actor)} {...form} />
        </>
      ),
      breadcrumbs: [...manageCrumbs(req), surveysCrumb(req), { text: req.t('surveys.manage.new') }],
    });

  app.get('/manage/surveys/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    if (!pollsPolicy.canManageAny(req.actor)) throw new NotFound('survey');
    return showForm(req, reply, newSurveyForm(req), { anonymous: 'yes' });
  });

  app.post('/manage/surveys/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    if (!pollsPolicy.canManageAny(req.actor)) throw new NotFound('survey');
    return handleForm(req, reply, {
      schema: surveyInput,
      render: newSurveyForm(req),
      run: async (survey) => {
        const row = await saveSurvey(deps, originOf(req), { survey });
        return `/manage/surveys/${row.id}?notice=surveySaved`;
      },
    });
  });

  /** The survey's page for staff; `part` says which of its two forms the state belongs to. */
  const surveyEditForm =
    (req: FastifyRequest, id: string, part: 'settings' | 'question'): RenderForm =>
    async (form) => {
      const results = await getSurveyResults(deps, req.actor, id);
      const survey = results.survey;
      const none = { values: {}, errors: [] };
      const settings = part === 'settings' ? form : { ...none, values: surveyValues(survey) };
      const question = part === 'question' ? form : { values: { scaleMax: '5' }, errors: [] };
      return {
        title: survey.title,
        body: (
          <SurveyEditView
            survey={survey}
            orgs={await listAllOrganizations(db)}
            results={results}
            values={settings.values}
            errors={settings.errors}
            questionValues={question.values}
            questionErrors={question.errors}
          />
        ),
        breadcrumbs: [...manageCrumbs(req), surveysCrumb(req), { text: survey.title }],
      };
    };

  app.get<{ Params: IdParams }>('/manage/surveys/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    noticeFrom(req);
    const { survey } = await getSurveyResults(deps, req.actor, req.params.id);
    return showForm(req, reply, surveyEditForm(req, survey.id, 'settings'), surveyValues(survey));
  });

  app.post<{ Params: IdParams }>('/manage/surveys/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { survey } = await getSurveyResults(deps, req.actor, req.params.id);
    return handleForm(req, reply, {
      schema: surveyInput,
      input: (body) => ({ ...body, orgId: survey.orgId }),
      render: surveyEditForm(req, survey.id, 'settings'),
      conflictField: 'anonymous',
      run: async (input) => {
        await saveSurvey(deps, originOf(req), { id: survey.id, survey: input });
        return `/manage/surveys/${survey.id}?notice=surveySaved`;
      },
    });
  });

  app.post<{ Params: IdParams }>('/manage/surveys/:id/questions', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { survey } = await getSurveyResults(deps, req.actor, req.params.id);
    return handleForm(req, reply, {
      schema: questionInput,
      render: surveyEditForm(req, survey.id, 'question'),
      conflictField: 'text',
      run: async (question) => {
        await addSurveyQuestion(deps, originOf(req), { surveyId: survey.id, question });
        return `/manage/surveys/${survey.id}?notice=questionAdded#questions`;
      },
    });
  });

  app.post<{ Params: IdParams & { key: string } }>(
    '/manage/surveys/:id/questions/:key/delete',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      await removeSurveyQuestion(deps, originOf(req), { surveyId: req.params.id, key: req.params.key });
      return reply.redirect(`/manage/surveys/${req.params.id}?notice=questionRemoved`, 303);
    },
  );

  const names = async (ids: string[]) => {
    const people = await Promise.all(ids.map((id) => findUserContact(db, id)));
    return new Map(people.filter((p) => p !== undefined).map((p) => [p.id, p.displayName]));
  };
  for (const format of ['csv', 'xlsx'] as const) {
    app.get<{ Params: IdParams }>(`/manage/surveys/:id/answers.${format}`, async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const { survey, body } = await exportSurveyAnswers(deps, req.actor, {
        id: req.params.id,
        format,
        names,
      });
      return reply
        .header('cache-control', 'no-store')
        .header(
          'content-type',
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header(
          'content-disposition',
          `attachment; filename="survey-${survey.id.slice(0, 8)}-answers.${format}"`,
        )
        .send(body);
    });
  }
}
