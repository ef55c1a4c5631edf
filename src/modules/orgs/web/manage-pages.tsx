import type { FieldError } from '../../../platform/errors/index.ts';
import {
  Button,
  ButtonGroup,
  Details,
  ErrorSummary,
  Form,
  Select,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningText,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { duties } from '../orgs.input.ts';
import type { OfficialRow, OrgRow } from '../orgs.repository.ts';
import { orgHref, orgName } from './common.tsx';

export type FormValues = Record<string, string>;

/** The form's values from a saved row: nulls become empty fields. */
export function valuesOf(row: Record<string, unknown>, fields: readonly string[]): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = row[f];
    out[f] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

export const DETAIL_FIELDS = [
  'headPosition',
  'headName',
  'descriptionRu',
  'descriptionEn',
  'address',
  'phone',
  'email',
  'website',
  'inn',
] as const;

export const OFFICIAL_FIELDS = [
  'duty',
  'fullName',
  'position',
  'phone',
  'email',
  'receptionHours',
  'dutiesRu',
] as const;

/** `/manage/orgs`: the bodies this person keeps. */
export function ManageListView({ orgs }: { orgs: OrgRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('orgs.manage.list.title')}</h1>
      {orgs.length === 0 ? (
        <p class="govuk-body">{t('orgs.manage.list.none')}</p>
      ) : (
        <>
          <p class="govuk-body">{t('orgs.manage.list.lead')}</p>
          <ul class="govuk-list govuk-list--spaced">
            {orgs.map((o) => (
              <li key={o.id}>
                <a class="govuk-link" href={`/manage/orgs/${o.slug}`}>
                  {orgName(o, locale)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** `/manage/orgs/<slug>`: head, contacts, description, ИНН; then the list of responsible officials. */
export function ManageOrgView({
  org,
  officials,
  values,
  errors,
}: {
  org: OrgRow;
  officials: OfficialRow[];
  values: FormValues;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const innIsPlaceholder = org.innIsDemo && values.inn === org.inn;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('orgs.manage.title')}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={orgHref(org.slug)}>
          {t('orgs.manage.view')}
        </a>
      </p>
      {org.sourceNote && (
        <Details summary={t('orgs.manage.sourceNote')}>
          <p class="govuk-body">{org.sourceNote}</p>
        </Details>
      )}
      <h2 class="govuk-heading-l">{t('orgs.manage.detailsTitle')}</h2>
      <Form action={`/manage/orgs/${org.slug}`}>
        <TextInput
          name="headPosition"
          label={t('orgs.field.headPosition')}
          value={values.headPosition}
          errors={errors}
        />
        <TextInput
          name="headName"
          label={t('orgs.field.headName')}
          value={values.headName}
          errors={errors}
          autocomplete="off"
        />
        <TextInput name="address" label={t('orgs.field.address')} value={values.address} errors={errors} />
        <TextInput
          name="phone"
          type="tel"
          label={t('orgs.field.phone')}
          hint={t('orgs.field.phoneHint')}
          value={values.phone}
          errors={errors}
          width="20"
          autocomplete="off"
        />
        <TextInput
          name="email"
          type="email"
          label={t('orgs.field.email')}
          value={values.email}
          errors={errors}
          spellcheck={false}
          autocomplete="off"
        />
        <TextInput
          name="website"
          type="url"
          label={t('orgs.field.website')}
          hint={t('orgs.field.websiteHint')}
          value={values.website}
          errors={errors}
          spellcheck={false}
        />
        {innIsPlaceholder && <WarningText>{t('orgs.manage.innDemo')}</WarningText>}
        <TextInput
          name="inn"
          label={t('orgs.field.inn')}
          hint={t('orgs.manage.innHint')}
          value={values.inn}
          errors={errors}
          width="10"
          inputmode="numeric"
          spellcheck={false}
        />
        <Textarea
          name="descriptionRu"
          label={t('orgs.field.descriptionRu')}
          value={values.descriptionRu}
          errors={errors}
        />
        <Textarea
          name="descriptionEn"
          label={t('orgs.field.descriptionEn')}
          value={values.descriptionEn}
          errors={errors}
        />
        <Button>{t('orgs.manage.save')}</Button>
      </Form>

      <h2 class="govuk-heading-l">{t('orgs.manage.officialsTitle')}</h2>
      {officials.length > 0 && (
        <Table
          head={[
            { text: t('orgs.officials.duty') },
            { text: t('orgs.officials.name') },
            { text: t('orgs.officials.position') },
            { text: <span class="govuk-visually-hidden">{t('orgs.manage.editOfficial')}</span> },
          ]}
          rows={officials.map((o) => [
            t(`orgs.duty.${o.duty}`),
            <>
              {o.fullName} {o.isDemo && <Tag colour="yellow">{t('orgs.officials.demo')}</Tag>}
            </>,
            o.position,
            <a class="govuk-link" href={`/manage/orgs/${org.slug}/officials/${o.id}`} key="e">
              {t('orgs.manage.editOfficial')}
              <span class="govuk-visually-hidden"> {o.fullName}</span>
            </a>,
          ])}
        />
      )}
      <Button href={`/manage/orgs/${org.slug}/officials/new`} variant="secondary">
        {t('orgs.manage.addOfficial')}
      </Button>
    </>
  );
}

/** `/manage/orgs/<slug>/officials/new` and `/…/<id>`: one responsible official. */
export function OfficialFormView({
  org,
  official,
  values,
  errors,
}: {
  org: OrgRow;
  official: OfficialRow | null;
  values: FormValues;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const action = official
    ? `/manage/orgs/${org.slug}/officials/${official.id}`
    : `/manage/orgs/${org.slug}/officials/new`;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t(official ? 'orgs.manage.officialEdit' : 'orgs.manage.officialNew')}</h1>
      {official?.isDemo && <WarningText>{t('orgs.manage.demoOfficial')}</WarningText>}
      <Form action={action}>
        <Select
          name="duty"
          label={t('orgs.field.duty')}
          value={values.duty}
          errors={errors}
          items={[
            { value: '', text: t('orgs.field.dutyChoose') },
            ...duties.map((d) => ({ value: d, text: t(`orgs.duty.${d}`) })),
          ]}
        />
        <TextInput
          name="fullName"
          label={t('orgs.field.fullName')}
          value={values.fullName}
          errors={errors}
          autocomplete="off"
        />
        <TextInput name="position" label={t('orgs.field.position')} value={values.position} errors={errors} />
        <TextInput
          name="phone"
          type="tel"
          label={t('orgs.field.phone')}
          hint={t('orgs.field.phoneHint')}
          value={values.phone}
          errors={errors}
          width="20"
          autocomplete="off"
        />
        <TextInput
          name="email"
          type="email"
          label={t('orgs.field.email')}
          value={values.email}
          errors={errors}
          spellcheck={false}
          autocomplete="off"
        />
        <TextInput
          name="receptionHours"
          label={t('orgs.field.receptionHours')}
          value={values.receptionHours}
          errors={errors}
        />
        <Textarea name="dutiesRu" label={t('orgs.field.dutiesRu')} value={values.dutiesRu} errors={errors} />
        <ButtonGroup>
          <Button>{t('orgs.manage.save')}</Button>
          <a class="govuk-link" href={`/manage/orgs/${org.slug}`}>
            {t('orgs.manage.cancel')}
          </a>
        </ButtonGroup>
      </Form>
      {official && (
        <Form action={`/manage/orgs/${org.slug}/officials/${official.id}/remove`}>
          <Button variant="warning">{t('orgs.manage.remove')}</Button>
        </Form>
      )}
    </>
  );
}
