import { Column, GridRow } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import '../cabinet.messages.ts';
import type { PublicFigures } from '../stats/figures.ts';
import { type Cell, formatCell, formatMeasure, isSuppressed, suppressCount } from '../stats/suppress.ts';

/** Answered after the deadline: the answered less those on time, suppressed like any count (unknown when either is). */
export function answeredLate(f: PublicFigures): Cell | null {
  if (typeof f.answered !== 'number' || typeof f.answeredOnTime !== 'number') return null;
  return suppressCount(f.answered - f.answeredOnTime);
}

/**
 * The few figures that matter, first and large (issue 10, the activist): the
 * share answered on time, the answers given late, the share of people
 * satisfied with the answer; the full table follows on the page.
 */
export function StatsHeadline({ figures: f, year }: { figures: PublicFigures; year: number }) {
  const { t, locale } = useView();
  const late = answeredLate(f);
  const item = (id: string, big: string, label: string, detail: string) => (
    <Column width="one-third">
      <p class="govuk-body" id={id}>
        <span class="govuk-!-font-size-48 govuk-!-font-weight-bold govuk-!-display-block">{big}</span>
        <span class="govuk-!-font-weight-bold">{label}</span>
        <span class="govuk-body-s govuk-!-display-block">{detail}</span>
      </p>
    </Column>
  );
  return (
    <section aria-labelledby="stats-headline-heading" id="stats-headline">
      <h2 class="govuk-heading-l" id="stats-headline-heading">
        {t('appeals.headline.title', { year })}
      </h2>
      <GridRow>
        {item(
          'headline-on-time',
          formatMeasure(f.onTimeShare, locale, ' %'),
          t('appeals.headline.onTime'),
          t('appeals.headline.onTime.detail', {
            onTime: formatCell(f.answeredOnTime, locale),
            answered: formatCell(f.answered, locale),
          }),
        )}
        {item(
          'headline-late',
          late === null ? '—' : formatCell(late, locale),
          t('appeals.headline.late'),
          t('appeals.headline.late.detail', { open: formatCell(f.inReview, locale) }),
        )}
        {item(
          'headline-satisfied',
          formatMeasure(f.satisfiedShare, locale, ' %'),
          t('appeals.headline.satisfied'),
          t('appeals.headline.satisfied.detail', { rated: formatCell(f.rated, locale) }),
        )}
      </GridRow>
    </section>
  );
}

/** «<3» and «≥3» in plain words, beside the figures that use them (not only folded in «Как считаются показатели»). */
export function SuppressionExplained({ cells }: { cells: readonly Cell[] }) {
  const { t } = useView();
  const used = cells.some((c) => isSuppressed(c));
  return (
    <div class="govuk-inset-text" id="suppression-explained">
      <p class="govuk-body">{t('appeals.headline.lessThan3')}</p>
      <p class="govuk-body govuk-!-margin-bottom-0">{t('appeals.headline.atLeast3')}</p>
      {!used && (
        <p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
          {t('appeals.headline.noneHere')}
        </p>
      )}
    </div>
  );
}
