import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../../platform/audit/index.ts';
import { NotFound } from '../../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../../platform/http/form-page.ts';
import {
  findOrganizationById,
  findOrganizationBySlug,
  findOrganizationsByIds,
  listAllOrganizations,
  listResponsibleOfficials,
  type OrgRow,
} from '../../../orgs/index.ts';
import { answerQuestion } from '../answer-question.ts';
import { askQuestion } from '../ask-question.ts';
import { answerInput, consultationInput, hideInput, questionInput } from '../consult.input.ts';
import { consultPolicy } from '../consult.policy.ts';
import { consultRepository } from '../consult.repository.ts';
import {
  consultationsForMember,
  getConsultation,
  getConsultationForStaff,
  listConsultations,
  listConsultationsForStaff,
} from '../get-consultations.ts';
import { hideQuestion } from '../hide-question.ts';
import { scheduleConsultation } from '../schedule-consultation.ts';
import { noticeFrom, orgName, redirectToSignIn } from './common.tsx';
import {
  AnswerFormView,
  ConsultationFormView,
  ConsultationsListView,
  ConsultationView,
  ManageConsultationsView,
} from './consultation-views.tsx';

type IdParams = { id: string };
type QParams = { id: string; qid: string };

const notices = {
  asked: 'consult.notice.asked',
  scheduled: 'consult.notice.scheduled',
  answered: 'consult.notice.answered',
  hidden: 'consult.notice.hidden',
};

async function orgMap(db: FastifyInstance['deps']['db'], ids: string[]) {
  return new Map((await findOrganizationsByIds(db, [...new Set(ids)])).map((o) => [o.id, o]));
}

