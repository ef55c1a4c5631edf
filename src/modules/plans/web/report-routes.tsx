import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import type { OrgRow } from '../../orgs/index.ts';
import {
  type AnnualReportPage,
  getAnnualReport,
  getMediaCampaign,
  getReportForStaff,
  listOrgReports,
  listReportsForStaff,
  reportPath,
  yearOf,
} from '../get-annual-report.ts';
import { campaignInput, reportInput } from '../plans.input.ts';
import { reportBlocks, reportDocx, reportPdf } from '../report-files.ts';
import { saveAnnualReport, saveMediaCampaign } from '../save-annual-report.ts';
import { orgName } from './common.tsx';
import {
  AnnualReportView,
  CampaignView,
  ManageReportsView,
  ManageReportView,
  ReportsListView,
} from './report-pages.tsx';

type SlugParams = { slug: string };
type YearParams = SlugParams & { year: string };

const campaignText = (links: { kind: string; date?: string; title: string; url: string }[]) =>
  links.map((l) => `${l.kind}: ${l.date ?? ''} ${l.title} | ${l.url}`).join('\n');

/** Annual reports (task 6.4) and media campaigns (task 5.5): public pages and files, staff editing. */
export async function plansReportWeb(app: FastifyInstance) {
  const deps = app.deps;

  const orgCrumbs = (req: FastifyRequest, org: OrgRow) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/orgs', text: req.t('orgs.list.title') },
    { href: `/orgs/${org.slug}`, text: orgName(org, req.locale) },
    { href: `/orgs/${org.slug}/reports`, text: req.t('plans.reports.title') },
  ];

  app.get<{ Params: SlugParams }>('/orgs/:slug/reports', async (req, reply) => {
    const { org, reports } = await listOrgReports(deps, req.params.slug);
    return reply.page(
      `${req.t('plans.reports.title')}: ${orgName(org, req.locale)}`,
      <ReportsListView org={org} reports={reports} />,
      { breadcrumbs: [...orgCrumbs(req, org).slice(0, -1), { text: req.t('plans.reports.title') }] },
    );
  });

  app.get<{ Params: YearParams }>('/orgs/:slug/reports/:year', async (req, reply) => {
    const page = await getAnnualReport(deps, req.actor, {
      slug: req.params.slug,
      year: yearOf(req.params.year),
    });
    const title = req.t('plans.report.title', { year: page.data.year });
    return reply.page(title, <AnnualReportView page={page} />, {
      breadcrumbs: [...orgCrumbs(req, page.data.org), { text: title }],
    });
  });

  const file = async (
    req: FastifyRequest<{ Params: YearParams }>,
    reply: FastifyReply,
    kind: 'docx' | 'pdf',
  ) => {
    const page: AnnualReportPage = await getAnnualReport(deps, req.actor, {
      slug: req.params.slug,
      year: yearOf(req.params.year),
    });
    const title = `${req.t('plans.report.title', { year: page.data.year })}: ${orgName(page.data.org, req.locale)}`;
    const blocks = reportBlocks(
      page,
      req.t,
      req.locale,
      `${deps.config.publicUrl}${reportPath(page.data.org.slug, page.data.year)}`,
    );
    const bytes =
      kind === 'docx'
        ? await reportDocx(blocks, { title, creator: page.data.org.nameRu, locale: req.locale })
        : await reportPdf(blocks, { title });
    return reply
      .header(
        'content-type',
        kind === 'docx'
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/pdf',
      )
      .header(
        'content-disposition',
        `attachment; filename="report-${page.data.org.slug}-${page.data.year}.${kind}"`,
      )
      .header('cache-control', page.report.publishedAt ? 'public, no-cache' : 'private, no-store')
      .send(bytes);
  };
  app.get<{ Params: YearParams }>('/orgs/:slug/reports/:year/report.docx', (req, reply) =>
    file(req, reply, 'docx'),
  );
  app.get<{ Params: YearParams }>('/orgs/:slug/reports/:year/report.pdf', (req, reply) =>
    file(req, reply, 'pdf'),
  );

  app.get<{ Params: YearParams }>('/orgs/:slug/reports/:year/campaign', async (req, reply) => {
    const { data, report } = await getMediaCampaign(deps, {
      slug: req.params.slug,
      year: yearOf(req.params.year),
    });
    const title = req.t('plans.campaign.title', { year: data.year });
    return reply.page(title, <CampaignView data={data} report={report} />, {
      breadcrumbs: [...orgCrumbs(req, data.org), { text: title }],
    });
  });

  // staff
  const manageCrumbs = (req: FastifyRequest) => [
    { href: '/manage', text: req.t('manage.title') },
    { href: '/manage/plans', text: req.t('plans.manage.title') },
    { href: '/manage/plans/reports', text: req.t('plans.manage.reportsTitle') },
  ];

  app.get('/manage/plans/reports', async (req, reply) => {
    const rows = await listReportsForStaff(deps, req.actor);
    return reply.page(req.t('plans.manage.reportsTitle'), <ManageReportsView rows={rows} />, {
      breadcrumbs: manageCrumbs(req).slice(0, 2),
    });
  });

  type Staff = Awaited<ReturnType<typeof getReportForStaff>>;
  const reportValues = (s: Staff) => ({
    textRu: s.report?.textRu ?? s.draftText,
    coReportRu: s.report?.coReportRu ?? '',
  });
  /** One page, two forms: the one posted shows its state, the other its stored values. */
  const reportForm =
    (req: FastifyRequest, s: Staff, which: 'report' | 'campaign'): RenderForm =>
    (form) => {
      const none: FieldError[] = [];
      const campaign = { campaignLinks: campaignText(s.report?.campaignLinks ?? []) };
      return {
        title: req.t('plans.report.title', { year: s.data.year }),
        body: (
          <ManageReportView
            data={s.data}
            report={s.report}
            values={which === 'report' ? form.values : reportValues(s)}
            errors={which === 'report' ? form.errors : none}
            campaignValues={which === 'campaign' ? form.values : campaign}
            campaignErrors={which === 'campaign' ? form.errors : none}
          />
        ),
        breadcrumbs: [...manageCrumbs(req), { text: `${orgName(s.data.org, req.locale)}, ${s.data.year}` }],
      };
    };
  const notices: Record<string, string> = {
    save: 'plans.manage.reportDraftSaved',
    publish: 'plans.manage.reportSaved',
    unpublish: 'plans.manage.reportWithdrawn',
    campaign: 'plans.manage.campaignSaved',
  };

  app.get<{ Params: YearParams; Querystring: { notice?: string } }>(
    '/manage/plans/reports/:slug/:year',
    async (req, reply) => {
      const s = await getReportForStaff(deps, req.actor, {
        slug: req.params.slug,
        year: yearOf(req.params.year),
      });
      const n = req.query.notice;
      if (n && Object.hasOwn(notices, n)) req.flash = { kind: 'success', text: req.t(notices[n] as string) };
      return showForm(req, reply, reportForm(req, s, 'report'), reportValues(s));
    },
  );

  app.post<{ Params: YearParams }>('/manage/plans/reports/:slug/:year', async (req, reply) => {
    const s = await getReportForStaff(deps, req.actor, {
      slug: req.params.slug,
      year: yearOf(req.params.year),
    });
    return handleForm(req, reply, {
      schema: reportInput,
      render: reportForm(req, s, 'report'),
      run: async (report) => {
        await saveAnnualReport(deps, originOf(req), { org: s.data.org, year: s.data.year, report });
        return `/manage/plans/reports/${s.data.org.slug}/${s.data.year}?notice=${report.action}`;
      },
    });
  });

  app.post<{ Params: YearParams }>('/manage/plans/reports/:slug/:year/campaign', async (req, reply) => {
    const s = await getReportForStaff(deps, req.actor, {
      slug: req.params.slug,
      year: yearOf(req.params.year),
    });
    return handleForm(req, reply, {
      schema: campaignInput,
      render: reportForm(req, s, 'campaign'),
      run: async (campaign) => {
        await saveMediaCampaign(deps, originOf(req), { org: s.data.org, year: s.data.year, campaign });
        return `/manage/plans/reports/${s.data.org.slug}/${s.data.year}?notice=campaign#campaign`;
      },
    });
  });
}
