import { Table } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { ObstructionFigures } from '../../appeals/index.ts';
import { obstructionHead, obstructionRows } from '../obstruction.ts';

/**
 * Concept task 6.5: the complaints of obstructed public control, a column per
 * year (one in a body's annual report, the plan's years region-wide), with
 * what «<3» and «≥3» mean and the way to complain.
 */
export function ObstructionFiguresView({
  figures,
  lead,
}: {
  figures: readonly ObstructionFigures[];
  lead: string;
}) {
  const { t, locale } = useView();
  if (figures.length === 0) return null;
  const [first, ...years] = obstructionHead(figures, t);
  return (
    <section aria-labelledby="obstruction-figures">
      <h2 class="govuk-heading-l" id="obstruction-figures">
        {t('plans.obstruction.title')}
      </h2>
      <p class="govuk-body">{lead}</p>
      <Table
        caption={t('plans.obstruction.caption')}
        captionSize="s"
        firstCellIsHeader
        head={[{ text: first }, ...years.map((y) => ({ text: y, numeric: true }))]}
        rows={obstructionRows(figures, t, locale).map(([label, ...cells]) => [
          label ?? '',
          ...cells.map((c) => ({ content: c, numeric: true })),
        ])}
      />
      <p class="govuk-body-s">{t('plans.obstruction.suppressed')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="/appeals/start?type=appeal">
          {t('plans.obstruction.how')}
        </a>
      </p>
    </section>
  );
}
