import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { addResponsibleOfficial } from '../add-responsible-official.ts';
import { getOrgForStaff, listManagedOrgs } from '../get-org-for-staff.ts';
import { getOrgHome } from '../get-org-home.ts';
import { listOrganizations } from '../list-organizations.ts';
import {
  type OrgKind,
  type OrgLevel,
  officialInput,
  orgDetailsInput,
  orgKinds,
  orgLevels,
} from '../orgs.input.ts';
import { canManageOrg } from '../orgs.policy.ts';
import type { OfficialRow, OrgRow } from '../orgs.repository.ts';
import { orgsRepository } from '../orgs.repository.ts';
import { removeResponsibleOfficial } from '../remove-responsible-official.ts';
import { updateOrganization } from '../update-organization.ts';
import { updateResponsibleOfficial } from '../update-responsible-official.ts';
import { noticeFrom, orgHref, orgName, redirectToSignIn, sectionTitle } from './common.tsx';
import { HomeView } from './home-page.tsx';
import {
  DETAIL_FIELDS,
  ManageListView,
  ManageOrgView,
  OFFICIAL_FIELDS,
  OfficialFormView,
  valuesOf,
} from './manage-pages.tsx';
import { OfficialsView, SectionView } from './officials-page.tsx';
import { OrgHomeView } from './org-home-page.tsx';
import { OrgsListView } from './orgs-list-page.tsx';

type SlugParams = { slug: string };

