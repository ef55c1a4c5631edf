import { Button, Form, Narrow, SummaryList, type SummaryRow } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { AppealType } from '../appeals.model.ts';
import type { KeptFile } from './new-appeal-page.tsx';

export type CheckedAppeal = {
  type: AppealType;
  kind: string | null;
  orgName: string;
  officialName: string | null;
  complainedOrgName: string | null;
  /** concept task 6.5: what the official did, and for whom the author acts (null: not such a complaint) */
  obstructionKind: string | null;
  publicControlSubject: string | null;
  name: string;
  organizationName: string | null;
  email: string;
  postalAddress: string | null;
  phone: string | null;
  subject: string | null;
  text: string;
  place: string | null;
  cosigners: string[];
  publicationConsent: boolean;
};

/**
 * «Проверьте данные» before sending (GOV.UK check answers): each part with an
 * «Изменить» link to its field in the draft's form; names from Госуслуги are
 * shown without one, as they can be changed only there.
 */
export function CheckAppealView({
  draftId,
  appeal: a,
  files,
  namesFromEsia,
}: {
  draftId: string;
  appeal: CheckedAppeal;
  files: KeptFile[];
  namesFromEsia: boolean;
}) {
  const { t } = useView();
  const edit = (field: string, what: string, list = false): SummaryRow['actions'] => [
    {
      href: `/appeals/drafts/${draftId}${list ? '?list=all' : ''}#${field}`,
      text: t('appeals.check.change'),
      visuallyHiddenText: what,
    },
  ];
  const none = t('appeals.check.none');
  const row = (key: string, value: string | null, field: string): SummaryRow => ({
    key: t(key),
    value: value || none,
    actions: edit(field, t(key).toLowerCase()),
  });
  return (
    <Narrow>
      <h1 class="govuk-heading-l">{t('appeals.check.title')}</h1>
      <p class="govuk-body">{t('appeals.check.lead')}</p>

      <h2 class="govuk-heading-m">{t('appeals.check.to')}</h2>
      <SummaryList
        rows={[
          {
            key: t('appeals.field.orgSlug'),
            value: a.orgName,
            actions: edit('orgSlug', t('appeals.field.orgSlug').toLowerCase(), true),
          },
          ...(a.officialName !== null
            ? [row('appeals.field.officialName', a.officialName, 'officialName')]
            : []),
          ...(a.kind ? [row('appeals.field.kind', t(`appeals.kind.${a.kind}`), 'kind')] : []),
          ...(a.complainedOrgName
            ? [row('appeals.field.complainedOrgId', a.complainedOrgName, 'complainedOrgId')]
            : []),
          ...(a.obstructionKind
            ? [
                row(
                  'appeals.check.obstruction',
                  t(`appeals.obstructionKind.${a.obstructionKind}`),
                  'obstructsPublicControl',
                ),
                row('appeals.field.publicControlSubject', a.publicControlSubject, 'publicControlSubject'),
              ]
            : []),
        ]}
      />

      <h2 class="govuk-heading-m">{t('appeals.field.author')}</h2>
      <SummaryList
        rows={[
          namesFromEsia
            ? { key: t('appeals.check.name'), value: <NameFromEsia name={a.name} />, actions: [] }
            : {
                key: t('appeals.check.name'),
                value: a.name,
                actions: edit('lastName', t('appeals.check.name')),
              },
          ...(a.organizationName !== null
            ? [row('appeals.field.organizationName', a.organizationName, 'organizationName')]
            : []),
          row('appeals.field.email', a.email, 'email'),
          row('appeals.check.postalAddress', a.postalAddress, 'postalAddress'),
          row('appeals.check.phone', a.phone, 'phone'),
          ...(a.cosigners.length
            ? [row('appeals.field.cosigners', a.cosigners.join(', '), 'cosigners')]
            : []),
        ]}
      />

      <h2 class="govuk-heading-m">{t('appeals.check.appeal')}</h2>
      <SummaryList
        rows={[
          ...(a.type !== 'corruption_report' ? [row('appeals.check.subject', a.subject, 'subject')] : []),
          {
            key: t('appeals.view.text'),
            value: a.text.split(/\r?\n/).map((line, i) => (
              <span key={i}>
                {i > 0 && <br />}
                {line}
              </span>
            )),
            actions: edit('text', t('appeals.view.text').toLowerCase()),
          },
          ...(a.type === 'appeal' || a.type === 'corruption_report'
            ? [row('appeals.view.place', a.place, 'place')]
            : []),
          {
            key: t('appeals.check.files'),
            value: files.length ? files.map((f) => f.originalName).join(', ') : none,
            actions: edit('attachments', t('appeals.check.files').toLowerCase()),
          },
          {
            key: t('appeals.check.publication'),
            value: t(a.publicationConsent ? 'appeals.check.publication.yes' : 'appeals.check.publication.no'),
            actions: edit('publicationConsent', t('appeals.check.publication').toLowerCase()),
          },
        ]}
      />

      <h2 class="govuk-heading-m">{t('appeals.check.send.title')}</h2>
      <p class="govuk-body">{t('appeals.check.send.body')}</p>
      <Form action={`/appeals/drafts/${draftId}/send`}>
        <Button preventDoubleClick>{t('appeals.check.send')}</Button>
      </Form>
      <p class="govuk-body">
        <a class="govuk-link" href="/cabinet/appeals">
          {t('appeals.check.later')}
        </a>
      </p>
    </Narrow>
  );
}

function NameFromEsia({ name }: { name: string }) {
  const { t } = useView();
  return (
    <>
      {name}
      <br />
      <span class="govuk-body-s">{t('appeals.check.nameFromEsia')}</span>
    </>
  );
}
