import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFound } from '../../../platform/errors/index.ts';
import { csvFile } from '../../../platform/files/csv.ts';
import {
  Button,
  Details,
  Heading,
  Table,
  type TableCell,
  Tag,
  type TagColour,
  useView,
} from '../../../platform/ui/index.ts';
import { barChartSvg } from '../../appeals/index.ts';
import { annualReportDocx } from '../annual-report.ts';
import {
  getOrgRating,
  getOrgRatingHistory,
  getRating,
  latestRatingYear,
  type Rating,
  type RatingRow,
} from '../get-rating.ts';
import type { ResultLine } from '../monitoring.tables.ts';

const fmt = (n: number | null | undefined, locale: string) =>
  n === null || n === undefined
    ? '—'
    : n.toLocaleString(locale === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 });
const signed = (n: number | null, locale: string) =>
  n === null ? '—' : `${n > 0 ? '+' : ''}${fmt(n, locale)}`;

function band(v: number | null): TagColour {
  if (v === null) return 'grey';
  return v >= 75 ? 'green' : v >= 50 ? 'teal' : v >= 25 ? 'yellow' : 'red';
}

function orgName(o: { nameRu: string; nameEn: string | null }, locale: string) {
  return locale === 'en' && o.nameEn ? o.nameEn : o.nameRu;
}

function yearOf(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw new NotFound('rating');
  return Number(raw);
}

/** The mechanisms a rating's rows have, in the concept's order. */
function mechanismsOf(rows: RatingRow[]): string[] {
  const order = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'V', 'VI'];
  const present = new Set(rows.flatMap((r) => Object.keys(r.byMechanism)));
  return order.filter((m) => present.has(m));
}

function RankTable({ rows, caption, year }: { rows: RatingRow[]; caption: string; year: number }) {
  const { t, locale } = useView();
  return (
    <Table
      caption={caption}
      head={[
        { text: t('monitoring.rating.place'), numeric: true },
        { text: t('monitoring.rating.org') },
        { text: t('monitoring.rating.index'), numeric: true },
        { text: t('monitoring.rating.change'), numeric: true },
      ]}
      rows={rows.map((r) => [
        { content: r.rank, numeric: true },
        <a class="govuk-link" href={`/rating/${year}/${r.org.slug}`}>
          {orgName(r.org, locale)}
        </a>,
        { content: fmt(r.index, locale), numeric: true },
        { content: signed(r.change, locale), numeric: true },
      ])}
    />
  );
}

function HeatTable({ rows, caption }: { rows: RatingRow[]; caption: string }) {
  const { t, locale } = useView();
  const ms = mechanismsOf(rows);
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={[{ text: t('monitoring.rating.org') }, ...ms.map((m) => ({ text: m, numeric: true }))]}
      rows={rows.map((r) => [
        orgName(r.org, locale),
        ...ms.map(
          (m): TableCell => ({
            content: <Tag colour={band(r.byMechanism[m] ?? null)}>{fmt(r.byMechanism[m], locale)}</Tag>,
            numeric: true,
          }),
        ),
      ])}
    />
  );
}

