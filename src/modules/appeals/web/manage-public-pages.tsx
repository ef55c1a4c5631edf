import type { FieldError } from '../../../platform/errors/index.ts';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  Form,
  InsetText,
  Select,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningText,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { applyFindings, type Finding } from '../anonymise.ts';
import type { FaqDraftFromAppeal } from '../faq/faq-from-appeal.ts';
import type { FaqRow, ReviewRow } from '../public.repository.ts';
import { quarterLabel } from '../stats/labels.ts';
import { orgName, Paragraphs, reviewPath } from './public-pages.tsx';
import { StatsBlock } from './public-stats.tsx';

type Values = Record<string, string>;

function orgItems(orgs: OrgRow[], locale: 'ru' | 'en', choose: string) {
  return [{ value: '', text: choose }, ...orgs.map((o) => ({ value: o.id, text: orgName(o, locale) }))];
}

/** `/manage/appeals/faq`: the FAQ items of the bodies this person keeps. */
export function FaqListView({ items, orgs }: { items: FaqRow[]; orgs: OrgRow[] }) {
  const { t, locale } = useView();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return (
    <>
      <h1 class="govuk-heading-xl">{t('appeals.manage.faq.title')}</h1>
      <p class="govuk-body">{t('appeals.manage.faq.lead')}</p>
      <ButtonGroup>
        <Button href="/manage/appeals/faq/new">{t('appeals.manage.faq.new')}</Button>
        <Button href="/manage/appeals/faq/from-appeal" variant="secondary">
          {t('appeals.manage.faq.fromAppeal')}
        </Button>
      </ButtonGroup>
      {items.length === 0 ? (
        <p class="govuk-body">{t('appeals.manage.faq.none')}</p>
      ) : (
        <Table
          head={[
            { text: t('appeals.manage.faq.question') },
            { text: t('appeals.manage.faq.org') },
            { text: t('appeals.manage.faq.status') },
          ]}
          rows={items.map((f) => [
            <a class="govuk-link" href={`/manage/appeals/faq/${f.id}`} key="q">
              {f.question.length > 120 ? `${f.question.slice(0, 120)}…` : f.question}
            </a>,
            byId.get(f.orgId) ? orgName(byId.get(f.orgId) as OrgRow, locale) : '',
            f.publishedAt ? (
              <Tag colour="green">{t('appeals.manage.faq.published')}</Tag>
            ) : (
              <Tag colour="grey">{t('appeals.manage.faq.draft')}</Tag>
            ),
          ])}
        />
      )}
    </>
  );
}

const KIND_KEYS = (f: Finding) => `appeals.finding.${f.kind}`;

/** `/manage/appeals/faq/new` and `/manage/appeals/faq/<id>`: the question, the answer, publishing. */
export function FaqFormView({
  item,
  orgs,
  values,
  errors,
  warnings,
}: {
  item: FaqRow | null;
  orgs: OrgRow[];
  values: Values;
  errors: FieldError[];
  warnings: Finding[];
}) {
  const { t, locale } = useView();
  const action = item ? `/manage/appeals/faq/${item.id}` : '/manage/appeals/faq/new';
  const org = item ? orgs.find((o) => o.id === item.orgId) : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      {org && <span class="govuk-caption-l">{orgName(org, locale)}</span>}
      <h1 class="govuk-heading-xl">{t(item ? 'appeals.manage.faq.edit' : 'appeals.manage.faq.new')}</h1>
      {item && (
        <p class="govuk-body">
          {item.publishedAt ? (
            <Tag colour="green">{t('appeals.manage.faq.published')}</Tag>
          ) : (
            <Tag colour="grey">{t('appeals.manage.faq.draft')}</Tag>
          )}
        </p>
      )}
      {warnings.length > 0 && (
        <WarningText>
          {t('appeals.manage.faq.warnings')}:{' '}
          {warnings.map((w) => `${t(KIND_KEYS(w))} «${w.text}»`).join('; ')}
        </WarningText>
      )}
      <Form action={action}>
        {item ? (
          <input type="hidden" name="orgId" value={item.orgId} />
        ) : (
          <Select
            name="orgId"
            label={t('appeals.manage.faq.org')}
            value={values.orgId}
            errors={errors}
            items={orgItems(orgs, locale, '')}
          />
        )}
        <Textarea
          name="question"
          label={t('appeals.manage.faq.question')}
          value={values.question}
          errors={errors}
          rows={3}
        />
        <Textarea
          name="answer"
          label={t('appeals.manage.faq.answer')}
          hint={t('appeals.manage.faq.answerHint')}
          value={values.answer}
          errors={errors}
          rows={10}
        />
        <Button>{t('appeals.manage.faq.save')}</Button>
      </Form>
      {item && (
        <ButtonGroup>
          <Form action={`/manage/appeals/faq/${item.id}/${item.publishedAt ? 'unpublish' : 'publish'}`}>
            <Button variant={item.publishedAt ? 'secondary' : undefined}>
              {t(item.publishedAt ? 'appeals.manage.faq.unpublish' : 'appeals.manage.faq.publish')}
            </Button>
          </Form>
          <Form action={`/manage/appeals/faq/${item.id}/delete`}>
            <Button variant="warning">{t('appeals.manage.faq.delete')}</Button>
          </Form>
        </ButtonGroup>
      )}
    </>
  );
}

