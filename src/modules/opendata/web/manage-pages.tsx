import { formatDateTime } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { Button, ErrorSummary, Form, Heading, Table, WarningText } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { Checkboxes, FileUpload, Select, Textarea, TextInput } from '../../../platform/ui/fields.tsx';
import type { OrgRow } from '../../orgs/index.ts';
import type { DataProblem } from '../check-data.ts';
import { dataFileName, datasetPath } from '../format.ts';
import { FREQUENCIES, LICENSES, TOPICS } from '../opendata.input.ts';
import type { DatasetRow, DatasetSummary, StructureRow, VersionRow } from '../opendata.repository.ts';
import { orgName } from './common.ts';

type FormProps = { values: Record<string, string>; errors: FieldError[] };

export function ManageListView({ orgs, datasets }: { orgs: OrgRow[]; datasets: DatasetSummary[] }) {
  const { t, locale } = useView();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return (
    <>
      <p class="govuk-body">
        <a class="govuk-button" href="/manage/opendata/new">
          {t('opendata.manage.new')}
        </a>
      </p>
      <ul class="govuk-list">
        {orgs.slice(0, 50).map((o) => (
          <li key={o.id}>
            <a class="govuk-link" href={`/manage/opendata/inventory/${o.slug}`}>
              {t('opendata.inventory.title')}: {orgName(o, locale)}
            </a>
          </li>
        ))}
      </ul>
      {datasets.length === 0 ? (
        <p class="govuk-body">{t('opendata.manage.none')}</p>
      ) : (
        <Table
          caption={t('opendata.manage.title')}
          captionSize="m"
          head={[
            { text: t('opendata.col.title') },
            { text: t('opendata.col.org') },
            { text: t('opendata.col.modified') },
          ]}
          rows={datasets.map((d) => [
            <>
              <a class="govuk-link" href={`/manage/opendata/${d.identifier}`}>
                {d.title}
              </a>
              <br />
              <span class="govuk-body-s">{d.identifier}</span>
            </>,
            byId.get(d.orgId) ? orgName(byId.get(d.orgId) as OrgRow, locale) : '',
            formatDateTime(d.modifiedAt, locale),
          ])}
        />
      )}
    </>
  );
}

const choices = (table: Record<string, { ru: string; en: string }>, locale: 'ru' | 'en') =>
  Object.entries(table).map(([value, v]) => ({ value, text: v[locale] }));

export function RegisterFormView({
  title,
  orgs,
  values,
  errors,
}: FormProps & { title: string; orgs: OrgRow[] }) {
  const { t, locale } = useView();
  const v = values;
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading size="xl">{title}</Heading>
      <Form action="/manage/opendata/new">
        <Select
          name="org"
          label={t('opendata.field.org')}
          value={v.org}
          errors={errors}
          items={[
            { value: '', text: '' },
            ...orgs.map((o) => ({
              value: o.id,
              text: `${orgName(o, locale)}${o.inn ? ` (ИНН ${o.inn})` : ''}`,
            })),
          ]}
        />
        <TextInput
          name="identifier"
          label={t('opendata.field.identifier')}
          hint={t('opendata.field.identifier.hint')}
          value={v.identifier}
          errors={errors}
          spellcheck={false}
          autocapitalize="none"
        />
        <TextInput name="title" label={t('opendata.field.title')} value={v.title} errors={errors} />
        <Textarea
          name="description"
          label={t('opendata.field.description')}
          value={v.description}
          errors={errors}
        />
        <TextInput
          name="keywords"
          label={t('opendata.field.keywords')}
          hint={t('opendata.field.keywords.hint')}
          value={v.keywords}
          errors={errors}
        />
        <Select
          name="topic"
          label={t('opendata.field.topic')}
          value={v.topic}
          errors={errors}
          items={[{ value: '', text: '' }, ...choices(TOPICS, locale)]}
        />
        <Select
          name="frequency"
          label={t('opendata.field.frequency')}
          value={v.frequency}
          errors={errors}
          items={[{ value: '', text: '' }, ...choices(FREQUENCIES, locale)]}
        />
        <TextInput
          name="publisherName"
          label={t('opendata.field.publisherName')}
          value={v.publisherName}
          errors={errors}
          autocomplete="name"
        />
        <TextInput
          name="publisherPhone"
          type="tel"
          label={t('opendata.field.publisherPhone')}
          value={v.publisherPhone}
          errors={errors}
          autocomplete="tel"
          width="20"
        />
        <TextInput
          name="publisherEmail"
          type="email"
          label={t('opendata.field.publisherEmail')}
          value={v.publisherEmail}
          errors={errors}
          autocomplete="email"
          spellcheck={false}
        />
        <Select
          name="license"
          label={t('opendata.field.license')}
          value={v.license ?? 'cc-by-4.0'}
          errors={errors}
          items={choices(LICENSES, locale)}
        />
        <Textarea
          name="structure"
          label={t('opendata.field.structure')}
          hint={t('opendata.field.structure.hint')}
          value={v.structure}
          errors={errors}
          rows={6}
          spellcheck={false}
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
          values={v.referenceBook}
          errors={errors}
        />
        <Button>{t('opendata.manage.new')}</Button>
      </Form>
    </>
  );
}

