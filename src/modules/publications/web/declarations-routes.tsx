import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { loadCalendar } from '../../../platform/calendar/store.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import {
  declarationFromForm,
  declarationInput,
  tenureEndInput,
  yearDecisionInput,
} from '../declarations.input.ts';
import {
  addDeclaration,
  endDeclarantTenure,
  getOfficialDeclarations,
  getPublicDeclarations,
  removeDeclaration,
  setDeclarationsPublished,
} from '../declarations.ts';
import {
  getDeclarantForStaff,
  getDeclarationsForStaff,
  getDeclarationYearForStaff,
} from '../get-publications-for-staff.ts';
import { type DeclarationSort, declarationSorts } from '../publications.repository.ts';
import { orgName } from './common.tsx';
import { csvOfDeclarations } from './declarations-csv.ts';
import { DeclarationsView, OfficialDeclarationsView } from './declarations-page.tsx';
import { DeclarationsManageView, TenureEndView, YearDecisionView } from './manage-pages.tsx';
import { manageCrumbs, noticeFrom, orgCrumbs, redirectToSignIn, type Slug, str } from './routes-common.ts';

/** `?sort=&dir=&year=` of the public table. */
function declarationQuery(q: unknown) {
  const sortRaw = str(q, 'sort');
  const sort: DeclarationSort =
    sortRaw && Object.hasOwn(declarationSorts, sortRaw) ? (sortRaw as DeclarationSort) : 'name';
  const dir: 'asc' | 'desc' = str(q, 'dir') === 'desc' ? 'desc' : 'asc';
  const y = str(q, 'year');
  const year = y && /^\d{4}$/.test(y) ? Number(y) : undefined;
  return { sort, dir, year };
}

