import type { FieldError } from '../../../platform/errors/index.ts';
import { Button, ErrorSummary, Form, Heading, Table, Tag } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { Checkboxes, Radios, Textarea, TextInput } from '../../../platform/ui/fields.tsx';
import type { OrgRow } from '../../orgs/index.ts';
import type { ResourceRow } from '../opendata.repository.ts';

/** The inventory table (public page and the steward's page alike). */
export function InventoryTable({ items }: { items: ResourceRow[] }) {
  const { t } = useView();
  if (items.length === 0) return <p class="govuk-body">{t('opendata.inventory.empty')}</p>;
  return (
    <Table
      caption={t('opendata.inventory.title')}
      captionSize="m"
      head={[
        { text: t('opendata.field.resourceName') },
        { text: t('opendata.field.publishable') },
        { text: t('opendata.field.reason') },
      ]}
      rows={items.map((r) => [
        <>
          <strong>{r.name}</strong>
          {r.referenceBook && (
            <>
              {' '}
              <Tag colour="blue">{t('opendata.inventory.refbook')}</Tag>
            </>
          )}
          <br />
          {r.description}
          {r.datasetIdentifier && (
            <>
              <br />
              <a class="govuk-link app-break-word" href={`/opendata/${r.datasetIdentifier}/`}>
                {r.datasetIdentifier}
              </a>
            </>
          )}
        </>,
        t(`opendata.inventory.publishable.${r.publishable}`),
        r.publishable === 'no' ? (r.reason ?? '') : r.publishable === 'later' ? (r.plannedFor ?? '') : '',
      ])}
    />
  );
}

export function InventoryView({ org, items }: { org: OrgRow; items: ResourceRow[] }) {
  const { t } = useView();
  return (
    <>
      <p class="govuk-body">{t('opendata.inventory.lead')}</p>
      <InventoryTable items={items} />
      <p class="govuk-body">
        <a class="govuk-link" href={`/orgs/${org.slug}/opendata/`}>
          {t('opendata.title')}
        </a>
      </p>
    </>
  );
}

export function InventoryFormView({
  title,
  org,
  items,
  values,
  errors,
}: {
  title: string;
  org: OrgRow;
  items: ResourceRow[];
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading size="xl">{title}</Heading>
      <InventoryTable items={items} />
      <h2 class="govuk-heading-m">{t('opendata.inventory.add')}</h2>
      <Form action={`/manage/opendata/inventory/${org.slug}`}>
        <TextInput name="name" label={t('opendata.field.resourceName')} value={values.name} errors={errors} />
        <Textarea
          name="description"
          label={t('opendata.field.description')}
          value={values.description}
          errors={errors}
          rows={3}
        />
        <Radios
          name="publishable"
          legend={t('opendata.field.publishable')}
          value={values.publishable}
          errors={errors}
          items={(['yes', 'no', 'later'] as const).map((v) => ({
            value: v,
            text: t(`opendata.inventory.publishable.${v}`),
          }))}
        />
        <TextInput name="reason" label={t('opendata.field.reason')} value={values.reason} errors={errors} />
        <TextInput
          name="plannedFor"
          label={t('opendata.field.plannedFor')}
          value={values.plannedFor}
          errors={errors}
        />
        <Checkboxes
          name="referenceBook"
          items={[
            {
              value: 'yes',
              text: t('opendata.field.referenceBook'),
              hint: t('opendata.field.referenceBook.hint'),
            },
          ]}
          values={values.referenceBook}
          errors={errors}
        />
        <TextInput
          name="datasetIdentifier"
          label={t('opendata.field.datasetIdentifier')}
          value={values.datasetIdentifier}
          errors={errors}
          spellcheck={false}
        />
        <Button>{t('opendata.inventory.add')}</Button>
      </Form>
    </>
  );
}