/** `/manage/appeals/faq/from-appeal`: which answered appeal to use. */
export function FaqFromAppealView({ values, errors }: { values: Values; errors: FieldError[] }) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('appeals.manage.faq.fromAppeal')}</h1>
      <Form action="/manage/appeals/faq/from-appeal" method="get">
        <TextInput
          name="number"
          label={t('appeals.manage.faq.fromAppealNumber')}
          hint={t('appeals.manage.faq.fromAppealHint')}
          value={values.number}
          errors={errors}
          width="20"
          spellcheck={false}
        />
        <Button>{t('appeals.manage.faq.fromAppealGo')}</Button>
      </Form>
    </>
  );
}

function FindingsField({
  name,
  legend,
  text,
  findings,
}: {
  name: string;
  legend: string;
  text: string;
  findings: Finding[];
}) {
  const { t } = useView();
  if (findings.length === 0) return null;
  return (
    <Checkboxes
      name={name}
      legend={legend}
      values={findings.map((_, i) => String(i))}
      items={findings.map((f, i) => ({
        value: String(i),
        text: `${t(KIND_KEYS(f))}: «${text.slice(f.start, f.end)}» → ${f.mask}`,
      }))}
    />
  );
}

/** The staff check of anonymisation: the findings (all ticked) and the text as it will read. */
export function FaqConfirmView({ draft }: { draft: FaqDraftFromAppeal }) {
  const { t } = useView();
  const q = applyFindings(draft.question.original, draft.question.findings);
  const a = applyFindings(draft.answer.original, draft.answer.findings);
  const none = draft.question.findings.length + draft.answer.findings.length === 0;
  return (
    <>
      <h1 class="govuk-heading-xl">{t('appeals.manage.faq.confirm.title')}</h1>
      <p class="govuk-body">{t('appeals.manage.faq.confirm.lead', { number: draft.appeal.number })}</p>
      <Form action={`/manage/appeals/faq/from-appeal?number=${encodeURIComponent(draft.appeal.number)}`}>
        <h2 class="govuk-heading-m">{t('appeals.manage.faq.confirm.findings')}</h2>
        {none && <InsetText>{t('appeals.manage.faq.confirm.none')}</InsetText>}
        <FindingsField
          name="q"
          legend={`${t('appeals.manage.faq.question')} (${t('appeals.finding.in.question')})`}
          text={draft.question.original}
          findings={draft.question.findings}
        />
        <FindingsField
          name="a"
          legend={`${t('appeals.manage.faq.answer')} (${t('appeals.finding.in.answer')})`}
          text={draft.answer.original}
          findings={draft.answer.findings}
        />
        <h2 class="govuk-heading-m">{t('appeals.manage.faq.confirm.preview')}</h2>
        <h3 class="govuk-heading-s">{t('appeals.manage.faq.question')}</h3>
        <Paragraphs text={q} />
        <h3 class="govuk-heading-s">{t('appeals.manage.faq.answer')}</h3>
        <Paragraphs text={a} />
        <Button>{t('appeals.manage.faq.confirm.submit')}</Button>
      </Form>
    </>
  );
}

