import { Details, Table } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { barChartSvg, describeSeries } from '../stats/charts.ts';
import type { PublicFigures } from '../stats/figures.ts';
import { figureRows, monthLabel, shortMonthLabel } from '../stats/labels.ts';
import { type Cell, formatCell, suppressCount } from '../stats/suppress.ts';

/** A chart rendered on the server (SVG with its own <title>/<desc>), inside a figure with a visible caption. */
export function Chart({ svg, caption }: { svg: string; caption: string }) {
  return (
    <figure class="govuk-!-margin-0 govuk-!-margin-bottom-4">
      <figcaption class="govuk-body govuk-!-font-weight-bold">{caption}</figcaption>
      {/* the SVG is built by barChartSvg from escaped labels and numbers */}
      <div dangerouslySetInnerHTML={{ __html: svg }} />
    </figure>
  );
}

/** The topic's name, or «not classified yet». */
export function topicName(t: { code: string; name: string }, tr: (k: string) => string): string {
  return t.code ? t.name || t.code : tr('appeals.stats.unclassified');
}

/**
 * The statistics of a period: key figures, by month and by topic (chart and
 * the same figures in a table beside it), citizens' satisfaction, and how the
 * figures are counted. `id` keeps the charts' ids unique on the page.
 */
export function StatsBlock({
  figures: f,
  id,
  headingLevel = 3,
}: {
  figures: PublicFigures;
  id: string;
  headingLevel?: 2 | 3;
}) {
  const { t, locale } = useView();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const fmt = (c: Cell) => formatCell(c, locale);
  const months = f.byMonth.map((m) => shortMonthLabel(m.month, locale));
  const monthSeries = [
    { name: t('appeals.stats.received'), values: f.byMonth.map((m) => m.received) },
    { name: t('appeals.stats.answered'), values: f.byMonth.map((m) => m.answered) },
  ];
  const topics = f.byTopic.map((x) => topicName(x, t));
  const topicSeries = [{ name: t('appeals.stats.received'), values: f.byTopic.map((x) => x.count) }];
  // The split is drawn only when both counts are public; «not satisfied» is suppressed like any count.
  const split = typeof f.rated === 'number' && typeof f.satisfied === 'number';
  const satisfactionSeries = [
    {
      name: t('appeals.stats.rated'),
      values: split ? [f.satisfied, suppressCount((f.rated as number) - (f.satisfied as number))] : [],
    },
  ];
  const satCats = [t('appeals.stats.satisfiedYes'), t('appeals.stats.satisfiedNo')];
  return (
    <>
      <Table
        caption={t('appeals.stats.summary')}
        head={[{ text: t('appeals.stats.figure') }, { text: t('appeals.stats.value'), numeric: true }]}
        rows={figureRows(f, t, locale).map((r) => [
          { content: r.label, header: true },
          { content: r.value, numeric: true },
        ])}
      />
      <H class="govuk-heading-m">{t('appeals.stats.byMonth')}</H>
      {f.byMonth.length > 0 && (
        <Chart
          caption={t('appeals.stats.byMonthChart')}
          svg={barChartSvg({
            id: `${id}-months`,
            title: t('appeals.stats.byMonthChart'),
            description: describeSeries(months, monthSeries, fmt),
            categories: months,
            series: monthSeries,
          })}
        />
      )}
      <Table
        caption={<span class="govuk-visually-hidden">{t('appeals.stats.byMonth')}</span>}
        head={[
          { text: t('appeals.stats.month') },
          { text: t('appeals.stats.received'), numeric: true },
          { text: t('appeals.stats.answered'), numeric: true },
        ]}
        rows={f.byMonth.map((m) => [
          { content: monthLabel(m.month, locale), header: true },
          { content: fmt(m.received), numeric: true },
          { content: fmt(m.answered), numeric: true },
        ])}
      />
      <H class="govuk-heading-m">{t('appeals.stats.byTopic')}</H>
      {f.byTopic.length === 0 ? (
        <p class="govuk-body">{t('appeals.stats.noTopics')}</p>
      ) : (
        <>
          <Chart
            caption={t('appeals.stats.byTopicChart')}
            svg={barChartSvg({
              id: `${id}-topics`,
              title: t('appeals.stats.byTopicChart'),
              description: describeSeries(topics, topicSeries, fmt),
              categories: topics,
              series: topicSeries,
              horizontal: true,
            })}
          />
          <Table
            caption={<span class="govuk-visually-hidden">{t('appeals.stats.byTopic')}</span>}
            head={[{ text: t('appeals.stats.topic') }, { text: t('appeals.stats.received'), numeric: true }]}
            rows={f.byTopic.map((x) => [
              { content: topicName(x, t), header: true },
              { content: fmt(x.count), numeric: true },
            ])}
          />
        </>
      )}
      <H class="govuk-heading-m">{t('appeals.stats.satisfaction')}</H>
      <p class="govuk-body">
        {t('appeals.stats.satisfactionLine', {
          rated: fmt(f.rated),
          share: f.satisfiedShare === null ? '—' : `${f.satisfiedShare.toLocaleString(locale)} %`,
        })}
      </p>
      {split && (
        <Chart
          caption={t('appeals.stats.satisfactionChart')}
          svg={barChartSvg({
            id: `${id}-satisfaction`,
            title: t('appeals.stats.satisfactionChart'),
            description: describeSeries(satCats, satisfactionSeries, fmt),
            categories: satCats,
            series: satisfactionSeries,
            horizontal: true,
          })}
        />
      )}
      <Details summary={t('appeals.stats.aboutTitle')}>
        <p class="govuk-body">{t('appeals.stats.countNote')}</p>
        <p class="govuk-body">{t('appeals.stats.suppressionNote')}</p>
        <p class="govuk-body">{t('appeals.stats.corruptionNote')}</p>
      </Details>
    </>
  );
}
