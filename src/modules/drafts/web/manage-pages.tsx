import { formatLocalDate } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import {
  Button,
  ErrorSummary,
  FileUpload,
  Form,
  Radios,
  Select,
  Table,
  Textarea,
  TextInput,
  WarningText,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { docTypeLabel, docTypes } from '../../publications/index.ts';
import { draftOutcomes, impactDegrees, planHorizons, planStates } from '../drafts.input.ts';
import type { DraftRow, PlanItemRow } from '../drafts.repository.ts';
import type { DraftCard } from '../get-drafts.ts';
import { orgName, StageTag } from './common.tsx';

type FormProps = { values: Record<string, string>; errors: FieldError[] };

/** /manage/drafts: the bodies whose rule-making this person keeps. */
export function ManageOrgsView({ orgs }: { orgs: OrgRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('drafts.manage.section')}</h1>
      <p class="govuk-body">{t('drafts.manage.orgs')}</p>
      <ul class="govuk-list">
        {orgs.map((o) => (
          <li key={o.id}>
            <a class="govuk-link" href={`/manage/orgs/${o.slug}/drafts`}>
              {orgName(o, locale)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** /manage/orgs/<slug>/drafts: a body's drafts and plan, with links to add. */
export function ManageOrgDraftsView({
  org,
  drafts,
  plan,
}: {
  org: OrgRow;
  drafts: DraftRow[];
  plan: PlanItemRow[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('drafts.manage.title')}</h1>
      <h2 class="govuk-heading-m">{t('drafts.manage.drafts')}</h2>
      <p class="govuk-body">
        <a class="govuk-button" href={`/manage/orgs/${org.slug}/drafts/new`}>
          {t('drafts.manage.newDraft')}
        </a>
      </p>
      {drafts.length === 0 ? (
        <p class="govuk-body">{t('drafts.manage.noDrafts')}</p>
      ) : (
        <Table
          caption={t('drafts.manage.drafts')}
          captionSize="s"
          head={[{ text: t('drafts.field.title') }, { text: t('drafts.filter.stage') }]}
          rows={drafts.map((d) => [
            <a key="l" class="govuk-link" href={`/manage/drafts/${d.id}`}>
              {d.title}
            </a>,
            <StageTag key="s" draft={d} />,
          ])}
        />
      )}
      <h2 class="govuk-heading-m" id="plan">
        {t('drafts.manage.plan')}
      </h2>
      <p class="govuk-body">
        <a
          class="govuk-button govuk-button--secondary"
          href={`/manage/orgs/${org.slug}/legislative-plan/new`}
        >
          {t('drafts.manage.newPlanItem')}
        </a>
      </p>
      {plan.length === 0 ? (
        <p class="govuk-body">{t('drafts.manage.noPlan')}</p>
      ) : (
        <Table
          caption={t('drafts.manage.plan')}
          captionSize="s"
          head={[
            { text: t('drafts.plan.year') },
            { text: t('drafts.field.plan.title') },
            { text: t('drafts.plan.state') },
          ]}
          rows={plan.map((i) => [
            String(i.year),
            <a key="l" class="govuk-link" href={`/manage/legislative-plan/${i.id}`}>
              {i.title}
            </a>,
            t(`drafts.plan.state.${i.state}`),
          ])}
        />
      )}
    </>
  );
}

const actTypeItems = (locale: string) => [
  { value: '', text: '' },
  ...docTypes.map((d) => ({ value: d, text: docTypeLabel(d, locale) })),
];

/** The form of a plan item (new or existing). */
export function PlanItemFormView({
  org,
  item,
  values,
  errors,
}: FormProps & { org: OrgRow; item: PlanItemRow | null }) {
  const { t, locale } = useView();
  const action = item
    ? `/manage/legislative-plan/${item.id}`
    : `/manage/orgs/${org.slug}/legislative-plan/new`;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">
        {item ? t('drafts.manage.editPlanItem') : t('drafts.manage.newPlanItem')}
      </h1>
      <Form action={action}>
        <TextInput
          name="year"
          width="4"
          inputmode="numeric"
          label={t('drafts.field.plan.year')}
          value={values.year}
          errors={errors}
        />
        <Radios
          name="horizon"
          legend={t('drafts.field.plan.horizon')}
          legendSize="s"
          value={values.horizon ?? 'annual'}
          errors={errors}
          items={planHorizons.map((h) => ({ value: h, text: t(`drafts.plan.horizon.${h}`) }))}
        />
        <TextInput
          name="yearTo"
          width="4"
          inputmode="numeric"
          label={t('drafts.field.plan.yearTo')}
          value={values.yearTo}
          errors={errors}
        />
        <TextInput name="title" label={t('drafts.field.plan.title')} value={values.title} errors={errors} />
        <Textarea
          name="problem"
          label={t('drafts.field.plan.problem')}
          value={values.problem}
          errors={errors}
        />
        <Textarea
          name="affects"
          rows={3}
          label={t('drafts.field.plan.affects')}
          value={values.affects}
          errors={errors}
        />
        <Select
          name="actType"
          label={t('drafts.field.plan.actType')}
          value={values.actType ?? ''}
          errors={errors}
          items={actTypeItems(locale)}
        />
        <TextInput
          name="plannedFrom"
          width="10"
          label={t('drafts.field.plan.plannedFrom')}
          hint={t('drafts.field.dateHint')}
          value={values.plannedFrom}
          errors={errors}
        />
        <TextInput
          name="plannedTo"
          width="10"
          label={t('drafts.field.plan.plannedTo')}
          hint={t('drafts.field.dateHint')}
          value={values.plannedTo}
          errors={errors}
        />
        <TextInput
          name="responsibleName"
          label={t('drafts.field.plan.responsibleName')}
          value={values.responsibleName}
          errors={errors}
        />
        <TextInput
          name="responsiblePosition"
          label={t('drafts.field.plan.responsiblePosition')}
          value={values.responsiblePosition}
          errors={errors}
        />
        <Select
          name="state"
          label={t('drafts.field.plan.state')}
          value={values.state ?? 'planned'}
          errors={errors}
          items={planStates.map((s) => ({ value: s, text: t(`drafts.plan.state.${s}`) }))}
        />
        <Textarea
          name="councilOpinion"
          label={t('drafts.field.plan.councilOpinion')}
          value={values.councilOpinion}
          errors={errors}
        />
        <Button>{t('drafts.save')}</Button>
      </Form>
    </>
  );
}

/** The form of a new draft. */
export function NewDraftView({
  org,
  plan,
  values,
  errors,
}: FormProps & { org: OrgRow; plan: PlanItemRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{t('drafts.manage.newDraft')}</h1>
      <Form action={`/manage/orgs/${org.slug}/drafts/new`}>
        <TextInput name="title" label={t('drafts.field.title')} value={values.title} errors={errors} />
        <Textarea name="summary" label={t('drafts.field.summary')} value={values.summary} errors={errors} />
        <Select
          name="actType"
          label={t('drafts.field.actType')}
          value={values.actType ?? ''}
          errors={errors}
          items={actTypeItems(locale)}
        />
        <Radios
          name="impactDegree"
          legend={t('drafts.field.impactDegree')}
          legendSize="s"
          hint={t('drafts.field.impactHint')}
          value={values.impactDegree}
          errors={errors}
          items={impactDegrees.map((d) => ({ value: d, text: t(`drafts.field.impact.${d}`) }))}
        />
        <Select
          name="planItemId"
          label={t('drafts.field.planItem')}
          value={values.planItemId ?? ''}
          errors={errors}
          items={[
            { value: '', text: t('drafts.field.planItemNone') },
            ...plan.filter((i) => !i.draftId).map((i) => ({ value: i.id, text: `${i.year}: ${i.title}` })),
          ]}
        />
        <Button>{t('drafts.save')}</Button>
      </Form>
    </>
  );
}

export type StaffCardExtras = {
  bounds: { min: string; max: string } | null;
  /** the proposals block (positions and «publish the summary»), from the discussion engine */
  proposals?: preact.ComponentChildren;
};

/** /manage/drafts/<id>: the draft's staff card, a form for each step its stage allows. */
export function StaffDraftView({
  card,
  extras,
  values,
  errors,
}: FormProps & { card: DraftCard; extras: StaffCardExtras }) {
  const { t, locale } = useView();
  const { draft, org } = card;
  const base = `/manage/drafts/${draft.id}`;
  const decided = draft.outcome !== null;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{draft.title}</h1>
      <p class="govuk-body">
        <StageTag draft={draft} />{' '}
        <a class="govuk-link" href={`/drafts/${draft.id}`}>
          {t('drafts.manage.publicCard')}
        </a>
      </p>
      {!decided && (
        <>
          <h2 class="govuk-heading-m">{t('drafts.manage.textForm')}</h2>
          <p class="govuk-body">{t('drafts.manage.textFormHint')}</p>
          <Form action={`${base}/text`} enctype="multipart/form-data">
            <FileUpload name="file" label={t('drafts.field.file')} accept=".docx" errors={errors} />
            <Textarea
              name="text"
              rows={8}
              label={t('drafts.field.text')}
              hint={t('drafts.field.textHint')}
              value={values.text}
              errors={errors}
            />
            <TextInput name="note" label={t('drafts.field.note')} value={values.note} errors={errors} />
            <Button>{t('drafts.manage.textForm')}</Button>
          </Form>
        </>
      )}
      {draft.stage === 'notice' && !decided && (
        <>
          <h2 class="govuk-heading-m">{t('drafts.manage.discussionForm')}</h2>
          {draft.noticeEndsOn && (
            <p class="govuk-body">
              {t('drafts.manage.noticeUntil', { date: formatLocalDate(draft.noticeEndsOn) })}
            </p>
          )}
          <Form action={`${base}/discussion`}>
            <TextInput
              name="endsOn"
              width="10"
              label={t('drafts.field.endsOn')}
              hint={
                extras.bounds
                  ? t('drafts.manage.discussionHint', {
                      min: formatLocalDate(extras.bounds.min),
                      max: formatLocalDate(extras.bounds.max),
                    })
                  : t('drafts.field.dateHint')
              }
              value={values.endsOn ?? (extras.bounds ? formatLocalDate(extras.bounds.min) : '')}
              errors={errors}
            />
            <Button>{t('drafts.manage.discussionForm')}</Button>
          </Form>
        </>
      )}
      {draft.stage === 'discussion' && !decided && (
        <Form action={`${base}/close-discussion`} id="close-discussion">
          <Button variant="secondary">{t('drafts.manage.closeDiscussion')}</Button>
        </Form>
      )}
      {draft.stage === 'expertise' && !decided && (
        <Form action={`${base}/close-expertise`} id="close-expertise">
          <Button variant="secondary">{t('drafts.manage.closeExpertise')}</Button>
        </Form>
      )}
      {extras.proposals}
      {!decided && (
        <>
          <h2 class="govuk-heading-m">{t('drafts.manage.decisionForm')}</h2>
          <Form action={`${base}/decision`}>
            <Radios
              name="outcome"
              legend={t('drafts.field.outcome')}
              legendSize="s"
              value={values.outcome}
              errors={errors}
              items={draftOutcomes.map((o) => ({ value: o, text: t(`drafts.outcome.${o}`) }))}
            />
            <TextInput
              name="docNumber"
              width="10"
              label={t('drafts.field.docNumber')}
              value={values.docNumber}
              errors={errors}
            />
            <TextInput
              name="docDate"
              width="10"
              label={t('drafts.field.docDate')}
              hint={t('drafts.field.dateHint')}
              value={values.docDate}
              errors={errors}
            />
            <Textarea
              name="decisionNote"
              rows={3}
              label={t('drafts.field.decisionNote')}
              value={values.decisionNote}
              errors={errors}
            />
            <WarningText>{t('drafts.decision.tooEarly')}</WarningText>
            <Button>{t('drafts.manage.decisionForm')}</Button>
          </Form>
        </>
      )}
      <h2 class="govuk-heading-m">{t('drafts.manage.councilForm')}</h2>
      <Form action={`${base}/council`}>
        <Textarea
          name="conclusion"
          label={t('drafts.field.conclusion')}
          value={values.conclusion ?? draft.councilConclusion ?? ''}
          errors={errors}
        />
        <Button variant="secondary">{t('drafts.save')}</Button>
      </Form>
      <h2 class="govuk-heading-m">{t('drafts.manage.linkForm')}</h2>
      <Form action={`${base}/links`}>
        <TextInput
          name="linkTitle"
          label={t('drafts.field.linkTitle')}
          value={values.linkTitle}
          errors={errors}
        />
        <TextInput
          name="linkUrl"
          type="url"
          label={t('drafts.field.linkUrl')}
          value={values.linkUrl}
          errors={errors}
        />
        <Button variant="secondary">{t('drafts.save')}</Button>
      </Form>
    </>
  );
}