/** A steward's page of one dataset: upload a new version (with the file's problems by row and column), change the structure, the versions. */
export function DatasetManageView({
  title,
  dataset,
  structures,
  versions,
  values,
  errors,
  problems,
  structureText,
}: FormProps & {
  title: string;
  dataset: DatasetRow;
  structures: StructureRow[];
  versions: VersionRow[];
  problems: DataProblem[];
  structureText: string;
}) {
  const { t, locale } = useView();
  const base = `/manage/opendata/${dataset.identifier}`;
  const structureOf = (id: string) => structures.find((s) => s.id === id);
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading size="xl">{title}</Heading>
      <p class="govuk-body">
        <a class="govuk-link" href={datasetPath(dataset.identifier)}>
          {dataset.identifier}
        </a>
      </p>
      {dataset.source !== 'upload' ? (
        <p class="govuk-body">{t('opendata.manage.generated')}</p>
      ) : (
        <>
          <h2 class="govuk-heading-m">{t('opendata.manage.upload')}</h2>
          {problems.length > 0 && (
            <>
              <WarningText>{t('opendata.manage.stillPublished')}</WarningText>
              <Table
                caption={t('opendata.manage.problems', { count: problems.length })}
                captionSize="s"
                head={[
                  { text: t('opendata.manage.problemRow'), numeric: true },
                  { text: t('opendata.manage.problemColumn') },
                  { text: t('opendata.manage.problemText') },
                ]}
                rows={problems.map((p) => [
                  { content: p.row ?? '—', numeric: true },
                  p.column ?? '—',
                  t(p.key, p.params),
                ])}
              />
            </>
          )}
          <Form action={`${base}/upload`} enctype="multipart/form-data">
            <FileUpload
              name="file"
              label={t('opendata.field.file')}
              hint={t('opendata.field.file.hint')}
              errors={errors}
              accept=".csv,.xlsx,text/csv"
            />
            <TextInput
              name="provenance"
              label={t('opendata.field.provenance')}
              value={values.provenance}
              errors={errors}
            />
            <Button>{t('opendata.manage.uploadButton')}</Button>
          </Form>
          <h2 class="govuk-heading-m">{t('opendata.manage.structureTitle')}</h2>
          <Form action={`${base}/structure`}>
            <Textarea
              name="structure"
              label={t('opendata.field.structure')}
              hint={t('opendata.field.structure.hint')}
              value={values.structure ?? structureText}
              errors={errors}
              rows={6}
              spellcheck={false}
            />
            <Button variant="secondary">{t('opendata.manage.structureButton')}</Button>
          </Form>
        </>
      )}
      <Table
        caption={t('opendata.manage.versions')}
        captionSize="m"
        head={[
          { text: t('opendata.col.modified') },
          { text: t('opendata.field.provenance') },
          { text: t('opendata.col.rows'), numeric: true },
        ]}
        rows={versions.map((v) => [
          <a
            class="govuk-link"
            href={`${datasetPath(dataset.identifier)}${dataFileName(v, structureOf(v.structureId) ?? v)}.csv`}
          >
            {formatDateTime(v.stamp, locale)}
          </a>,
          v.provenance,
          { content: v.rowCount, numeric: true },
        ])}
      />
    </>
  );
}
