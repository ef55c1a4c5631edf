import { Button, Form, Select, SummaryList, Table } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { EffectiveContract } from '../get-effective-contract.ts';
import { formatNumber, itemPath, orgName, progressText } from './common.tsx';

/** `/orgs/<slug>/plans/contract`: the head's accountable indicators, weights and the year's result (task 5.3). */
export function ContractView({ c }: { c: EffectiveContract }) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(c.org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('plans.contract.title')}</h1>
      <p class="govuk-body">{t('plans.contract.lead')}</p>
      <SummaryList
        rows={[
          {
            key: t('plans.contract.head'),
            value: c.org.headName
              ? [c.org.headName, c.org.headPosition].filter(Boolean).join(', ')
              : t('plans.contract.headUnknown'),
          },
          { key: t('plans.contract.result', { year: c.year }), value: progressText(c.result, t) },
        ]}
      />
      {c.years.length > 1 && (
        <Form action={`/orgs/${c.org.slug}/plans/contract`} method="get">
          <Select
            name="year"
            label={t('plans.contract.year')}
            value={String(c.year)}
            items={c.years.map((y) => ({ value: String(y), text: String(y) }))}
          />
          <Button variant="secondary">{t('plans.filter.apply')}</Button>
        </Form>
      )}
      {c.lines.length === 0 ? (
        <p class="govuk-body">{t('plans.contract.none')}</p>
      ) : (
        <Table
          caption={t('plans.contract.result', { year: c.year })}
          head={[
            { text: t('plans.itemKind.indicator') },
            { text: t('plans.contract.weight'), numeric: true },
            { text: t('plans.indicator.target'), numeric: true },
            { text: t('plans.indicator.actual'), numeric: true },
            { text: t('plans.indicator.statusCol') },
            { text: t('plans.progress'), numeric: true },
          ]}
          rows={c.lines.map((l) => [
            <a class="govuk-link" href={itemPath(c.org.slug, l.plan, l.item.id)} key="a">
              {l.item.titleRu}
            </a>,
            { content: formatNumber(l.weight, locale), numeric: true },
            { content: formatNumber(l.target, locale), numeric: true },
            { content: formatNumber(l.actual, locale), numeric: true },
            l.status ? t(`plans.pstatus.${l.status}`) : '',
            { content: progressText(l.progress, t), numeric: true },
          ])}
        />
      )}
    </>
  );
}