function oneOf<T extends string>(list: readonly T[], v: unknown): T | undefined {
  return typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

const manageNotices = {
  saved: 'orgs.manage.saved',
  officialSaved: 'orgs.manage.officialSaved',
  officialRemoved: 'orgs.manage.officialRemoved',
};

/** The portal home, the public pages of organisations and the staff pages that keep them. */
export async function orgsWeb(app: FastifyInstance) {
  const { db } = app.deps;
  const crumbs = (req: FastifyRequest) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/orgs', text: req.t('orgs.list.title') },
  ];

  app.get('/', async (req, reply) => {
    const [executiveCount, municipalCount] = await Promise.all([
      orgsRepository.count(db, { level: 'executive' }),
      orgsRepository.count(db, { level: 'municipal' }),
    ]);
    return reply.page(
      req.t('home.title'),
      <HomeView executiveCount={executiveCount} municipalCount={municipalCount} />,
    );
  });

  app.get('/orgs', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const kind = oneOf<OrgKind>(orgKinds, q.kind);
    const level = oneOf<OrgLevel>(orgLevels, q.level);
    const [{ items }, all] = await Promise.all([
      listOrganizations({ db }, { kind, level }),
      orgsRepository.list(db),
    ]);
    const kindsPresent = orgKinds.filter((k) => all.some((o) => o.kind === k));
    return reply.page(
      req.t('orgs.list.title'),
      <OrgsListView orgs={items} kind={kind} kindsPresent={kindsPresent} />,
      { breadcrumbs: [{ href: '/', text: req.t('ui.nav.home') }, { text: req.t('orgs.list.title') }] },
    );
  });

  app.get<{ Params: SlugParams }>('/orgs/:slug', async (req, reply) => {
    const home = await getOrgHome({ db }, req.params.slug);
    const name = orgName(home.org, req.locale);
    return reply.page(name, <OrgHomeView home={home} canManage={canManageOrg(req.actor, home.org)} />, {
      breadcrumbs: [...crumbs(req), { text: name }],
    });
  });

  app.get<{ Params: SlugParams }>('/orgs/:slug/officials', async (req, reply) => {
    const { org, officials } = await getOrgHome({ db }, req.params.slug);
    const name = orgName(org, req.locale);
    return reply.page(
      `${req.t('orgs.officials.title')}: ${name}`,
      <OfficialsView org={org} officials={officials} />,
      {
        breadcrumbs: [
          ...crumbs(req),
          { href: orgHref(org.slug), text: name },
          { text: req.t('orgs.officials.title') },
        ],
      },
    );
  });

  // A section no module serves yet: static routes of later modules (/orgs/:slug/appeals) take precedence.
  app.get<{ Params: SlugParams & { section: string } }>('/orgs/:slug/:section', async (req, reply) => {
    const { org, officials } = await getOrgHome({ db }, req.params.slug);
    const section = await orgsRepository.findSectionByPath(db, org.id, req.params.section);
    if (!section) throw new NotFound('section');
    const name = orgName(org, req.locale);
    const title = sectionTitle(section, req.locale);
    return reply.page(
      `${title}: ${name}`,
      <SectionView org={org} section={section} officials={officials} />,
      {
        breadcrumbs: [...crumbs(req), { href: orgHref(org.slug), text: name }, { text: title }],
      },
    );
  });

  // Staff pages

  const manageCrumbs = (req: FastifyRequest) => [
    { href: '/manage', text: req.t('ui.nav.manage') },
    { href: '/manage/orgs', text: req.t('orgs.manage.list.title') },
  ];

  app.get('/manage/orgs', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const orgs = await listManagedOrgs({ db }, req.actor);
    return reply.page(req.t('orgs.manage.list.title'), <ManageListView orgs={orgs} />, {
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('orgs.manage.list.title') },
      ],
    });
  });

  const orgForm =
    (req: FastifyRequest, org: OrgRow, officials: OfficialRow[]): RenderForm =>
    (form) => ({
      title: req.t('orgs.manage.title'),
      body: <ManageOrgView org={org} officials={officials} {...form} />,
      breadcrumbs: [...manageCrumbs(req), { text: orgName(org, req.locale) }],
    });
  const officialForm =
    (req: FastifyRequest, org: OrgRow, official: OfficialRow | null): RenderForm =>
    (form) => ({
      title: req.t(official ? 'orgs.manage.officialEdit' : 'orgs.manage.officialNew'),
      body: <OfficialFormView org={org} official={official} {...form} />,
      breadcrumbs: [
        ...manageCrumbs(req),
        { href: `/manage/orgs/${org.slug}`, text: orgName(org, req.locale) },
      ],
    });

  app.get<{ Params: SlugParams }>('/manage/orgs/:slug', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org, officials } = await getOrgForStaff({ db }, req.actor, req.params.slug);
    noticeFrom(req, manageNotices);
    return showForm(req, reply, orgForm(req, org, officials), valuesOf(org, DETAIL_FIELDS));
  });

  app.post<{ Params: SlugParams }>('/manage/orgs/:slug', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org, officials } = await getOrgForStaff({ db }, req.actor, req.params.slug);
    return handleForm(req, reply, {
      schema: orgDetailsInput,
      render: orgForm(req, org, officials),
      run: async (details) => {
        await updateOrganization(app.deps, originOf(req), { slug: org.slug, details });
        return `/manage/orgs/${org.slug}?notice=saved`;
      },
    });
  });

  app.get<{ Params: SlugParams }>('/manage/orgs/:slug/officials/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org } = await getOrgForStaff({ db }, req.actor, req.params.slug);
    return showForm(req, reply, officialForm(req, org, null));
  });

  app.post<{ Params: SlugParams }>('/manage/orgs/:slug/officials/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org } = await getOrgForStaff({ db }, req.actor, req.params.slug);
    return handleForm(req, reply, {
      schema: officialInput,
      render: officialForm(req, org, null),
      run: async (official) => {
        await addResponsibleOfficial(app.deps, originOf(req), { slug: org.slug, official });
        return `/manage/orgs/${org.slug}?notice=officialSaved`;
      },
    });
  });

  type OfficialParams = SlugParams & { id: string };

  const staffOfficial = async (req: FastifyRequest<{ Params: OfficialParams }>) => {
    const { org, officials } = await getOrgForStaff({ db }, req.actor, req.params.slug);
    const official = officials.find((o) => o.id === req.params.id);
    if (!official) throw new NotFound('responsible_official');
    return { org, official };
  };

  app.get<{ Params: OfficialParams }>('/manage/orgs/:slug/officials/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org, official } = await staffOfficial(req);
    return showForm(req, reply, officialForm(req, org, official), valuesOf(official, OFFICIAL_FIELDS));
  });

  app.post<{ Params: OfficialParams }>('/manage/orgs/:slug/officials/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org, official } = await staffOfficial(req);
    return handleForm(req, reply, {
      schema: officialInput,
      render: officialForm(req, org, official),
      run: async (data) => {
        await updateResponsibleOfficial(app.deps, originOf(req), {
          slug: org.slug,
          id: official.id,
          official: data,
        });
        return `/manage/orgs/${org.slug}?notice=officialSaved`;
      },
    });
  });

  app.post<{ Params: OfficialParams }>('/manage/orgs/:slug/officials/:id/remove', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    await removeResponsibleOfficial(app.deps, originOf(req), { slug: req.params.slug, id: req.params.id });
    return reply.redirect(`/manage/orgs/${req.params.slug}?notice=officialRemoved`, 303);
  });
}