/** Consultations (task 8.5): the public list, a body's list, a consultation's page; staff pages under /manage. */
export async function consultationsWeb(app: FastifyInstance) {
  const { deps } = app;
  const { db } = deps;
  const home = (req: FastifyRequest) => ({ href: '/', text: req.t('ui.nav.home') });
  const listCrumb = (req: FastifyRequest) => ({ href: '/consultations', text: req.t('consult.list.title') });
  const manageCrumbs = (req: FastifyRequest) => [
    { href: '/manage', text: req.t('ui.nav.manage') },
    { href: '/manage/consultations', text: req.t('consult.manage.title') },
  ];

  const forYou = (req: FastifyRequest, orgId: string | null) =>
    consultationsForMember(deps, req.actor, orgId);

  app.get('/consultations', async (req, reply) => {
    const [items, mine] = await Promise.all([listConsultations(deps, null), forYou(req, null)]);
    const orgs = await orgMap(
      db,
      [...items, ...mine].map((c) => c.orgId),
    );
    return reply.page(
      req.t('consult.list.title'),
      <ConsultationsListView items={items} forYou={mine} orgs={orgs} now={deps.clock.now()} org={null} />,
      { breadcrumbs: [home(req), { text: req.t('consult.list.title') }] },
    );
  });

  app.get<{ Params: { slug: string } }>('/orgs/:slug/consultations', async (req, reply) => {
    const org = await findOrganizationBySlug(db, req.params.slug);
    if (!org) throw new NotFound('organization');
    const [items, mine] = await Promise.all([listConsultations(deps, org.id), forYou(req, org.id)]);
    const name = orgName(org, req.locale);
    return reply.page(
      `${req.t('consult.list.title')}: ${name}`,
      <ConsultationsListView
        items={items}
        forYou={mine}
        orgs={new Map([[org.id, org]])}
        now={deps.clock.now()}
        org={org}
      />,
      {
        breadcrumbs: [
          home(req),
          { href: `/orgs/${org.slug}`, text: name },
          { text: req.t('consult.list.title') },
        ],
      },
    );
  });

  const consultationForm =
    (req: FastifyRequest, id: string): RenderForm =>
    async (form) => {
      const { consultation, questions } = await getConsultation(deps, id);
      const org = await findOrganizationById(db, consultation.orgId);
      return {
        title: consultation.topic,
        body: (
          <ConsultationView
            c={consultation}
            org={org}
            questions={questions}
            now={deps.clock.now()}
            staff={consultPolicy.canRun(req.actor, consultation.orgId)}
            {...form}
          />
        ),
        breadcrumbs: [home(req), listCrumb(req), { text: consultation.topic }],
      };
    };

  app.get<{ Params: IdParams }>('/consultations/:id', async (req, reply) => {
    noticeFrom(req, notices);
    return showForm(req, reply, consultationForm(req, req.params.id));
  });

  app.post<{ Params: IdParams }>('/consultations/:id/questions', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { consultation } = await getConsultation(deps, req.params.id);
    return handleForm(req, reply, {
      schema: questionInput,
      render: consultationForm(req, consultation.id),
      run: async ({ body }) => {
        const q = await askQuestion(deps, originOf(req), { consultationId: consultation.id, body });
        return `/consultations/${consultation.id}?notice=asked#q-${q.id}`;
      },
    });
  });

  // Staff pages

  app.get('/manage/consultations', async (req, reply) => {
    const items = await listConsultationsForStaff(deps, req.actor);
    const orgs = await orgMap(
      db,
      items.map((c) => c.orgId),
    );
    return reply.page(
      req.t('consult.manage.title'),
      <ManageConsultationsView items={items} orgs={orgs} now={deps.clock.now()} />,
      {
        breadcrumbs: [
          { href: '/manage', text: req.t('ui.nav.manage') },
          { text: req.t('consult.manage.title') },
        ],
      },
    );
  });

  const runOrgs = async (req: FastifyRequest): Promise<OrgRow[]> => {
    const ids = consultPolicy.runOrgIds(req.actor);
    const all = await listAllOrganizations(db);
    return ids === 'all' ? all : all.filter((o) => ids.includes(o.id));
  };

  const newForm =
    (req: FastifyRequest, orgs: OrgRow[]): RenderForm =>
    async (form) => {
      const officials = (
        await Promise.all(orgs.slice(0, 50).map((o) => listResponsibleOfficials(db, o.id)))
      ).flat();
      return {
        title: req.t('consult.manage.new'),
        body: <ConsultationFormView orgs={orgs} officials={officials} {...form} />,
        breadcrumbs: [...manageCrumbs(req), { text: req.t('consult.manage.new') }],
      };
    };

  app.get('/manage/consultations/new', async (req, reply) => {
    await listConsultationsForStaff(deps, req.actor); // the access check
    const orgs = await runOrgs(req);
    return showForm(
      req,
      reply,
      newForm(req, orgs),
      orgs.length === 1 ? { orgId: (orgs[0] as OrgRow).id } : {},
    );
  });

  app.post('/manage/consultations/new', async (req, reply) => {
    await listConsultationsForStaff(deps, req.actor);
    const orgs = await runOrgs(req);
    return handleForm(req, reply, {
      schema: consultationInput,
      render: newForm(req, orgs),
      run: async (input) => {
        const c = await scheduleConsultation(deps, originOf(req), input);
        return `/manage/consultations/${c.id}?notice=scheduled`;
      },
    });
  });

  app.get<{ Params: IdParams }>('/manage/consultations/:id', async (req, reply) => {
    noticeFrom(req, notices);
    const { consultation, questions } = await getConsultationForStaff(deps, req.actor, req.params.id);
    const org = await findOrganizationById(db, consultation.orgId);
    return reply.page(
      consultation.topic,
      <ConsultationView
        c={consultation}
        org={org}
        questions={questions}
        now={deps.clock.now()}
        staff
        values={{}}
        errors={[]}
      />,
      { breadcrumbs: [...manageCrumbs(req), { text: consultation.topic }] },
    );
  });

  const answerForm =
    (req: FastifyRequest, params: QParams): RenderForm =>
    async (form) => {
      const { consultation } = await getConsultationForStaff(deps, req.actor, params.id);
      const q = await consultRepository.questionById(db, params.qid);
      if (!q || q.consultationId !== consultation.id) throw new NotFound('consultation_question');
      return {
        title: req.t('consult.manage.answerTitle'),
        body: <AnswerFormView c={consultation} q={q} {...form} />,
        breadcrumbs: [
          ...manageCrumbs(req),
          { href: `/manage/consultations/${consultation.id}`, text: consultation.topic },
          { text: req.t('consult.manage.answerTitle') },
        ],
      };
    };

  app.get<{ Params: QParams }>('/manage/consultations/:id/questions/:qid', async (req, reply) => {
    const render = answerForm(req, req.params);
    await render({ values: {}, errors: [] }); // 404 before showing anything
    return showForm(req, reply, render);
  });

  app.post<{ Params: QParams }>('/manage/consultations/:id/questions/:qid', async (req, reply) => {
    const render = answerForm(req, req.params);
    await render({ values: {}, errors: [] });
    return handleForm(req, reply, {
      schema: answerInput,
      render,
      run: async ({ answer }) => {
        await answerQuestion(deps, originOf(req), {
          consultationId: req.params.id,
          questionId: req.params.qid,
          answer,
        });
        return `/manage/consultations/${req.params.id}?notice=answered#q-${req.params.qid}`;
      },
    });
  });

  app.post<{ Params: QParams }>('/manage/consultations/:id/questions/:qid/hide', async (req, reply) => {
    const render = answerForm(req, req.params);
    await render({ values: {}, errors: [] });
    return handleForm(req, reply, {
      schema: hideInput,
      render,
      run: async ({ reason }) => {
        await hideQuestion(deps, originOf(req), {
          consultationId: req.params.id,
          questionId: req.params.qid,
          reason,
        });
        return `/manage/consultations/${req.params.id}?notice=hidden#q-${req.params.qid}`;
      },
    });
  });
}
