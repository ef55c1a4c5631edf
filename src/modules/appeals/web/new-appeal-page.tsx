import type { FieldError } from '../../../platform/errors/index.ts';
import { formatBytes } from '../../../platform/files/index.ts';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  Fieldset,
  FileUpload,
  Form,
  InsetText,
  Radios,
  Select,
  SummaryList,
  Textarea,
  TextInput,
  WarningText,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { TEXT_MAX } from '../appeals.input.ts';
import { type AppealType, appealKinds, appealTypes, obstructionKinds } from '../appeals.model.ts';
import { ATTACHMENT_RULES } from '../appeals.settings.ts';

export type OrgChoice = { id: string; slug: string; name: string };
export type KeptFile = { id: string; originalName: string };

/** The page title of the form for a type. */
export function newTitleKey(type: AppealType): string {
  return type === 'appeal' ? 'appeals.new.title' : `appeals.new.title.${type}`;
}

/** The first step when no type is chosen: appeal, information request or corruption report. */
export function ChooseTypeView({ action, orgSlug }: { action: string; orgSlug: string | null }) {
  const { t } = useView();
  return (
    <form action={action} method="get" novalidate>
      {orgSlug && <input type="hidden" name="org" value={orgSlug} />}
      <Radios
        name="type"
        legend={t('appeals.new.chooseType')}
        legendSize="l"
        isPageHeading
        value="appeal"
        items={appealTypes.map((ty) => ({
          value: ty,
          text: t(`appeals.type.${ty}`),
          hint: t(`appeals.type.${ty}.hint`),
        }))}
      />
      <Button>{t('appeals.new.continue')}</Button>
    </form>
  );
}

/** Why this person cannot send yet, and what to do. */
export function BlockedView({ reason, signInHref }: { reason: string; signInHref: string }) {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('appeals.blocked.title')}</h1>
      <p class="govuk-body">{t(`appeals.blocked.${reason}`)}</p>
      {(reason === 'esiaRequired' || reason === 'esiaLevel' || reason === 'signIn') && (
        <p class="govuk-body">
          <a class="govuk-link" href={signInHref}>
            {t('appeals.blocked.signInLink')}
          </a>
        </p>
      )}
    </>
  );
}

/**
 * The appeal form for one type: the addressee, the author, the text, the
 * type's own fields, co-signers and attachments (rules shown before upload).
 */