/** Income declarations (7.3): the public table and its CSV; the staff page that fills and publishes them. */
export async function declarationsRoutes(app: FastifyInstance) {
  const { deps } = app;

  app.get<{ Params: Slug }>('/orgs/:slug/declarations', async (req, reply) => {
    const q = declarationQuery(req.query);
    const d = await getPublicDeclarations(deps, { slug: req.params.slug, ...q });
    const title = req.t('declarations.title');
    return reply.page(
      `${title}: ${orgName(d.org, req.locale)}`,
      <DeclarationsView
        org={d.org}
        years={d.years}
        year={d.year}
        withheld={d.withheld}
        rows={d.rows}
        sort={q.sort}
        dir={q.dir}
      />,
      { breadcrumbs: [...orgCrumbs(req, d.org), { text: req.t('publications.manage.declarations') }] },
    );
  });

  app.get<{ Params: Slug & { id: string } }>('/orgs/:slug/declarations/officials/:id', async (req, reply) => {
    const d = await getOfficialDeclarations(deps, { slug: req.params.slug, id: req.params.id });
    return reply.page(
      req.t('declarations.official.title', { name: d.person.shortName }),
      <OfficialDeclarationsView org={d.org} person={d.person} years={d.years} />,
      {
        breadcrumbs: [
          ...orgCrumbs(req, d.org),
          { href: `/orgs/${d.org.slug}/declarations`, text: req.t('publications.manage.declarations') },
          { text: d.person.shortName },
        ],
      },
    );
  });

  app.get<{ Params: Slug }>('/orgs/:slug/declarations.csv', async (req, reply) => {
    const q = declarationQuery(req.query);
    const d = await getPublicDeclarations(deps, { slug: req.params.slug, ...q });
    if (d.year === null || d.withheld !== null) throw new NotFound('declaration_year');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="declarations-${d.org.slug}-${d.year}.csv"`)
      .send(csvOfDeclarations(d.rows, req.t));
  });

  // Staff

  const staffPage = async (req: FastifyRequest<{ Params: Slug }>): Promise<RenderForm> => {
    const d = await getDeclarationsForStaff(deps, req.actor, req.params);
    const { calendar } = await loadCalendar(deps.db);
    return (form) => ({
      title: req.t('publications.manage.declarations'),
      body: (
        <DeclarationsManageView
          org={d.org}
          years={d.years}
          rowsByYear={d.rowsByYear}
          declarants={d.declarants}
          calendar={calendar}
          {...form}
        />
      ),
      breadcrumbs: manageCrumbs(req, d.org),
    });
  };

  app.get<{ Params: Slug }>('/manage/orgs/:slug/declarations', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const render = await staffPage(req);
    noticeFrom(req);
    return showForm(req, reply, render, { year: String(deps.clock.now().getFullYear() - 1) });
  });

  app.post<{ Params: Slug }>('/manage/orgs/:slug/declarations', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    return handleForm(req, reply, {
      schema: declarationInput,
      input: declarationFromForm,
      render: await staffPage(req),
      run: async (row) => {
        await addDeclaration(deps, originOf(req), { slug: req.params.slug, row });
        return `/manage/orgs/${req.params.slug}/declarations?notice=added`;
      },
    });
  });

  // The publication decision of a year, with its legal basis

  type YearParams = { Params: Slug & { year: string } };
  const yearOf = (req: FastifyRequest<YearParams>) => {
    const year = Number(req.params.year);
    if (!Number.isInteger(year) || year < 2009 || year > 2100) throw new NotFound('declaration_year');
    return year;
  };
  const decisionPage = async (req: FastifyRequest<YearParams>) => {
    const d = await getDeclarationYearForStaff(deps, req.actor, { slug: req.params.slug, year: yearOf(req) });
    const render: RenderForm = (form) => ({
      title: req.t('declarations.decision.title', { year: yearOf(req) }),
      body: <YearDecisionView org={d.org} year={yearOf(req)} {...form} />,
      breadcrumbs: [
        ...manageCrumbs(req, d.org),
        { href: `/manage/orgs/${d.org.slug}/declarations`, text: req.t('publications.manage.declarations') },
      ],
    });
    return { render, year: d.year };
  };

  app.get<YearParams>('/manage/orgs/:slug/declarations/:year/publication', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { render, year } = await decisionPage(req);
    return showForm(req, reply, render, {
      published: year?.decidedAt ? (year.published ? 'yes' : 'no') : '',
      legalBasis: year?.legalBasis ?? '',
    });
  });

  app.post<YearParams>('/manage/orgs/:slug/declarations/:year/publication', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { render } = await decisionPage(req);
    return handleForm(req, reply, {
      schema: yearDecisionInput,
      render,
      run: async (decision) => {
        await setDeclarationsPublished(deps, originOf(req), {
          slug: req.params.slug,
          year: yearOf(req),
          decision,
        });
        return `/manage/orgs/${req.params.slug}/declarations?notice=switched`;
      },
    });
  });

  // The end of a person's tenure

  type DeclarantParams = { Params: Slug & { declarantId: string } };
  const tenurePage = async (req: FastifyRequest<DeclarantParams>): Promise<RenderForm> => {
    const d = await getDeclarantForStaff(deps, req.actor, req.params);
    return (form) => ({
      title: req.t('declarations.tenure.title', { name: d.person.shortName }),
      body: <TenureEndView org={d.org} person={d.person} {...form} />,
      breadcrumbs: [
        ...manageCrumbs(req, d.org),
        { href: `/manage/orgs/${d.org.slug}/declarations`, text: req.t('publications.manage.declarations') },
      ],
    });
  };

  app.get<DeclarantParams>(
    '/manage/orgs/:slug/declarations/declarants/:declarantId/tenure',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      return showForm(req, reply, await tenurePage(req), {});
    },
  );

  app.post<DeclarantParams>(
    '/manage/orgs/:slug/declarations/declarants/:declarantId/tenure',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      return handleForm(req, reply, {
        schema: tenureEndInput,
        render: await tenurePage(req),
        conflictField: 'endedOn',
        run: async (tenure) => {
          await endDeclarantTenure(deps, originOf(req), { ...req.params, tenure });
          return `/manage/orgs/${req.params.slug}/declarations?notice=tenure`;
        },
      });
    },
  );

  app.post<{ Params: Slug & { id: string } }>(
    '/manage/orgs/:slug/declarations/rows/:id/remove',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      await removeDeclaration(deps, originOf(req), { slug: req.params.slug, id: req.params.id });
      return reply.redirect(`/manage/orgs/${req.params.slug}/declarations?notice=removed`, 303);
    },
  );
}
