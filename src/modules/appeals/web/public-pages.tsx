import { formatDate } from '../../../platform/calendar/format.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { Button, Details, Form, Select, SummaryList, Table, Tag } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OfficialRow, OrgRow } from '../../orgs/index.ts';
import type { DeadlineSettings } from '../appeals.model.ts';
import type { FaqRow, ReviewRow } from '../public.repository.ts';
import { barChartSvg, describeSeries } from '../stats/charts.ts';
import type { PublicFigures } from '../stats/figures.ts';
import { quarterLabel } from '../stats/labels.ts';
import { formatCell, formatMeasure } from '../stats/suppress.ts';
import { Chart, StatsBlock } from './public-stats.tsx';
import { StatsHeadline, SuppressionExplained } from './stats-headline.tsx';

export function orgName(org: Pick<OrgRow, 'nameRu' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

/** Paragraphs of a plain text (an empty line starts a new one). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p class="govuk-body" key={i}>
            {p}
          </p>
        ))}
    </>
  );
}

export const reviewPath = (slug: string, r: Pick<ReviewRow, 'year' | 'quarter'>) =>
  `/orgs/${slug}/appeals/reviews/${r.year}-q${r.quarter}`;

function YearForm({ action, year, years }: { action: string; year: number; years: number[] }) {
  const { t } = useView();
  return (
    <Form action={action} method="get">
      <div class="govuk-!-display-inline-block govuk-!-margin-right-2">
        <Select
          name="year"
          label={t('appeals.public.stats.year')}
          value={String(year)}
          items={years.map((y) => ({ value: String(y), text: String(y) }))}
        />
      </div>
      <Button variant="secondary">{t('appeals.public.stats.show')}</Button>
    </Form>
  );
}

function ReviewList({ slug, reviews }: { slug: string; reviews: ReviewRow[] }) {
  const { t } = useView();
  return (
    <ul class="govuk-list govuk-list--spaced">
      {reviews.map((r) => (
        <li key={r.id}>
          <a class="govuk-link" href={reviewPath(slug, r)}>
            {t('appeals.review.title', { quarter: quarterLabel(r.quarter, t), year: r.year })}
          </a>
        </li>
      ))}
    </ul>
  );
}

export type OrgAppealsProps = {
  org: OrgRow;
  officials: OfficialRow[];
  deadlines: DeadlineSettings;
  faq: FaqRow[];
  figures: PublicFigures;
  year: number;
  years: number[];
  reviews: ReviewRow[];
};

/** `/orgs/<slug>/appeals`: who answers, how to write, how appeals are handled, FAQ, statistics, reviews. */
export function OrgAppealsView(p: OrgAppealsProps) {
  const { t, locale } = useView();
  const base = `/orgs/${p.org.slug}/appeals`;
  return (
    <>
      <span class="govuk-caption-l">{orgName(p.org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('appeals.public.title')}</h1>
      <p class="govuk-body-l">{t('appeals.public.lead')}</p>
      <Button href={`${base}/new`} variant="start">
        {t('appeals.public.write')}
      </Button>

      <h2 class="govuk-heading-l">{t('appeals.public.who.title')}</h2>
      {p.officials.length === 0 ? (
        <p class="govuk-body">{t('appeals.public.who.none')}</p>
      ) : (
        p.officials.map((o) => (
          <div key={o.id} class="govuk-!-margin-bottom-4">
            <h3 class="govuk-heading-s govuk-!-margin-bottom-2">
              {o.fullName} {o.isDemo && <Tag colour="yellow">{t('orgs.officials.demo')}</Tag>}
            </h3>
            <SummaryList
              rows={[
                { key: t('orgs.officials.position'), value: o.position },
                {
                  key: t('orgs.officials.contacts'),
                  value: [o.phone, o.email].filter(Boolean).join(', ') || t('orgs.officials.noContacts'),
                },
                ...(o.receptionHours
                  ? [{ key: t('orgs.officials.reception'), value: o.receptionHours }]
                  : []),
              ]}
            />
          </div>
        ))
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`/orgs/${p.org.slug}/officials`}>
          {t('appeals.public.who.all')}
        </a>
      </p>

      <h2 class="govuk-heading-l">{t('appeals.public.how.title')}</h2>
      <p class="govuk-body">{t('appeals.public.how.p1')}</p>
      <p class="govuk-body">{t('appeals.public.how.p2')}</p>
      <p class="govuk-body">{t('appeals.public.how.p3')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href={`${base}/new`}>
          {t('appeals.public.write')}
        </a>
      </p>

      <h2 class="govuk-heading-l">{t('appeals.public.handling.title')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>{t('appeals.public.handling.register')}</li>
        <li>{t('appeals.public.handling.answer', { days: p.deadlines.answerDays })}</li>
        <li>{t('appeals.public.handling.forward', { days: p.deadlines.forwardDays })}</li>
        <li>{t('appeals.public.handling.extend', { days: p.deadlines.extensionMaxDays })}</li>
        <li>
          {t('appeals.public.handling.info', {
            days: p.deadlines.infoRequestAnswerDays,
            extra: p.deadlines.infoRequestExtensionMaxDays,
          })}
        </li>
        <li>{t('appeals.public.handling.without')}</li>
        <li>{t('appeals.public.handling.privacy')}</li>
      </ul>

      <h2 class="govuk-heading-l" id="faq">
        {t('appeals.public.faq.title')}
      </h2>
      {p.faq.length === 0 ? (
        <p class="govuk-body">{t('appeals.public.faq.none')}</p>
      ) : (
        p.faq.map((f) => (
          <Details key={f.id} summary={f.question}>
            <Paragraphs text={f.answer} />
          </Details>
        ))
      )}

      <h2 class="govuk-heading-l" id="stats">
        {t('appeals.public.stats.title', { year: p.year })}
      </h2>
      <YearForm action={`${base}#stats`} year={p.year} years={p.years} />
      <StatsBlock figures={p.figures} id="org-stats" />

      <h2 class="govuk-heading-l">{t('appeals.public.reviews.title')}</h2>
      <p class="govuk-body">{t('appeals.public.reviews.lead')}</p>
      {p.reviews.length === 0 ? (
        <p class="govuk-body">{t('appeals.public.reviews.none')}</p>
      ) : (
        <ReviewList slug={p.org.slug} reviews={p.reviews.slice(0, 4)} />
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`${base}/reviews`}>
          {t('appeals.public.reviews.all')}
        </a>
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/appeals/stats">
          {t('appeals.public.region')}
        </a>
      </p>
    </>
  );
}

/** `/orgs/<slug>/appeals/reviews`: the body's published quarterly reviews. */
export function ReviewsListView({ org, reviews }: { org: OrgRow; reviews: ReviewRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('appeals.public.reviews.title')}</h1>
      <p class="govuk-body-l">{t('appeals.public.reviews.lead')}</p>
      {reviews.length === 0 ? (
        <p class="govuk-body">{t('appeals.public.reviews.none')}</p>
      ) : (
        <ReviewList slug={org.slug} reviews={reviews} />
      )}
    </>
  );
}

/** A quarterly review page (public, or a staff preview of a draft). */
export function ReviewView({
  org,
  review,
  docxHref,
}: {
  org: OrgRow;
  review: ReviewRow;
  docxHref: string | null;
}) {
  const { t, locale } = useView();
  const quarter = quarterLabel(review.quarter, t);
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('appeals.review.title', { quarter, year: review.year })}</h1>
      {review.publishedAt && (
        <p class="govuk-body govuk-hint">
          {t('appeals.review.published', { date: formatDate(review.publishedAt, locale) })}
        </p>
      )}
      <p class="govuk-body-l">{t('appeals.review.lead', { quarter, year: review.year })}</p>
      {docxHref && (
        <p class="govuk-body">
          <a class="govuk-link" href={docxHref} download>
            {t('appeals.review.download')}
          </a>
        </p>
      )}
      <StatsBlock figures={review.figures} id="review-stats" headingLevel={2} />
      <h2 class="govuk-heading-l">{t('appeals.review.measures')}</h2>
      <Paragraphs text={review.comment ?? t('appeals.review.noComment')} />
    </>
  );
}

export type RegionRow = { org: OrgRow; figures: PublicFigures };

/** `/appeals/stats`: every body on the same figures, the region's total, and the chart of appeals received. */
export function RegionStatsView({
  rows,
  total,
  year,
  years,
  level,
}: {
  rows: RegionRow[];
  total: PublicFigures;
  year: number;
  years: number[];
  level: 'all' | 'executive' | 'municipal';
}) {
  const { t, locale } = useView();
  const fmt = (c: PublicFigures['received']) => formatCell(c, locale);
  const pct = (m: number | null) => formatMeasure(m, locale, ' %');
  const withAppeals = rows.filter((r) => typeof r.figures.received === 'number').slice(0, 20);
  const names = withAppeals.map((r) => r.org.shortNameRu ?? orgName(r.org, locale));
  const series = [{ name: t('appeals.stats.received'), values: withAppeals.map((r) => r.figures.received) }];
  const cols = (f: PublicFigures) => [
    { content: fmt(f.received), numeric: true },
    { content: fmt(f.answered), numeric: true },
    { content: pct(f.onTimeShare), numeric: true },
    { content: fmt(f.forwarded), numeric: true },
    { content: fmt(f.leftWithoutAnswer), numeric: true },
    { content: fmt(f.extended), numeric: true },
    { content: formatMeasure(f.averageDaysToAnswer, locale), numeric: true },
    { content: pct(f.satisfiedShare), numeric: true },
  ];
  return (
    <>
      <h1 class="govuk-heading-xl">{t('appeals.region.title')}</h1>
      <p class="govuk-body-l">{t('appeals.region.lead')}</p>
      <Form action="/appeals/stats" method="get">
        <div class="govuk-!-display-inline-block govuk-!-margin-right-2">
          <Select
            name="year"
            label={t('appeals.public.stats.year')}
            value={String(year)}
            items={years.map((y) => ({ value: String(y), text: String(y) }))}
          />
        </div>
        <div class="govuk-!-display-inline-block govuk-!-margin-right-2">
          <Select
            name="level"
            label={t('appeals.region.level')}
            value={level}
            items={(['all', 'executive', 'municipal'] as const).map((l) => ({
              value: l,
              text: t(`appeals.region.level.${l}`),
            }))}
          />
        </div>
        <Button variant="secondary">{t('appeals.public.stats.show')}</Button>
      </Form>
      <StatsHeadline figures={total} year={year} />
      <SuppressionExplained
        cells={[total, ...rows.map((r) => r.figures)].flatMap((f) => [
          f.received,
          f.answered,
          f.forwarded,
          f.leftWithoutAnswer,
          f.extended,
        ])}
      />
      <h2 class="govuk-heading-l">{t('appeals.headline.byBody')}</h2>
      {withAppeals.length > 0 && (
        <Chart
          caption={t('appeals.region.chart')}
          svg={barChartSvg({
            id: 'region-received',
            title: t('appeals.region.chart'),
            description: describeSeries(names, series, fmt),
            categories: names,
            series,
            horizontal: true,
          })}
        />
      )}
      <section class="app-table-scroll" aria-label={t('appeals.region.title')} tabindex={0}>
        <Table
          caption={t('appeals.public.stats.title', { year })}
          head={[
            { text: t('appeals.region.body') },
            { text: t('appeals.stats.received'), numeric: true },
            { text: t('appeals.stats.answered'), numeric: true },
            { text: t('appeals.stats.onTimeShare'), numeric: true },
            { text: t('appeals.stats.forwarded'), numeric: true },
            { text: t('appeals.stats.leftWithoutAnswer'), numeric: true },
            { text: t('appeals.stats.extended'), numeric: true },
            { text: t('appeals.stats.averageDaysToAnswer'), numeric: true },
            { text: t('appeals.stats.satisfiedShare'), numeric: true },
          ]}
          rows={[
            ...rows.map((r) => [
              {
                content: (
                  <a class="govuk-link" href={`/orgs/${r.org.slug}/appeals?year=${year}#stats`}>
                    {orgName(r.org, locale)}
                  </a>
                ),
                header: true,
              },
              ...cols(r.figures),
            ]),
            [{ content: t('appeals.region.total'), header: true }, ...cols(total)],
          ]}
        />
      </section>
      <h2 class="govuk-heading-m">{t('appeals.region.assessment.title')}</h2>
      <p class="govuk-body">{t('appeals.region.assessment.body')}</p>
      <Details summary={t('appeals.stats.aboutTitle')}>
        <p class="govuk-body">{t('appeals.stats.countNote')}</p>
        <p class="govuk-body">{t('appeals.stats.suppressionNote')}</p>
        <p class="govuk-body">{t('appeals.stats.corruptionNote')}</p>
      </Details>
      <p class="govuk-body">{t('appeals.region.api', { link: `/api/v1/appeals/stats?year=${year}` })}</p>
    </>
  );
}
