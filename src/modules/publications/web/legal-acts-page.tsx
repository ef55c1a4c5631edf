import { formatLocalDate } from '../../../platform/calendar/format.ts';
import { Button, Form, Pagination, Select, Table, TextInput } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { LegalActsFilter, LegalActsPage } from '../get-legal-acts.ts';
import { docTypeLabel, regionalActTypes } from '../publications.input.ts';
import { StatusTag } from './common.tsx';

/** The address of the register with a filter (and a cursor). */
export function actsHref(f: LegalActsFilter, after?: string): string {
  const p = new URLSearchParams();
  if (f.type) p.set('type', f.type);
  if (f.year) p.set('year', String(f.year));
  if (f.number) p.set('number', f.number);
  if (after) p.set('after', after);
  const s = p.toString();
  return s ? `/legal-acts?${s}` : '/legal-acts';
}

/** /legal-acts: the region's laws and the government's and governor's acts, filtered, in keyset pages. */
export function LegalActsView({
  page,
  filter,
  first,
}: {
  page: LegalActsPage;
  filter: LegalActsFilter;
  /** true on the first page (no cursor) */
  first: boolean;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('publications.acts.title')}</h1>
      <p class="govuk-body-l">{t('publications.acts.lead')}</p>
      <Form action="/legal-acts" method="get">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <Select
              name="type"
              label={t('publications.field.docType')}
              value={filter.type ?? ''}
              items={[
                { value: '', text: t('publications.documents.any') },
                ...regionalActTypes.map((d) => ({ value: d, text: docTypeLabel(d, locale) })),
              ]}
            />
          </div>
          <div class="govuk-grid-column-one-quarter">
            <Select
              name="year"
              label={t('publications.acts.year')}
              value={filter.year ? String(filter.year) : ''}
              items={[
                { value: '', text: t('publications.documents.any') },
                ...page.years.map((y) => ({ value: String(y), text: String(y) })),
              ]}
            />
          </div>
          <div class="govuk-grid-column-one-quarter">
            <TextInput
              name="number"
              label={t('publications.requisites.number')}
              value={filter.number ?? ''}
              width="10"
            />
          </div>
        </div>
        <Button variant="secondary">{t('publications.documents.filter')}</Button>
      </Form>
      <p class="govuk-body">
        <a class="govuk-link" href="/feeds/legal-acts.atom">
          {t('publications.acts.feed')}
        </a>
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/legal-acts/open-municipality">
          {t('publications.openMunRegion.title')}
        </a>
      </p>
      {page.items.length === 0 ? (
        <p class="govuk-body">{t('publications.documents.empty')}</p>
      ) : (
        <Table
          caption={t('publications.acts.caption')}
          captionSize="s"
          head={[
            { text: t('publications.requisites.type') },
            { text: t('publications.requisites.number') },
            { text: t('publications.requisites.date') },
            { text: t('publications.field.title') },
            { text: t('publications.requisites.status') },
          ]}
          rows={page.items.map((d) => [
            docTypeLabel(d.docType, locale),
            d.docNumber,
            formatLocalDate(d.docDate),
            <a key="l" class="govuk-link" href={`/orgs/${d.org?.slug ?? ''}/documents/${d.id}`}>
              {d.title}
            </a>,
            <StatusTag key="s" status={d.docStatus} />,
          ])}
        />
      )}
      <Pagination
        previous={first ? undefined : { href: actsHref(filter), text: t('publications.acts.firstPage') }}
        next={page.next ? { href: actsHref(filter, page.next) } : undefined}
      />
    </>
  );
}
