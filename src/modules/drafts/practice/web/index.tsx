import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../../platform/audit/index.ts';
import { isSignedIn } from '../../../../platform/authz/index.ts';
import { findStoredFile, sendStoredFile, uploadsOf } from '../../../../platform/files/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../../platform/http/form-page.ts';
import { commentOnPracticeCase } from '../comment-on-practice-case.ts';
import {
  getPracticeCase,
  getPracticeCaseForStaff,
  getPracticeFile,
  getPracticeQueue,
  getPublicPractice,
  listPracticeOrgs,
  type PracticeCasePage,
} from '../get-practice.ts';
import {
  practiceCaseInput,
  practiceCommentInput,
  practiceFilterInput,
  practiceReferralInput,
} from '../practice.input.ts';
import { referPracticeCase } from '../refer-practice-case.ts';
import { submitPracticeCase } from '../submit-practice-case.ts';
import {
  orgName,
  PracticeCaseView,
  PracticeFormView,
  PracticeListView,
  PracticeManageOrgsView,
  PracticeQueueView,
} from './pages.tsx';

type Slug = { slug: string };
type Id = { id: string };

const notices: Record<string, string> = {
  submitted: 'practice.submitted',
  published: 'practice.manage.published',
  referred: 'practice.manage.referred',
};

function noticeFrom(req: FastifyRequest) {
  const key = (req.query as Record<string, unknown>)?.notice;
  if (typeof key === 'string' && Object.hasOwn(notices, key))
    req.flash = { kind: 'success', text: req.t(notices[key] as string) };
}

/** Law-enforcement practice pages (7.6): the public list and case, the citizen's form, the staff's answers. */
export async function practiceWeb(app: FastifyInstance) {
  const { deps } = app;

  const orgCrumbs = (req: FastifyRequest, org: { slug: string; nameRu: string; nameEn: string | null }) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/orgs', text: req.t('orgs.list.title') },
    { href: `/orgs/${org.slug}`, text: orgName(org, req.locale) },
    { href: `/orgs/${org.slug}/practice`, text: req.t('practice.title') },
  ];

  const casePage =
    (req: FastifyRequest, page: PracticeCasePage): RenderForm =>
    (form) => ({
      title: req.t('practice.case.title', { date: page.c.createdAt.toISOString().slice(0, 10) }),
      body: <PracticeCaseView page={page} staff={page.canWork ? form : undefined} />,
      breadcrumbs: orgCrumbs(req, page.org),
    });
  const staffValues = (p: PracticeCasePage) => ({
    publicDescription: p.c.publicDescription ?? p.c.description,
    comment: p.c.comment ?? '',
  });

  app.get<{ Params: Slug }>('/orgs/:slug/practice', async (req, reply) => {
    const filter = practiceFilterInput.parse(req.query ?? {});
    const d = await getPublicPractice(deps, { slug: req.params.slug, ...filter });
    return reply.page(
      `${req.t('practice.title')}: ${orgName(d.org, req.locale)}`,
      <PracticeListView {...d} filter={filter} />,
      { breadcrumbs: orgCrumbs(req, d.org).slice(0, 3) },
    );
  });

  const newForm =
    (req: FastifyRequest, org: Awaited<ReturnType<typeof getPublicPractice>>['org']): RenderForm =>
    (form) => ({
      title: req.t('practice.new.title'),
      body: <PracticeFormView org={org} {...form} />,
      breadcrumbs: orgCrumbs(req, org),
    });

  app.get<{ Params: Slug }>('/orgs/:slug/practice/new', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
    const { org } = await getPublicPractice(deps, { slug: req.params.slug });
    return showForm(req, reply, newForm(req, org));
  });

  app.post<{ Params: Slug }>('/orgs/:slug/practice/new', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
    const { org } = await getPublicPractice(deps, { slug: req.params.slug });
    return handleForm(req, reply, {
      schema: practiceCaseInput,
      render: newForm(req, org),
      run: async (input) => {
        const c = await submitPracticeCase(deps, originOf(req), {
          slug: org.slug,
          case: input,
          files: uploadsOf(req.body, 'files'),
        });
        return `/practice/${c.id}?notice=submitted`;
      },
    });
  });

  app.get<{ Params: Id }>('/practice/:id', async (req, reply) => {
    const page = await getPracticeCase(deps, req.actor, req.params.id);
    noticeFrom(req);
    return showForm(req, reply, casePage(req, page), page.canWork ? staffValues(page) : {});
  });

  app.get<{ Params: Id & { fileId: string } }>('/practice/:id/files/:fileId', async (req, reply) => {
    const fileId = await getPracticeFile(deps, req.actor, req.params.id, req.params.fileId);
    const file = await findStoredFile(deps.db, fileId);
    if (!file) return reply.callNotFound();
    return sendStoredFile(deps, reply, file);
  });

  app.post<{ Params: Id }>('/manage/practice/:id/comment', async (req, reply) => {
    const page = await getPracticeCaseForStaff(deps, req.actor, req.params.id);
    return handleForm(req, reply, {
      schema: practiceCommentInput,
      render: casePage(req, page),
      run: async (comment) => {
        await commentOnPracticeCase(deps, originOf(req), { id: page.c.id, comment });
        return `/practice/${page.c.id}?notice=published`;
      },
    });
  });

  app.post<{ Params: Id }>('/manage/practice/:id/refer', async (req, reply) => {
    const page = await getPracticeCaseForStaff(deps, req.actor, req.params.id);
    return handleForm(req, reply, {
      schema: practiceReferralInput,
      render: casePage(req, page),
      run: async (referral) => {
        await referPracticeCase(deps, originOf(req), { id: page.c.id, referral });
        return `/practice/${page.c.id}?notice=referred`;
      },
    });
  });

  app.get('/manage/practice', async (req, reply) => {
    const orgs = await listPracticeOrgs(deps, req.actor);
    return reply.page(req.t('practice.manage.title'), <PracticeManageOrgsView orgs={orgs} />, {
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('practice.manage.title') },
      ],
    });
  });

  app.get<{ Params: Slug }>('/manage/orgs/:slug/practice', async (req, reply) => {
    const d = await getPracticeQueue(deps, req.actor, req.params.slug);
    return reply.page(req.t('practice.manage.title'), <PracticeQueueView {...d} />, {
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { href: '/manage/practice', text: req.t('practice.manage.title') },
        { text: orgName(d.org, req.locale) },
      ],
    });
  });
}
