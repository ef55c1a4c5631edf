import { formatDate, formatLocalDate } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Form,
  InsetText,
  Table,
  Tag,
  Textarea,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import type { AnnualReportData } from '../annual-report.ts';
import type { AnnualReportPage } from '../get-annual-report.ts';
import type { ReportRow } from '../plans.repository.ts';
import type { PlanLink } from '../plans.tables.ts';
import { formatNumber, orgName, ProgressBar, planPath } from './common.tsx';
import { ObstructionFiguresView } from './obstruction-figures.tsx';
import { Paragraphs } from './public-pages.tsx';

const statusColour = { achieved: 'green', at_risk: 'yellow', not_achieved: 'red', no_data: 'grey' } as const;

/** The generated figures: totals, then each plan's indicators and activities for the year. */
export function ReportFigures({ data }: { data: AnnualReportData }) {
  const { t, locale } = useView();
  const tot = data.totals;
  return (
    <>
      <h2 class="govuk-heading-l">{t('plans.report.figures')}</h2>
      <p class="govuk-body">
        {t('plans.report.counts', {
          total: tot.indicators,
          achieved: tot.achieved,
          atRisk: tot.atRisk,
          notAchieved: tot.notAchieved,
          noData: tot.noData,
        })}{' '}
        {t('plans.report.activityCounts', { total: tot.activities, done: tot.done, overdue: tot.overdue })}
      </p>
      {data.plans.length === 0 && <p class="govuk-body">{t('plans.report.noPlans')}</p>}
      {data.plans.map((p) => (
        <section key={p.plan.id} aria-labelledby={`report-plan-${p.plan.id}`}>
          <h3 class="govuk-heading-m" id={`report-plan-${p.plan.id}`}>
            <a class="govuk-link" href={planPath(data.org.slug, p.plan)}>
              {p.plan.titleRu}
            </a>
          </h3>
          <p class="govuk-body">{t(`plans.kind.${p.plan.kind}`)}</p>
          <ProgressBar value={p.progress} />
          {p.indicators.length > 0 && (
            <Table
              caption={t('plans.report.indicatorsOfYear', { year: data.year })}
              captionSize="s"
              head={[
                { text: '№' },
                { text: t('plans.itemKind.indicator') },
                { text: t('plans.indicator.target'), numeric: true },
                { text: t('plans.indicator.actual'), numeric: true },
                { text: t('plans.indicator.statusCol') },
              ]}
              rows={p.indicators.map((i) => [
                i.code ?? '',
                `${i.title}${i.unit ? `, ${i.unit}` : ''}`,
                { content: formatNumber(i.target, locale), numeric: true },
                { content: formatNumber(i.actual, locale), numeric: true },
                <Tag colour={statusColour[i.status ?? 'no_data']}>
                  {t(`plans.pstatus.${i.status ?? 'no_data'}`)}
                </Tag>,
              ])}
            />
          )}
          {p.activities.length > 0 && (
            <Table
              caption={t('plans.report.activitiesOfYear', { year: data.year })}
              captionSize="s"
              head={[
                { text: '№' },
                { text: t('plans.itemKind.activity') },
                { text: t('plans.field.deadline') },
                { text: t('plans.indicator.statusCol') },
              ]}
              rows={p.activities.map((a) => [
                a.code ?? '',
                a.title,
                a.deadline ? formatLocalDate(a.deadline) : '—',
                a.overdue ? (
                  <Tag colour="red">{t('plans.overdue')}</Tag>
                ) : (
                  <Tag colour={a.activityStatus === 'done' ? 'green' : 'grey'}>
                    {t(`plans.astatus.${a.activityStatus}`)}
                  </Tag>
                ),
              ])}
            />
          )}
        </section>
      ))}
    </>
  );
}