/** `/manage/appeals/reviews`: the bodies' reviews and the form to prepare one. */
export function ReviewsManageView({
  reviews,
  orgs,
  values,
  errors,
}: {
  reviews: ReviewRow[];
  orgs: OrgRow[];
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('appeals.manage.reviews.title')}</h1>
      <p class="govuk-body">{t('appeals.manage.reviews.lead')}</p>
      <h2 class="govuk-heading-m">{t('appeals.manage.reviews.prepare')}</h2>
      <Form action="/manage/appeals/reviews">
        <Select
          name="orgId"
          label={t('appeals.manage.faq.org')}
          value={values.orgId}
          errors={errors}
          items={orgItems(orgs, locale, '')}
        />
        <TextInput
          name="year"
          label={t('appeals.manage.reviews.year')}
          value={values.year}
          errors={errors}
          width="4"
          inputmode="numeric"
        />
        <Select
          name="quarter"
          label={t('appeals.manage.reviews.quarterField')}
          value={values.quarter}
          errors={errors}
          items={[
            { value: '', text: '' },
            ...[1, 2, 3, 4].map((q) => ({ value: String(q), text: quarterLabel(q as 1 | 2 | 3 | 4, t) })),
          ]}
        />
        <Button>{t('appeals.manage.reviews.prepare')}</Button>
      </Form>
      <h2 class="govuk-heading-m">{t('appeals.manage.reviews.title')}</h2>
      {reviews.length === 0 ? (
        <p class="govuk-body">{t('appeals.manage.reviews.none')}</p>
      ) : (
        <Table
          head={[
            { text: t('appeals.review.period') },
            { text: t('appeals.manage.faq.org') },
            { text: t('appeals.manage.faq.status') },
          ]}
          rows={reviews.map((r) => [
            <a class="govuk-link" href={`/manage/appeals/reviews/${r.id}`} key="p">
              {quarterLabel(r.quarter, t)} {r.year}
            </a>,
            byId.get(r.orgId) ? orgName(byId.get(r.orgId) as OrgRow, locale) : '',
            r.publishedAt ? (
              <Tag colour="green">{t('appeals.manage.faq.published')}</Tag>
            ) : (
              <Tag colour="grey">{t('appeals.manage.faq.draft')}</Tag>
            ),
          ])}
        />
      )}
    </>
  );
}

/** `/manage/appeals/reviews/<id>`: the figures as they will be published, the comment, publishing. */
export function ReviewEditView({
  review,
  org,
  values,
  errors,
  ended,
  endDate,
}: {
  review: ReviewRow;
  org: OrgRow;
  values: Values;
  errors: FieldError[];
  ended: boolean;
  endDate: string;
}) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">
        {t('appeals.review.title', { quarter: quarterLabel(review.quarter, t), year: review.year })}
      </h1>
      <p class="govuk-body">
        {review.publishedAt ? (
          <>
            <Tag colour="green">{t('appeals.manage.faq.published')}</Tag>{' '}
            <a class="govuk-link" href={reviewPath(org.slug, review)}>
              {t('appeals.manage.reviews.open')}
            </a>
          </>
        ) : (
          <Tag colour="grey">{t('appeals.manage.faq.draft')}</Tag>
        )}
      </p>
      <Form action={`/manage/appeals/reviews/${review.id}`}>
        <input type="hidden" name="orgId" value={review.orgId} />
        <input type="hidden" name="year" value={String(review.year)} />
        <input type="hidden" name="quarter" value={String(review.quarter)} />
        <Textarea
          name="comment"
          label={t('appeals.manage.reviews.comment')}
          hint={t('appeals.manage.reviews.commentHint')}
          value={values.comment}
          errors={errors}
          rows={8}
        />
        <ButtonGroup>
          <Button>{t('appeals.manage.reviews.save')}</Button>
        </ButtonGroup>
      </Form>
      {!ended && <InsetText>{t('appeals.manage.reviews.notEnded', { date: endDate })}</InsetText>}
      {(ended || review.publishedAt) && (
        <Form action={`/manage/appeals/reviews/${review.id}/${review.publishedAt ? 'unpublish' : 'publish'}`}>
          <Button variant={review.publishedAt ? 'secondary' : undefined}>
            {t(review.publishedAt ? 'appeals.manage.reviews.unpublish' : 'appeals.manage.reviews.publish')}
          </Button>
        </Form>
      )}
      <StatsBlock figures={review.figures} id="review-preview" headingLevel={2} />
    </>
  );
}