export function NewAppealView({
  type,
  orgs,
  values,
  errors,
  kept,
  allowEmailAccounts,
  listAll = false,
  esiaName = null,
}: {
  type: AppealType;
  orgs: OrgChoice[];
  values: Record<string, string>;
  errors: FieldError[];
  kept: KeptFile[];
  allowEmailAccounts: boolean;
  /** show the select of every body even when one is chosen (the guide's «full list» link) */
  listAll?: boolean;
  /** the author's names from Госуслуги (ЕСИА): shown, not editable */
  esiaName?: string | null;
}) {
  const { t, locale } = useView();
  const v = (k: string) => values[k];
  // a body proposed by the guide (or the body's own page) is shown, not a select of all of them
  const chosen = listAll ? undefined : orgs.find((o) => o.slug === v('orgSlug'));
  const draftId = v('draftId');
  const way = `/appeals/new?type=${type}`;
  const listHref = draftId
    ? `/appeals/drafts/${draftId}?list=all`
    : `${way}&org=${chosen?.slug ?? ''}&list=all`;
  const textLabel = type === 'appeal' ? t('appeals.field.text') : t(`appeals.field.text.${type}`);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t(newTitleKey(type))}</h1>
      <p class="govuk-body">{t('appeals.new.lead')}</p>
      <InsetText>
        {t(
          !allowEmailAccounts
            ? 'appeals.new.identification.strict'
            : type === 'info_request' || type === 'media_request'
              ? 'appeals.new.identification.info_request'
              : 'appeals.new.identification.demo',
        )}
      </InsetText>
      {type === 'corruption_report' && <WarningText>{t('appeals.corruption.notice')}</WarningText>}
      <Form action="/appeals/new" enctype="multipart/form-data">
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="formToken" value={v('formToken')} />
        {draftId && <input type="hidden" name="draftId" value={draftId} />}
        {kept.map((f) => (
          <input key={f.id} type="hidden" name="fileIds" value={f.id} />
        ))}
        <Fieldset legend={t('appeals.field.addressee')} legendSize="m">
          {chosen ? (
            <div class="govuk-form-group">
              <input type="hidden" name="orgSlug" value={chosen.slug} />
              <p class="govuk-body" id="orgSlug">
                {t('appeals.field.addressee.chosen')}
                <strong>{chosen.name}</strong>
              </p>
              <p class="govuk-body">
                <a class="govuk-link" href={way}>
                  {t('appeals.field.addressee.change')}
                </a>{' '}
                {t('appeals.field.addressee.or')}{' '}
                <a class="govuk-link" href={listHref}>
                  {t('appeals.field.addressee.fullList')}
                </a>
              </p>
            </div>
          ) : (
            <Select
              name="orgSlug"
              label={t('appeals.field.orgSlug')}
              value={v('orgSlug')}
              errors={errors}
              items={[
                { value: '', text: t('appeals.field.orgSlug.choose') },
                ...orgs.map((o) => ({ value: o.slug, text: o.name })),
              ]}
            />
          )}
          {type !== 'corruption_report' && (
            <TextInput
              name="officialName"
              label={t('appeals.field.officialName')}
              hint={t('appeals.field.officialName.hint')}
              value={v('officialName')}
              errors={errors}
            />
          )}
        </Fieldset>
        {type === 'appeal' && (
          <Radios
            name="kind"
            legend={t('appeals.field.kind')}
            value={v('kind')}
            errors={errors}
            items={appealKinds.map((k) => ({
              value: k,
              text: t(`appeals.kind.${k}`),
              hint: t(`appeals.kind.${k}.hint`),
            }))}
          />
        )}
        {(type === 'appeal' || type === 'corruption_report') && (
          <Select
            name="complainedOrgId"
            label={t('appeals.field.complainedOrgId')}
            hint={t('appeals.field.complainedOrgId.hint')}
            value={v('complainedOrgId')}
            errors={errors}
            items={[
              { value: '', text: t('appeals.field.complainedOrgId.none') },
              ...orgs.map((o) => ({ value: o.id, text: o.name })),
            ]}
          />
        )}
        {type === 'appeal' && (
          <Fieldset legend={t('appeals.field.obstruction')} legendSize="m">
            <Checkboxes
              name="obstructsPublicControl"
              hint={t('appeals.field.obstruction.hint')}
              values={v('obstructsPublicControl')}
              errors={errors}
              items={[
                {
                  value: 'yes',
                  text: t('appeals.field.obstruction.yes'),
                  hint: t('appeals.field.obstruction.yesHint'),
                },
              ]}
            />
            <Radios
              name="obstructionKind"
              legend={t('appeals.field.obstructionKind')}
              legendSize="s"
              hint={t('appeals.field.obstructionKind.hint')}
              value={v('obstructionKind')}
              errors={errors}
              items={obstructionKinds.map((k) => ({
                value: k,
                text: t(`appeals.obstructionKind.${k}`),
              }))}
            />
            <TextInput
              name="publicControlSubject"
              label={t('appeals.field.publicControlSubject')}
              hint={t('appeals.field.publicControlSubject.hint')}
              value={v('publicControlSubject')}
              errors={errors}
              autocomplete="organization"
            />
          </Fieldset>
        )}
        <Fieldset legend={t('appeals.field.author')} legendSize="m">
          {esiaName ? (
            <SummaryList
              rows={[
                {
                  key: t('appeals.field.namesFromEsia'),
                  value: (
                    <>
                      <span id="esia-name">{esiaName}</span>
                      <br />
                      <span class="govuk-body-s">{t('appeals.check.nameFromEsia')}</span>
                    </>
                  ),
                },
              ]}
            />
          ) : (
            <>
              <TextInput
                name="lastName"
                label={t('appeals.field.lastName')}
                value={v('lastName')}
                errors={errors}
                autocomplete="family-name"
                spellcheck={false}
                width="20"
              />
              <TextInput
                name="firstName"
                label={t('appeals.field.firstName')}
                value={v('firstName')}
                errors={errors}
                autocomplete="given-name"
                spellcheck={false}
                width="20"
              />
              <TextInput
                name="patronymic"
                label={t('appeals.field.patronymic')}
                value={v('patronymic')}
                errors={errors}
                autocomplete="additional-name"
                spellcheck={false}
                width="20"
              />
            </>
          )}
          {(type === 'info_request' || type === 'media_request') && (
            <TextInput
              name="organizationName"
              label={t(
                type === 'media_request'
                  ? 'appeals.field.organizationName.media_request'
                  : 'appeals.field.organizationName',
              )}
              value={v('organizationName')}
              errors={errors}
              autocomplete="organization"
            />
          )}
          <TextInput
            name="email"
            type="email"
            label={t('appeals.field.email')}
            hint={t('appeals.field.email.hint')}
            value={v('email')}
            errors={errors}
            autocomplete="email"
            spellcheck={false}
            width="30"
          />
          <Textarea
            name="postalAddress"
            label={t('appeals.field.postalAddress')}
            hint={t('appeals.field.postalAddress.hint')}
            value={v('postalAddress')}
            errors={errors}
            rows={2}
            autocomplete="street-address"
          />
          <TextInput
            name="phone"
            type="tel"
            label={t('appeals.field.phone')}
            value={v('phone')}
            errors={errors}
            autocomplete="tel"
            width="20"
          />
        </Fieldset>
        {type === 'info_request' && (
          <Radios
            name="answerForm"
            legend={t('appeals.field.answerForm')}
            legendSize="s"
            value={v('answerForm') || 'email'}
            errors={errors}
            items={[
              { value: 'email', text: t('appeals.answerForm.email') },
              { value: 'post', text: t('appeals.answerForm.post') },
            ]}
          />
        )}
        {type !== 'corruption_report' && (
          <TextInput name="subject" label={t('appeals.field.subject')} value={v('subject')} errors={errors} />
        )}
        <Textarea
          name="text"
          label={textLabel}
          labelSize="m"
          hint={t('appeals.field.text.hint', {
            max: TEXT_MAX.toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB'),
          })}
          value={v('text')}
          errors={errors}
          rows={10}
        />
        {type === 'corruption_report' && (
          <>
            <Textarea
              name="involvedPersons"
              label={t('appeals.field.involvedPersons')}
              value={v('involvedPersons')}
              errors={errors}
              rows={3}
            />
            <TextInput
              name="eventDate"
              label={t('appeals.field.eventDate')}
              value={v('eventDate')}
              errors={errors}
              width="20"
            />
            <TextInput name="place" label={t('appeals.field.place')} value={v('place')} errors={errors} />
          </>
        )}
        {type === 'appeal' && (
          <>
            <Checkboxes
              name="collective"
              legend={t('appeals.field.collective')}
              legendSize="s"
              values={v('collective')}
              errors={errors}
              items={[{ value: 'yes', text: t('appeals.field.collective.yes') }]}
            />
            <Textarea
              name="cosigners"
              label={t('appeals.field.cosigners')}
              hint={t('appeals.field.cosigners.hint')}
              value={v('cosigners')}
              errors={errors}
              rows={4}
              spellcheck={false}
            />
          </>
        )}
        <Checkboxes
          name="archiveConsent"
          legend={t('appeals.field.archiveConsent')}
          legendSize="s"
          hint={t('appeals.field.archiveConsent.hint')}
          values={v('archiveConsent')}
          errors={errors}
          items={[{ value: 'yes', text: t('appeals.field.archiveConsent.yes') }]}
        />
        <Checkboxes
          name="publicationConsent"
          legend={t('appeals.field.publicationConsent')}
          legendSize="s"
          hint={t('appeals.field.publicationConsent.hint')}
          values={v('publicationConsent')}
          errors={errors}
          items={[{ value: 'yes', text: t('appeals.field.publicationConsent.yes') }]}
        />
        <Fieldset
          legend={t(type === 'appeal' ? 'appeals.field.placeAndPhotos' : 'appeals.field.files')}
          legendSize="m"
        >
          {type === 'appeal' && (
            <TextInput
              name="place"
              label={t('appeals.field.place.appeal')}
              hint={t('appeals.field.place.appeal.hint')}
              value={v('place')}
              errors={errors}
              autocomplete="off"
            />
          )}
          {kept.length > 0 && (
            <p class="govuk-body" id="attachments-kept">
              {t('appeals.field.attachments.kept', { names: kept.map((f) => f.originalName).join(', ') })}
            </p>
          )}
          <FileUpload
            name="attachments"
            label={t(type === 'appeal' ? 'appeals.field.photos' : 'appeals.field.attachments')}
            hint={t('appeals.field.photos.hint', {
              count: ATTACHMENT_RULES.maxFiles,
              size: formatBytes(ATTACHMENT_RULES.maxBytes, locale),
            })}
            errors={errors}
            multiple
            accept=".pdf,.docx,.jpg,.jpeg,.png,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/jpeg,image/png"
          />
        </Fieldset>
        <p class="govuk-body">{t('appeals.form.draftNote')}</p>
        <ButtonGroup>
          <Button>{t('appeals.form.continue')}</Button>
          <Button variant="secondary" name="intent" value="draft">
            {t('appeals.form.saveDraft')}
          </Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