/** `/orgs/<slug>/reports`: the body's annual reports and media campaigns by year. */
export function ReportsListView({ org, reports }: { org: OrgRow; reports: ReportRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('plans.reports.title')}</h1>
      <p class="govuk-body-l">{t('plans.reports.lead')}</p>
      {reports.length === 0 ? (
        <p class="govuk-body">{t('plans.reports.none')}</p>
      ) : (
        <ul class="govuk-list">
          {reports.map((r) => (
            <li key={r.id} class="govuk-!-margin-bottom-4">
              <h2 class="govuk-heading-m govuk-!-margin-bottom-1">
                {t('plans.report.title', { year: r.year })}
              </h2>
              <ul class="govuk-list govuk-list--bullet">
                {r.publishedAt && (
                  <li>
                    <a class="govuk-link" href={`/orgs/${org.slug}/reports/${r.year}`}>
                      {t('plans.report.read')}
                    </a>{' '}
                    ({t('plans.report.publishedOn', { date: formatDate(r.publishedAt, locale) })})
                  </li>
                )}
                {r.campaignLinks.length > 0 && (
                  <li>
                    <a class="govuk-link" href={`/orgs/${org.slug}/reports/${r.year}/campaign`}>
                      {t('plans.campaign.title', { year: r.year })}
                    </a>
                  </li>
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** `/orgs/<slug>/reports/<year>`: the staff's text, the generated figures, the council's co-report, downloads. */
export function AnnualReportView({ page }: { page: AnnualReportPage }) {
  const { t, locale } = useView();
  const { data, report } = page;
  const base = `/orgs/${data.org.slug}/reports/${data.year}`;
  return (
    <>
      <span class="govuk-caption-l">{orgName(data.org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('plans.report.title', { year: data.year })}</h1>
      {report.publishedAt ? (
        <p class="govuk-body">
          {t('plans.report.publishedOn', { date: formatDate(report.publishedAt, locale) })}
        </p>
      ) : (
        <InsetText>{t('plans.report.notPublished')}</InsetText>
      )}
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`${base}/report.docx`} download>
            {t('plans.report.docx')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base}/report.pdf`} download>
            {t('plans.report.pdf')}
          </a>
        </li>
        {report.campaignLinks.length > 0 && (
          <li>
            <a class="govuk-link" href={`${base}/campaign`}>
              {t('plans.campaign.title', { year: data.year })}
            </a>
          </li>
        )}
      </ul>
      <Paragraphs text={report.textRu} />
      <ReportFigures data={data} />
      <ObstructionFiguresView
        figures={[page.obstruction]}
        lead={t('plans.obstruction.lead', { year: data.year })}
      />
      <h2 class="govuk-heading-l" id="co-report">
        {t('plans.report.coReport')}
      </h2>
      {!report.coReportRu && page.councilCoReports.length === 0 && (
        <p class="govuk-body">{t('plans.report.coReportNone')}</p>
      )}
      {report.coReportRu && <Paragraphs text={report.coReportRu} />}
      {page.councilCoReports.map((c) => (
        <div key={c.id}>
          <h3 class="govuk-heading-s">
            <a class="govuk-link" href={c.url}>
              {c.councilName}
            </a>
          </h3>
          <Paragraphs text={c.text} />
        </div>
      ))}
    </>
  );
}

function CampaignList({ links }: { links: PlanLink[] }) {
  const { t } = useView();
  return (
    <ol class="govuk-list">
      {links.map((l, i) => (
        <li key={i} class="govuk-!-margin-bottom-3">
          <Tag colour="blue">{t(`plans.campaign.kind.${l.kind}`)}</Tag>{' '}
          {l.date && <time datetime={l.date}>{formatLocalDate(l.date)}</time>}
          <br />
          <a class="govuk-link" href={l.url}>
            {l.title}
          </a>
        </li>
      ))}
    </ol>
  );
}

/**
 * `/orgs/<slug>/reports/<year>/campaign` (task 5.5): the news and events about
 * the plan's results, the results themselves, and where to discuss them.
 */
export function CampaignView({ data, report }: { data: AnnualReportData; report: ReportRow }) {
  const { t, locale } = useView();
  const itemNews = data.plans.flatMap((p) => p.news.map((n) => ({ ...n, plan: p.plan })));
  return (
    <>
      <span class="govuk-caption-l">{orgName(data.org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('plans.campaign.title', { year: data.year })}</h1>
      <p class="govuk-body-l">{t('plans.campaign.lead')}</p>
      <h2 class="govuk-heading-l">{t('plans.campaign.materials')}</h2>
      <CampaignList links={report.campaignLinks} />
      {itemNews.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('plans.campaign.itemNews')}</h2>
          <ul class="govuk-list govuk-list--bullet">
            {itemNews.map((n, i) => (
              <li key={i}>
                <a class="govuk-link" href={n.url}>
                  {n.title}
                </a>{' '}
                — {n.itemTitle}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 class="govuk-heading-l">{t('plans.campaign.discuss')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {data.plans.map((p) => (
          <li key={p.plan.id}>
            <a
              class="govuk-link"
              href={`${planPath(data.org.slug, p.plan)}${p.plan.discussionId ? '#discussion' : ''}`}
            >
              {p.plan.titleRu}
            </a>
          </li>
        ))}
        {report.publishedAt && (
          <li>
            <a class="govuk-link" href={`/orgs/${data.org.slug}/reports/${data.year}`}>
              {t('plans.report.title', { year: data.year })}
            </a>
          </li>
        )}
      </ul>
      <ReportFigures data={data} />
    </>
  );
}

/** `/manage/plans/reports/<slug>/<year>`: the report's text (starting from the generated one), co-report, publication; the campaign. */
export function ManageReportView({
  data,
  report,
  values,
  errors,
  campaignValues,
  campaignErrors,
}: {
  data: AnnualReportData;
  report: ReportRow | undefined;
  values: Record<string, string>;
  errors: FieldError[];
  campaignValues: Record<string, string>;
  campaignErrors: FieldError[];
}) {
  const { t, locale } = useView();
  const base = `/manage/plans/reports/${data.org.slug}/${data.year}`;
  return (
    <>
      <span class="govuk-caption-l">{orgName(data.org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('plans.report.title', { year: data.year })}</h1>
      <p class="govuk-body">
        {report?.publishedAt ? (
          <>
            <Tag colour="green">{t('plans.report.statePublished')}</Tag>{' '}
            <a class="govuk-link" href={`/orgs/${data.org.slug}/reports/${data.year}`}>
              {t('plans.report.read')}
            </a>
          </>
        ) : (
          <Tag colour="grey">{report ? t('plans.report.stateDraft') : t('plans.report.stateNone')}</Tag>
        )}
      </p>
      <Form action={base} id="report-form">
        <ErrorSummary errors={errors} />
        <Textarea
          name="textRu"
          label={t('plans.manage.reportText')}
          hint={t('plans.manage.reportTextHint')}
          value={values.textRu}
          errors={errors}
          rows={12}
        />
        <Textarea
          name="coReportRu"
          label={t('plans.manage.coReport')}
          hint={t('plans.manage.coReportHint')}
          value={values.coReportRu}
          errors={errors}
          rows={6}
        />
        <ButtonGroup>
          <Button name="action" value="save" variant="secondary">
            {t('plans.manage.saveReport')}
          </Button>
          <Button name="action" value="publish">
            {t('plans.manage.publishReport')}
          </Button>
          {report?.publishedAt && (
            <Button name="action" value="unpublish" variant="warning">
              {t('plans.manage.unpublishReport')}
            </Button>
          )}
        </ButtonGroup>
      </Form>
      <h2 class="govuk-heading-l" id="campaign">
        {t('plans.manage.campaignTitle')}
      </h2>
      <Form action={`${base}/campaign`} id="campaign-form">
        <ErrorSummary errors={campaignErrors} />
        <Textarea
          name="campaignLinks"
          label={t('plans.manage.campaignLinks')}
          hint={t('plans.manage.campaignHint')}
          value={campaignValues.campaignLinks}
          errors={campaignErrors}
          rows={6}
        />
        <Button>{t('plans.manage.saveCampaign')}</Button>
      </Form>
      <ReportFigures data={data} />
    </>
  );
}

/** `/manage/plans/reports`: the years of each body's plans, with the state of each report. */
export function ManageReportsView({
  rows,
}: {
  rows: { org: OrgRow; year: number; report: ReportRow | undefined }[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('plans.manage.reportsTitle')}</h1>
      <p class="govuk-body">{t('plans.manage.reportsLead')}</p>
      {rows.length === 0 ? (
        <p class="govuk-body">{t('plans.reports.none')}</p>
      ) : (
        <Table
          caption={t('plans.manage.reportsTitle')}
          captionSize="s"
          head={[
            { text: t('plans.manage.reportOrg') },
            { text: t('plans.manage.reportYear') },
            { text: t('plans.field.status') },
          ]}
          rows={rows.map((r) => [
            orgName(r.org, locale),
            <a class="govuk-link" href={`/manage/plans/reports/${r.org.slug}/${r.year}`}>
              {t('plans.report.title', { year: r.year })}
            </a>,
            r.report?.publishedAt
              ? t('plans.report.statePublished')
              : r.report
                ? t('plans.report.stateDraft')
                : t('plans.report.stateNone'),
          ])}
        />
      )}
    </>
  );
}
