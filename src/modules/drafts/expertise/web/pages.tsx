import type { ComponentChildren } from 'preact';
import { formatDate, formatLocalDate } from '../../../../platform/calendar/format.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import { segments } from '../../../../platform/text/phrases.ts';
import {
  Button,
  ErrorSummary,
  Fieldset,
  Form,
  InsetText,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
  useView,
} from '../../../../platform/ui/index.ts';
import { FORM_FINDING_ROWS } from '../expertise.input.ts';
import type { ExpertRow } from '../expertise.repository.ts';
import type { ConclusionView, DraftExpertise } from '../get-expertise.ts';
import { corruptionFactors, factorByCode, type PrescreenHit, prescreenRules } from '../prescreen.ts';

type FormProps = { values: Record<string, string>; errors: (FieldError & { href?: string })[] };

const ruleTitle = (id: string) => prescreenRules.rules.find((r) => r.id === id)?.titleRu ?? id;
const factorTitle = (code: string) => `${code} — ${factorByCode(code)?.titleRu ?? ''}`;

/**
 * A unit's text with the pre-screening hits marked, each labelled a hint with its factor and rule;
 * `id`, `class` and `after` (a link, say) let the draft's text page put it where the plain unit stood.
 */
export function UnitWithHints({
  text,
  hits,
  id,
  class: className,
  after,
}: {
  text: string;
  hits: PrescreenHit[];
  id?: string;
  class?: string;
  after?: ComponentChildren;
}) {
  const { t } = useView();
  return (
    <>
      <p class={className ?? 'govuk-body'} {...(id ? { id } : {})}>
        {segments(text, hits).map((s, i) =>
          s.mark ? (
            <mark
              key={i}
              data-factor={s.mark.factor}
              title={`${factorTitle(s.mark.factor)}; ${ruleTitle(s.mark.rule)}`}
            >
              {s.text}
              <span class="govuk-visually-hidden">
                {' '}
                ({t('expertise.hint')}: {s.mark.factor})
              </span>
            </mark>
          ) : (
            s.text
          ),
        )}
        {after}
      </p>
      <ul class="govuk-list govuk-body-s" data-prescreen-hints>
        {hits.map((h, i) => (
          <li key={i}>
            <Tag colour="grey">{t('expertise.hint')}</Tag> «{h.text}»: {factorTitle(h.factor)};{' '}
            {t('expertise.hint.rule', { rule: ruleTitle(h.rule) })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The pre-screening block: the units that have hints, each with its label and marked text. */
export function PrescreenBlock({ d }: { d: DraftExpertise }) {
  const { t } = useView();
  const withHints = d.units.filter((u) => d.hints.has(u.key));
  return (
    <section class="govuk-!-margin-bottom-8" aria-labelledby="prescreen-title" id="prescreen">
      <h2 class="govuk-heading-m" id="prescreen-title">
        {t('expertise.hints.title')}
      </h2>
      <InsetText>{t('expertise.hints.lead')}</InsetText>
      {withHints.length === 0 ? (
        <p class="govuk-body">{t('expertise.hints.none')}</p>
      ) : (
        withHints.map((u) => (
          <div key={u.key} id={`hints-${u.key}`} class="govuk-!-margin-bottom-4">
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
              <a class="govuk-link" href={`/drafts/${d.draft.id}/text#unit-${u.key}`}>
                {u.label}
              </a>
            </h3>
            <UnitWithHints text={u.text} hits={d.hints.get(u.key) ?? []} />
          </div>
        ))
      )}
      <p class="govuk-hint">{t('expertise.hints.edition', { edition: d.edition })}</p>
    </section>
  );
}

function ConclusionCard({
  c,
  canAnswer,
  form,
}: {
  c: ConclusionView;
  canAnswer: boolean;
  form: FormProps & { target?: string };
}) {
  const { t, locale } = useView();
  const mine = form.target === c.id;
  return (
    <div class="govuk-summary-card" id={`conclusion-${c.id}`} data-conclusion>
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">
          {c.expert?.name ?? '—'} ·{' '}
          {t('expertise.conclusion.submitted', { date: formatDate(c.submittedAt, locale) })}
        </h3>
      </div>
      <div class="govuk-summary-card__content">
        {c.expert && (
          <p class="govuk-body-s">
            {t('expertise.conclusion.by', {
              name: c.expert.name,
              date: formatLocalDate(c.expert.orderDate),
              number: c.expert.orderNumber,
            })}
          </p>
        )}
        {c.noFactors ? (
          <p class="govuk-body govuk-!-font-weight-bold">{t('expertise.conclusion.noFactors')}</p>
        ) : (
          c.findings.map((f) => (
            <SummaryList
              key={f.id}
              rows={[
                { key: t('expertise.finding.unit'), value: f.unitLabel },
                { key: t('expertise.finding.factor'), value: factorTitle(f.factorCode) },
                { key: t('expertise.finding.description'), value: f.description },
                { key: t('expertise.finding.proposal'), value: f.proposal },
              ]}
            />
          ))
        )}
        {c.answeredAt ? (
          <>
            <h4 class="govuk-heading-s">
              {t('expertise.conclusion.answered', { date: formatDate(c.answeredAt, locale) })}
            </h4>
            <p class="govuk-body" style="white-space: pre-line" data-answer>
              {c.answer}
            </p>
          </>
        ) : c.overdue ? (
          <p class="govuk-body">
            <Tag colour="red">
              {t('expertise.conclusion.overdue', { date: formatLocalDate(c.answerDueOn) })}
            </Tag>
          </p>
        ) : (
          <p class="govuk-body">
            <Tag colour="yellow">
              {t('expertise.conclusion.due', { date: formatLocalDate(c.answerDueOn) })}
            </Tag>
          </p>
        )}
        {canAnswer && !c.answeredAt && (
          <Form action={`/manage/expertise/conclusions/${c.id}/answer`}>
            <Textarea
              name="answer"
              id={`answer-${c.id}`}
              rows={5}
              label={t('expertise.answer.field')}
              value={mine ? form.values.answer : undefined}
              errors={mine ? form.errors : undefined}
            />
            <Button>{t('expertise.answer.submit')}</Button>
          </Form>
        )}
      </div>
    </div>
  );
}

/** `/drafts/<id>/expertise`: hints, conclusions, answers, the overdue ones. */
export function ExpertiseView({ d, form }: { d: DraftExpertise; form: FormProps & { target?: string } }) {
  const { t } = useView();
  const open = d.draft.stage === 'expertise';
  return (
    <>
      <span class="govuk-caption-l">{d.draft.title}</span>
      <h1 class="govuk-heading-l">{t('expertise.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body">{t('expertise.lead')}</p>
      <p class="govuk-body">
        {open ? (
          <Tag colour="green">{t('expertise.stage.open')}</Tag>
        ) : (
          <Tag colour="grey">{t('expertise.stage.closed')}</Tag>
        )}
      </p>
      {d.canConclude && <Button href={`/drafts/${d.draft.id}/expertise/new`}>{t('expertise.new')}</Button>}
      <PrescreenBlock d={d} />
      <section aria-labelledby="conclusions-title">
        <h2 class="govuk-heading-m" id="conclusions-title">
          {t('expertise.conclusions.title')}
        </h2>
        {d.conclusions.length === 0 ? (
          <p class="govuk-body">{t('expertise.conclusions.none')}</p>
        ) : (
          d.conclusions.map((c) => <ConclusionCard key={c.id} c={c} canAnswer={d.canAnswer} form={form} />)
        )}
      </section>
    </>
  );
}

/** The expert's form: the result, then rows of findings (unit, factor, description, fix). */
export function ConclusionFormView({ d, values, errors }: FormProps & { d: DraftExpertise }) {
  const { t } = useView();
  const units = [{ value: '', text: '' }, ...d.units.map((u) => ({ value: u.key, text: u.label }))];
  const factors = [
    { value: '', text: '' },
    ...corruptionFactors.map((f) => ({ value: f.code, text: `${f.code} — ${f.titleRu}` })),
  ];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{d.draft.title}</span>
        <h1 class="govuk-heading-l">{t('expertise.new.title')}</h1>
        <ErrorSummary errors={errors} />
        <Form action={`/drafts/${d.draft.id}/expertise/new`}>
          <Radios
            name="result"
            legend={t('expertise.form.result')}
            legendSize="m"
            value={values.result}
            errors={errors}
            items={[
              { value: 'factors', text: t('expertise.form.result.factors') },
              { value: 'none', text: t('expertise.form.result.none') },
            ]}
          />
          <p class="govuk-hint">{t('expertise.form.findingHint')}</p>
          {Array.from({ length: FORM_FINDING_ROWS }, (_, k) => k + 1).map((i) => (
            <Fieldset key={i} legend={t('expertise.form.finding', { n: i })} legendSize="s">
              <Select
                name={`unit-${i}`}
                label={t('expertise.finding.unit')}
                value={values[`unit-${i}`] ?? ''}
                errors={errors}
                items={units}
              />
              <Select
                name={`factor-${i}`}
                label={t('expertise.finding.factor')}
                value={values[`factor-${i}`] ?? ''}
                errors={errors}
                items={factors}
              />
              <Textarea
                name={`description-${i}`}
                rows={3}
                label={t('expertise.finding.description')}
                value={values[`description-${i}`]}
                errors={errors}
              />
              <Textarea
                name={`proposal-${i}`}
                rows={3}
                label={t('expertise.finding.proposal')}
                value={values[`proposal-${i}`]}
                errors={errors}
              />
            </Fieldset>
          ))}
          <Button>{t('expertise.form.submit')}</Button>
        </Form>
      </div>
    </div>
  );
}

function RegisterTable({ experts }: { experts: ExpertRow[] }) {
  const { t } = useView();
  if (experts.length === 0) return <p class="govuk-body">{t('expertise.register.none')}</p>;
  return (
    <Table
      label={t('expertise.register.title')}
      head={[
        { text: t('expertise.register.name') },
        { text: t('expertise.register.order') },
        { text: t('expertise.register.status') },
      ]}
      rows={experts.map((e) => [
        e.name,
        t('expertise.register.orderValue', { date: formatLocalDate(e.orderDate), number: e.orderNumber }),
        e.active ? t('expertise.register.active') : t('expertise.register.inactive'),
      ])}
    />
  );
}

/** `/expertise/experts`: the public register. */
export function RegisterView({ experts }: { experts: ExpertRow[] }) {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('expertise.register.title')}</h1>
      <p class="govuk-body">{t('expertise.register.lead')}</p>
      <RegisterTable experts={experts} />
    </>
  );
}

/** `/manage/expertise/experts`: the register and the form that adds to it. */
export function RegisterManageView({ experts, values, errors }: FormProps & { experts: ExpertRow[] }) {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('expertise.register.title')}</h1>
      <ErrorSummary errors={errors} />
      <RegisterTable experts={experts} />
      <h2 class="govuk-heading-m">{t('expertise.register.add')}</h2>
      <Form action="/manage/expertise/experts">
        <Radios
          name="kind"
          legend={t('expertise.expert.kind')}
          legendSize="s"
          value={values.kind ?? 'person'}
          errors={errors}
          items={[
            { value: 'person', text: t('expertise.expert.kind.person') },
            { value: 'organisation', text: t('expertise.expert.kind.organisation') },
          ]}
        />
        <TextInput name="name" label={t('expertise.expert.name')} value={values.name} errors={errors} />
        <TextInput
          name="orderNumber"
          label={t('expertise.expert.orderNumber')}
          value={values.orderNumber}
          errors={errors}
          width="10"
        />
        <TextInput
          name="orderDate"
          label={t('expertise.expert.orderDate')}
          hint={t('expertise.expert.orderDateHint')}
          value={values.orderDate}
          errors={errors}
          width="10"
        />
        <TextInput
          name="email"
          type="email"
          spellcheck={false}
          label={t('expertise.expert.email')}
          hint={t('expertise.expert.emailHint')}
          value={values.email}
          errors={errors}
        />
        <Button>{t('expertise.register.add')}</Button>
      </Form>
    </>
  );
}
