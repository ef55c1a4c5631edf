import type { FieldError } from '../../../platform/errors/index.ts';
import {
  Button,
  ErrorSummary,
  Fieldset,
  Narrow,
  Radios,
  Select,
  TextInput,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { AppealType } from '../appeals.model.ts';
import type { CompetenceTopic } from '../competence.ts';
import type { OrgChoice } from './new-appeal-page.tsx';

export type GuideProposal = { org: OrgChoice; why: string; href: string };

/**
 * The step before the form when no body is chosen: what the appeal is about
 * and where, so the portal proposes the competent body and says why (a GET
 * form, so it works without JavaScript); the full list is one click away.
 */
export function AddresseeGuideView({
  type,
  topics,
  municipalities,
  values,
  errors,
  proposal,
  listHref,
}: {
  type: AppealType;
  topics: CompetenceTopic[];
  municipalities: OrgChoice[];
  values: Record<string, string>;
  errors: FieldError[];
  proposal: GuideProposal | null;
  listHref: string;
}) {
  const { t, locale } = useView();
  return (
    <Narrow>
      <ErrorSummary errors={errors} />
      {proposal && (
        <div class="govuk-inset-text" id="proposal">
          <h1 class="govuk-heading-l">{t('appeals.guide.proposal.title')}</h1>
          <p class="govuk-body-l" id="proposal-body">
            <strong>{proposal.org.name}</strong>
          </p>
          <p class="govuk-body">
            <span class="govuk-!-font-weight-bold">{t('appeals.guide.proposal.why')}</span> {proposal.why}
          </p>
          <Button href={proposal.href}>{t('appeals.guide.proposal.write')}</Button>
        </div>
      )}
      <form action="/appeals/new" method="get" novalidate>
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="guide" value="1" />
        <Radios
          name="topic"
          legend={t('appeals.guide.topic')}
          legendSize="l"
          isPageHeading={!proposal}
          hint={t('appeals.guide.topic.hint')}
          value={values.topic}
          errors={errors}
          items={[
            ...topics.map((tp) => ({ value: tp.id, text: locale === 'en' ? tp.en : tp.ru })),
            { value: 'other', text: t('appeals.guide.topic.other') },
          ]}
        />
        <Fieldset legend={t('appeals.guide.place')} legendSize="m">
          <p class="govuk-body">{t('appeals.guide.place.hint')}</p>
          <Select
            name="municipality"
            label={t('appeals.guide.municipality')}
            value={values.municipality}
            errors={errors}
            items={[
              { value: '', text: t('appeals.guide.municipality.none') },
              ...municipalities.map((m) => ({ value: m.slug, text: m.name })),
            ]}
          />
          <TextInput
            name="settlement"
            label={t('appeals.guide.settlement')}
            hint={t('appeals.guide.settlement.hint')}
            value={values.settlement}
            errors={errors}
            width="20"
            spellcheck={false}
          />
        </Fieldset>
        <Button>{t('appeals.guide.submit')}</Button>
      </form>
      <p class="govuk-body">
        <a class="govuk-link" href={listHref} id="full-list">
          {t('appeals.guide.fullList')}
        </a>
      </p>
    </Narrow>
  );
}
