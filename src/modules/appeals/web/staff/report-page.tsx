import type { FieldError } from '../../../../platform/errors/index.ts';
import {
  Button,
  ErrorSummary,
  Form,
  Select,
  Table,
  TextInput,
  WarningText,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import type { OrgRow } from '../../../orgs/index.ts';
import { type MonthlyReport, REPORT_COLUMNS } from '../../build-monthly-report.ts';
import { questionStatusKey } from '../../outcomes.ts';

/** /manage/appeals/report: choose the body and the month; the table, and links to CSV and XLSX. */
export function ReportPage(p: {
  orgs: OrgRow[];
  values: Record<string, string>;
  errors: FieldError[];
  report: MonthlyReport | null;
}) {
  const { t } = useView();
  const q = new URLSearchParams({ org: p.values.org ?? '', month: p.values.month ?? '' });
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1 class="govuk-heading-l">{t('appeals.staff.report.title')}</h1>
      <p class="govuk-body">{t('appeals.staff.report.lead')}</p>
      <Form action="/manage/appeals/report" method="get">
        <Select
          name="org"
          label={t('appeals.staff.filter.org')}
          value={p.values.org ?? ''}
          errors={p.errors}
          items={p.orgs.map((o) => ({ value: o.id, text: o.nameRu }))}
        />
        <TextInput
          name="month"
          label={t('appeals.staff.report.month')}
          hint={t('appeals.staff.report.monthHint')}
          value={p.values.month}
          errors={p.errors}
          width="10"
          inputmode="numeric"
        />
        <Button variant="secondary">{t('appeals.staff.report.show')}</Button>
      </Form>
      {p.report && (
        <>
          <h2 class="govuk-heading-m">
            {p.report.orgName}: {p.report.month}
          </h2>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={`/manage/appeals/report?${q}&format=csv`} download>
                {t('appeals.staff.report.csv')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={`/manage/appeals/report?${q}&format=xlsx`} download>
                {t('appeals.staff.report.xlsx')}
              </a>
            </li>
          </ul>
          {p.report.unclassified > 0 && (
            <WarningText>{t('appeals.staff.report.unclassified', { n: p.report.unclassified })}</WarningText>
          )}
          {p.report.rows.length === 0 ? (
            <p class="govuk-body">{t('appeals.staff.report.empty')}</p>
          ) : (
            <section
              class="app-table-scroll"
              tabindex={0}
              aria-label={t('appeals.staff.report.caption', { version: p.report.totkVersion })}
            >
              <Table
                caption={t('appeals.staff.report.caption', { version: p.report.totkVersion })}
                captionSize="s"
                head={[
                  { text: t('appeals.staff.report.code') },
                  { text: t('appeals.staff.report.question') },
                  ...REPORT_COLUMNS.map((c) => ({
                    text: t(questionStatusKey(c.status, c.measures)),
                    numeric: true,
                  })),
                  { text: t('appeals.staff.report.total'), numeric: true },
                ]}
                rows={[
                  ...p.report.rows.map((r) => [
                    r.code,
                    r.name,
                    ...r.counts.map((n) => ({ content: String(n), numeric: true })),
                    { content: String(r.total), numeric: true },
                  ]),
                  [
                    '',
                    t('appeals.staff.report.total'),
                    ...p.report.totals.map((n) => ({ content: String(n), numeric: true })),
                    { content: String(p.report.totals.reduce((s, n) => s + n, 0)), numeric: true },
                  ],
                ]}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