function MechanismLegend({ rows }: { rows: RatingRow[] }) {
  const { t } = useView();
  return (
    <dl class="govuk-body-s">
      {mechanismsOf(rows).map((m) => (
        <div key={m}>
          <dt class="govuk-!-display-inline govuk-!-font-weight-bold">{m}</dt>{' '}
          <dd class="govuk-!-display-inline govuk-!-margin-left-0">
            — {t(`monitoring.rating.mechanism.${m}`)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function RatingView({ rating }: { rating: Rating }) {
  const { t } = useView();
  const year = rating.cycle.year;
  return (
    <>
      <Heading>{t('monitoring.rating.title', { year })}</Heading>
      <p class="govuk-body-l">{t('monitoring.rating.lead', { year })}</p>
      <p class="govuk-body">
        <a class="govuk-link" href={`/rating/${year}/rating.csv`}>
          {t('monitoring.rating.csv')}
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={`/rating/${year}/report.docx`}>
          {t('monitoring.rating.docx')}
        </a>
      </p>
      <RankTable rows={rating.executive} caption={t('monitoring.rating.executive')} year={year} />
      <RankTable rows={rating.municipal} caption={t('monitoring.rating.municipal')} year={year} />
      <Heading level={2} size="m">
        {t('monitoring.rating.heat')}
      </Heading>
      <MechanismLegend rows={[...rating.executive, ...rating.municipal]} />
      <HeatTable rows={rating.executive} caption={t('monitoring.rating.executive')} />
      <HeatTable rows={rating.municipal} caption={t('monitoring.rating.municipal')} />
      <Details summary={t('monitoring.rating.how')}>
        <p class="govuk-body">{t('monitoring.rating.howText')}</p>
      </Details>
      {rating.years.length > 1 && (
        <>
          <Heading level={2} size="s">
            {t('monitoring.rating.years')}
          </Heading>
          <ul class="govuk-list">
            {rating.years.map((y) => (
              <li key={y}>
                <a class="govuk-link" href={`/rating/${y}`}>
                  {y}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function valueText(l: ResultLine, t: (k: string) => string, locale: string): string {
  if (l.value === null) return t('monitoring.org.noData');
  if (l.scale === 'yes_no') return l.value >= 1 ? t('monitoring.yes') : t('monitoring.no');
  if (l.scale === 'score_0_3') return `${fmt(l.value, locale)} из 3`;
  if (l.scale === 'percent') return `${fmt(l.value, locale)} %`;
  return fmt(l.value, locale);
}

function OrgRatingView({ row, count, year }: { row: RatingRow; count: number; year: number }) {
  const { t, locale } = useView();
  const ms = Object.keys(row.byMechanism);
  return (
    <>
      <Heading caption={t('monitoring.rating.title', { year })}>{orgName(row.org, locale)}</Heading>
      <p class="govuk-body-l">
        {t('monitoring.org.summary', { index: fmt(row.index, locale), rank: row.rank, count })}
        {row.change !== null && ` ${t('monitoring.rating.change')}: ${signed(row.change, locale)}.`}
      </p>
      <figure class="govuk-!-margin-0 govuk-!-margin-bottom-4">
        {/* the SVG is built by barChartSvg from escaped labels and numbers; the same figures are in the table below */}
        <div
          dangerouslySetInnerHTML={{
            __html: barChartSvg({
              id: `profile-${row.org.slug}`,
              title: t('monitoring.org.profile'),
              description: ms
                .map(
                  (m) => `${m}. ${t(`monitoring.rating.mechanism.${m}`)}: ${fmt(row.byMechanism[m], locale)}`,
                )
                .join('; '),
              categories: ms.map((m) => `${m}. ${t(`monitoring.rating.mechanism.${m}`)}`),
              series: [
                { name: t('monitoring.rating.index'), values: ms.map((m) => row.byMechanism[m] ?? 0) },
              ],
              horizontal: true,
            }),
          }}
        />
      </figure>
      <Table
        caption={t('monitoring.org.profile')}
        head={[{ text: t('monitoring.rating.heat') }, { text: t('monitoring.rating.index'), numeric: true }]}
        rows={ms.map((m) => [
          `${m}. ${t(`monitoring.rating.mechanism.${m}`)}`,
          {
            content: <Tag colour={band(row.byMechanism[m] ?? null)}>{fmt(row.byMechanism[m], locale)}</Tag>,
            numeric: true,
          },
        ])}
      />
      <Heading level={2} size="m">
        {t('monitoring.org.criteria')}
      </Heading>
      <Table
        caption={t('monitoring.org.criteria')}
        captionSize="s"
        head={[
          { text: t('monitoring.field.task') },
          { text: t('monitoring.field.question') },
          { text: t('monitoring.field.source') },
          { text: t('monitoring.org.value') },
          { text: t('monitoring.org.points'), numeric: true },
          { text: t('monitoring.org.basis') },
        ]}
        rows={row.lines.map((l) => [
          l.task,
          l.question,
          t(`monitoring.source.${l.source}`),
          valueText(l, t, locale),
          { content: `${fmt(l.points, locale)} / ${fmt(l.maxPoints, locale)}`, numeric: true },
          <>
            {l.basis}
            {l.evidence && (
              <>
                {' '}
                <a
                  class="govuk-link"
                  href={l.evidence}
                  rel={l.evidence.startsWith('/') ? undefined : 'noopener noreferrer'}
                >
                  {t('monitoring.field.evidence')}
                </a>
              </>
            )}
            {l.comments.map((c) => (
              <span class="govuk-body-s govuk-!-display-block" key={c}>
                «{c}»
              </span>
            ))}
          </>,
        ])}
      />
      <Details summary={t('monitoring.rating.how')}>
        <p class="govuk-body">{t('monitoring.rating.howText')}</p>
      </Details>
      <Button href={`/rating/${year}`} variant="secondary">
        {t('monitoring.rating.title', { year })}
      </Button>
    </>
  );
}

/** The public rating pages (section V, VI): /rating, /rating/<year>, its CSV and DOCX, /rating/<year>/<slug>, /orgs/<slug>/rating. */
export async function monitoringPublicRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const crumbs = (req: FastifyRequest, year?: number) => [
    { href: '/', text: req.t('ui.nav.home') },
    ...(year ? [{ href: `/rating/${year}`, text: req.t('monitoring.rating.title', { year }) }] : []),
  ];

  app.get('/rating', async (req, reply) => {
    const year = await latestRatingYear(deps);
    if (year) return reply.redirect(`/rating/${year}`, 303);
    return reply.page(
      req.t('monitoring.rating.title', { year: '' }),
      <p class="govuk-body">{req.t('monitoring.rating.none')}</p>,
      {
        breadcrumbs: crumbs(req),
      },
    );
  });

  app.get<{ Params: { year: string } }>('/rating/:year', async (req, reply) => {
    const rating = await getRating(deps, yearOf(req.params.year));
    return reply.page(
      req.t('monitoring.rating.title', { year: rating.cycle.year }),
      <RatingView rating={rating} />,
      {
        breadcrumbs: crumbs(req),
      },
    );
  });

  app.get<{ Params: { year: string } }>('/rating/:year/rating.csv', async (req, reply) => {
    const rating = await getRating(deps, yearOf(req.params.year));
    const all = [...rating.executive, ...rating.municipal];
    const ms = mechanismsOf(all);
    const body = csvFile([
      [
        'Год',
        'Таблица',
        'Место',
        'Организация',
        'Код',
        'Индекс',
        'К прошлому году',
        ...ms.map((m) => `Механизм ${m}`),
      ],
      ...all.map((r) => [
        rating.cycle.year,
        r.level === 'municipal' ? 'Муниципальные образования' : 'Органы исполнительной власти',
        r.rank,
        r.org.nameRu,
        r.org.slug,
        r.index,
        r.change ?? '',
        ...ms.map((m) => r.byMechanism[m] ?? ''),
      ]),
    ]);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="openness-rating-${rating.cycle.year}.csv"`)
      .send(body);
  });

  app.get<{ Params: { year: string } }>('/rating/:year/report.docx', async (req, reply) => {
    const year = yearOf(req.params.year);
    const buf = await annualReportDocx(deps, year, `${deps.config.publicUrl}/rating/${year}`);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="openness-report-${year}.docx"`)
      .send(buf);
  });

  app.get<{ Params: { year: string; slug: string } }>('/rating/:year/:slug', async (req, reply) => {
    const { rating, row, count } = await getOrgRating(deps, {
      year: yearOf(req.params.year),
      slug: req.params.slug,
    });
    return reply.page(
      req.t('monitoring.org.title', { org: orgName(row.org, req.locale), year: rating.cycle.year }),
      <OrgRatingView row={row} count={count} year={rating.cycle.year} />,
      { breadcrumbs: [...crumbs(req, rating.cycle.year), { text: orgName(row.org, req.locale) }] },
    );
  });

  app.get<{ Params: { slug: string } }>('/orgs/:slug/rating', async (req, reply) => {
    const { org, years } = await getOrgRatingHistory(deps, req.params.slug);
    const name = orgName(org, req.locale);
    return reply.page(
      `${name}: ${req.t('monitoring.org.history')}`,
      <>
        <Heading caption={name}>{req.t('monitoring.org.history')}</Heading>
        {years.length === 0 ? (
          <p class="govuk-body">{req.t('monitoring.rating.none')}</p>
        ) : (
          <Table
            caption={req.t('monitoring.org.history')}
            captionSize="s"
            head={[
              { text: req.t('monitoring.field.year') },
              { text: req.t('monitoring.rating.index'), numeric: true },
              { text: req.t('monitoring.rating.place'), numeric: true },
            ]}
            rows={years.map((y) => [
              <a class="govuk-link" href={`/rating/${y.year}/${org.slug}`}>
                {y.year}
              </a>,
              { content: fmt(y.index, req.locale), numeric: true },
              { content: y.rank, numeric: true },
            ])}
          />
        )}
      </>,
      {
        breadcrumbs: [
          { href: '/', text: req.t('ui.nav.home') },
          { href: `/orgs/${org.slug}`, text: name },
          { text: req.t('monitoring.org.history') },
        ],
      },
    );
  });
}
