import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../../platform/audit/index.ts';
import { formatLocalDate } from '../../../../platform/calendar/format.ts';
import { authorize, NotFound } from '../../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../../platform/http/form-page.ts';
import { answerConclusion } from '../answer-conclusion.ts';
import { conclusionAnswerInput, conclusionFormInput, expertInput } from '../expertise.input.ts';
import { expertiseRepository } from '../expertise.repository.ts';
import {
  type DraftExpertise,
  getDraftExpertise,
  getDraftForConclusion,
  listExperts,
  listExpertsForStaff,
} from '../get-expertise.ts';
import { registerExpert } from '../register-expert.ts';
import { submitConclusion } from '../submit-conclusion.ts';
import { ConclusionFormView, ExpertiseView, RegisterManageView, RegisterView } from './pages.tsx';

type Id = { id: string };

function noticeFrom(req: FastifyRequest) {
  const q = req.query as Record<string, unknown>;
  if (q?.notice === 'submitted' && typeof q.due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(q.due))
    req.flash = { kind: 'success', text: req.t('expertise.submitted', { date: formatLocalDate(q.due) }) };
  if (q?.notice === 'answered') req.flash = { kind: 'success', text: req.t('expertise.answered') };
  if (q?.notice === 'added') req.flash = { kind: 'success', text: req.t('expertise.register.added') };
}

/** Anti-corruption expertise pages (7.5): a draft's hints and conclusions, the expert's form, the register. */
export async function expertiseWeb(app: FastifyInstance) {
  const { deps } = app;
  const crumbs = (req: FastifyRequest, d: DraftExpertise) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: `/drafts/${d.draft.id}`, text: d.draft.title },
  ];

  const expertisePage =
    (req: FastifyRequest, d: DraftExpertise, target?: string): RenderForm =>
    (form) => ({
      title: `${req.t('expertise.title')}: ${d.draft.title}`,
      body: (
        <ExpertiseView
          d={d}
          form={{
            values: form.values,
            // the answer forms share a field name; the error points at the one that was sent
            errors: form.errors.map((e) => (target ? { ...e, href: `#answer-${target}` } : e)),
            ...(target ? { target } : {}),
          }}
        />
      ),
      breadcrumbs: crumbs(req, d),
    });

  app.get<{ Params: Id }>('/drafts/:id/expertise', async (req, reply) => {
    const d = await getDraftExpertise(deps, req.actor, req.params.id);
    noticeFrom(req);
    return showForm(req, reply, expertisePage(req, d));
  });

  const conclusionForm =
    (req: FastifyRequest, d: DraftExpertise): RenderForm =>
    (form) => ({
      title: req.t('expertise.new.title'),
      body: <ConclusionFormView d={d} {...form} />,
      breadcrumbs: [
        ...crumbs(req, d),
        { href: `/drafts/${d.draft.id}/expertise`, text: req.t('expertise.title') },
      ],
    });

  app.get<{ Params: Id }>('/drafts/:id/expertise/new', async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
    const d = await getDraftForConclusion(deps, req.actor, req.params.id);
    return showForm(req, reply, conclusionForm(req, d));
  });

  app.post<{ Params: Id }>('/drafts/:id/expertise/new', async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
    const d = await getDraftForConclusion(deps, req.actor, req.params.id);
    return handleForm(req, reply, {
      schema: conclusionFormInput,
      render: conclusionForm(req, d),
      run: async (conclusion) => {
        const c = await submitConclusion(deps, originOf(req), { draftId: d.draft.id, conclusion });
        return `/drafts/${d.draft.id}/expertise?notice=submitted&due=${c.answerDueOn}#conclusion-${c.id}`;
      },
    });
  });

  app.post<{ Params: Id }>('/manage/expertise/conclusions/:id/answer', async (req, reply) => {
    const c = await expertiseRepository.findConclusion(deps.db, req.params.id);
    if (!c) throw new NotFound();
    const d = await getDraftExpertise(deps, req.actor, c.draftId);
    authorize(d.canAnswer);
    return handleForm(req, reply, {
      schema: conclusionAnswerInput,
      render: expertisePage(req, d, c.id),
      run: async ({ answer }) => {
        await answerConclusion(deps, originOf(req), { id: c.id, answer });
        return `/drafts/${d.draft.id}/expertise?notice=answered#conclusion-${c.id}`;
      },
    });
  });

  app.get('/expertise/experts', async (req, reply) =>
    reply.page(req.t('expertise.register.title'), <RegisterView experts={await listExperts(deps)} />),
  );

  const registerForm =
    (req: FastifyRequest, experts: Awaited<ReturnType<typeof listExperts>>): RenderForm =>
    (form) => ({
      title: req.t('expertise.register.title'),
      body: <RegisterManageView experts={experts} {...form} />,
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('expertise.register.title') },
      ],
    });

  app.get('/manage/expertise/experts', async (req, reply) => {
    const experts = await listExpertsForStaff(deps, req.actor);
    noticeFrom(req);
    return showForm(req, reply, registerForm(req, experts));
  });

  app.post('/manage/expertise/experts', async (req, reply) => {
    const experts = await listExpertsForStaff(deps, req.actor);
    return handleForm(req, reply, {
      schema: expertInput,
      render: registerForm(req, experts),
      run: async (input) => {
        await registerExpert(deps, originOf(req), input);
        return '/manage/expertise/experts?notice=added';
      },
    });
  });
}
