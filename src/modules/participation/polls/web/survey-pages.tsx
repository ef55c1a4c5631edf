import { formatLocalDate } from '../../../../platform/calendar/format.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  Form,
  InsetText,
  Radios,
  Select,
  Table,
  Tag,
  Textarea,
  TextInput,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import { barChartSvg } from '../../../appeals/index.ts';
import type { OrgRow } from '../../../orgs/index.ts';
import type { SurveyView } from '../answer-survey.ts';
import type { PeriodState } from '../poll-state.ts';
import { questionTypes } from '../polls.input.ts';
import type { SurveyRow } from '../polls.repository.ts';
import type { SurveyQuestion } from '../polls.tables.ts';
import { fieldOf } from '../survey-answers.ts';
import type { SurveyResults } from '../survey-results.ts';
import { orgName, StateTag } from './poll-pages.tsx';

type Values = Record<string, string>;

/** The published surveys under the polls of `/polls` and `/orgs/<slug>/polls`. */
export function SurveyListBlock({
  items,
  orgs,
}: {
  items: { survey: SurveyRow; state: PeriodState }[];
  orgs: Map<string, OrgRow>;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h2 class="govuk-heading-l">{t('surveys.title')}</h2>
      <p class="govuk-body">{t('surveys.lead')}</p>
      {items.length === 0 ? (
        <p class="govuk-body">{t('surveys.none')}</p>
      ) : (
        <Table
          caption={t('surveys.title')}
          captionSize="s"
          head={[
            { text: t('surveys.manage.titleLabel') },
            { text: t('polls.org') },
            { text: t('polls.period') },
            { text: t('polls.state') },
          ]}
          rows={items.map(({ survey, state }) => [
            <a class="govuk-link" href={`/surveys/${survey.id}`} key="q">
              {survey.title}
            </a>,
            orgName(orgs.get(survey.orgId), locale),
            t('polls.periodValue', {
              from: formatLocalDate(survey.opensOn),
              to: formatLocalDate(survey.closesOn),
            }),
            <StateTag state={state} key="s" />,
          ])}
        />
      )}
    </>
  );
}

function QuestionField({
  q,
  all,
  values,
  errors,
}: {
  q: SurveyQuestion;
  all: readonly SurveyQuestion[];
  values: Values;
  errors: FieldError[];
}) {
  const { t } = useView();
  const name = fieldOf(q);
  const on = q.showIf ? all.find((x) => x.key === q.showIf?.key) : undefined;
  const label = q.required ? q.text : `${q.text} ${t('surveys.optional')}`;
  // Without JavaScript the conditional question stays on the page with a note; the server checks the condition.
  const note = q.showIf && on ? t('surveys.condition', { q: on.text, a: q.showIf.equals }) : undefined;
  const hint =
    q.type === 'scale'
      ? [note, t('surveys.scaleHint', { max: q.scaleMax })].filter(Boolean).join(' ')
      : q.type === 'date'
        ? [note, t('surveys.dateHint')].filter(Boolean).join(' ')
        : note;
  const wrap = (child: preact.ComponentChildren) => (
    <div
      class="survey-question"
      data-question={q.key}
      data-show-if={q.showIf ? q.showIf.key : undefined}
      data-show-equals={q.showIf ? q.showIf.equals : undefined}
    >
      {child}
    </div>
  );
  switch (q.type) {
    case 'short_text':
    case 'number':
    case 'date':
      return wrap(
        <TextInput
          name={name}
          label={label}
          labelSize="m"
          hint={hint}
          value={values[name]}
          errors={errors}
          inputmode={q.type === 'number' ? 'decimal' : undefined}
          width={q.type === 'short_text' ? undefined : '10'}
        />,
      );
    case 'long_text':
      return wrap(
        <Textarea
          name={name}
          label={label}
          labelSize="m"
          hint={hint}
          value={values[name]}
          errors={errors}
          rows={4}
        />,
      );
    case 'single':
      return wrap(
        <Radios
          name={name}
          legend={label}
          hint={hint}
          value={values[name]}
          errors={errors}
          items={q.options.map((o) => ({ value: o, text: o }))}
        />,
      );
    case 'multiple':
      return wrap(
        <Checkboxes
          name={name}
          legend={label}
          hint={hint}
          values={values[name]}
          errors={errors}
          items={q.options.map((o) => ({ value: o, text: o }))}
        />,
      );
    case 'scale':
      return wrap(
        <Radios
          name={name}
          legend={label}
          hint={hint}
          inline
          value={values[name]}
          errors={errors}
          items={Array.from({ length: q.scaleMax }, (_, i) => ({
            value: String(i + 1),
            text: String(i + 1),
          }))}
        />,
      );
    case 'matrix':
      return wrap(
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{label}</legend>
          {note && <div class="govuk-hint">{note}</div>}
          {q.rows.map((row, i) => (
            <Radios
              key={row}
              name={fieldOf(q, i)}
              legend={row}
              legendSize="s"
              inline
              small
              value={values[fieldOf(q, i)]}
              errors={errors}
              items={q.options.map((o) => ({ value: o, text: o }))}
            />
          ))}
        </fieldset>,
      );
  }
}

/** `/surveys/<id>`: the questions as one form; conditional ones with their note. */
export function SurveyPageView({
  view,
  org,
  signInHref,
  signedIn,
  values,
  errors,
}: {
  view: SurveyView;
  org: OrgRow | undefined;
  signInHref: string;
  signedIn: boolean;
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const { survey, state, answered } = view;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{survey.title}</h1>
      {survey.description && <p class="govuk-body">{survey.description}</p>}
      <p class="govuk-body">
        <StateTag state={state} />{' '}
        {t('polls.periodValue', {
          from: formatLocalDate(survey.opensOn),
          to: formatLocalDate(survey.closesOn),
        })}
      </p>
      <InsetText>{t(survey.anonymous ? 'surveys.anonymous' : 'surveys.signed')}</InsetText>
      {answered ? (
        <p class="govuk-body" id="answered">
          {t('surveys.answered')}
        </p>
      ) : state !== 'open' ? (
        <p class="govuk-body">{t('surveys.answer.notOpen')}</p>
      ) : !signedIn ? (
        <Button href={signInHref}>{t('surveys.signIn')}</Button>
      ) : (
        <Form action={`/surveys/${survey.id}`} id="survey-form">
          <div data-module="survey-conditions">
            {survey.questions.map((q) => (
              <QuestionField key={q.key} q={q} all={survey.questions} values={values} errors={errors} />
            ))}
          </div>
          <Button>{t('surveys.submit')}</Button>
        </Form>
      )}
    </>
  );
}

/** `/manage/surveys`: the surveys of the bodies this person runs. */
export function SurveysManageView({ surveys, orgs }: { surveys: SurveyRow[]; orgs: Map<string, OrgRow> }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('surveys.manage.title')}</h1>
      <p class="govuk-body">{t('surveys.manage.lead')}</p>
      <Button href="/manage/surveys/new">{t('surveys.manage.new')}</Button>
      {surveys.length === 0 ? (
        <p class="govuk-body">{t('surveys.manage.none')}</p>
      ) : (
        <Table
          head={[
            { text: t('surveys.manage.titleLabel') },
            { text: t('polls.org') },
            { text: t('polls.period') },
            { text: t('polls.state') },
          ]}
          rows={surveys.map((s) => [
            <a class="govuk-link" href={`/manage/surveys/${s.id}`} key="q">
              {s.title}
            </a>,
            orgName(orgs.get(s.orgId), locale),
            t('polls.periodValue', { from: formatLocalDate(s.opensOn), to: formatLocalDate(s.closesOn) }),
            s.publishedAt ? (
              <Tag colour="green">{t('polls.manage.published')}</Tag>
            ) : (
              <Tag colour="grey">{t('polls.manage.draft')}</Tag>
            ),
          ])}
        />
      )}
    </>
  );
}

/** The survey's heading and settings form (new survey, and the top of a survey's page). */
export function SurveySettingsForm({
  survey,
  orgs,
  values,
  errors,
}: {
  survey: SurveyRow | null;
  orgs: OrgRow[];
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const tick = (name: string) => (values[name] === 'yes' ? ['yes'] : []);
  return (
    <Form action={survey ? `/manage/surveys/${survey.id}` : '/manage/surveys/new'}>
      {survey ? (
        <input type="hidden" name="orgId" value={survey.orgId} />
      ) : (
        <Select
          name="orgId"
          label={t('polls.org')}
          value={values.orgId}
          errors={errors}
          items={[{ value: '', text: '' }, ...orgs.map((o) => ({ value: o.id, text: orgName(o, locale) }))]}
        />
      )}
      <TextInput name="title" label={t('surveys.manage.titleLabel')} value={values.title} errors={errors} />
      <Textarea
        name="description"
        label={t('polls.manage.description')}
        value={values.description}
        errors={errors}
        rows={3}
      />
      <TextInput
        name="opensOn"
        label={t('polls.manage.opensOn')}
        hint={t('surveys.dateHint')}
        value={values.opensOn}
        errors={errors}
        width="10"
      />
      <TextInput
        name="closesOn"
        label={t('polls.manage.closesOn')}
        hint={t('surveys.dateHint')}
        value={values.closesOn}
        errors={errors}
        width="10"
      />
      <Checkboxes
        name="anonymous"
        items={[{ value: 'yes', text: t('surveys.manage.anonymous') }]}
        values={tick('anonymous')}
        errors={errors}
      />
      <Checkboxes
        name="published"
        items={[{ value: 'yes', text: t('polls.manage.publish') }]}
        values={tick('published')}
      />
      <Button>{t('polls.manage.save')}</Button>
    </Form>
  );
}

/** The form builder: one question at a time, added at the end. */
export function AddQuestionForm({
  survey,
  values,
  errors,
}: {
  survey: SurveyRow;
  values: Values;
  errors: FieldError[];
}) {
  const { t } = useView();
  const choiceQuestions = survey.questions.filter((q) => q.type === 'single' || q.type === 'multiple');
  return (
    <Form action={`/manage/surveys/${survey.id}/questions`}>
      <h2 class="govuk-heading-l">{t('surveys.manage.addQuestion')}</h2>
      <Select
        name="type"
        label={t('surveys.manage.type')}
        value={values.type}
        errors={errors}
        items={questionTypes.map((q) => ({ value: q, text: t(`surveys.type.${q}`) }))}
      />
      <Textarea name="text" label={t('surveys.manage.text')} value={values.text} errors={errors} rows={2} />
      <Checkboxes
        name="required"
        items={[{ value: 'yes', text: t('surveys.manage.required') }]}
        values={values.required === 'yes' ? ['yes'] : []}
      />
      <Textarea
        name="options"
        label={t('surveys.manage.optionsLabel')}
        hint={t('polls.manage.optionsHint')}
        value={values.options}
        errors={errors}
        rows={4}
      />
      <Textarea
        name="rows"
        label={t('surveys.manage.rowsLabel')}
        value={values.rows}
        errors={errors}
        rows={3}
      />
      <Select
        name="scaleMax"
        label={t('surveys.manage.scaleMax')}
        value={values.scaleMax ?? '5'}
        errors={errors}
        items={[
          { value: '5', text: '1–5' },
          { value: '10', text: '1–10' },
        ]}
      />
      {choiceQuestions.length > 0 && (
        <>
          <Select
            name="showIfKey"
            label={t('surveys.manage.showIfKey')}
            value={values.showIfKey}
            errors={errors}
            items={[
              { value: '', text: t('surveys.manage.always') },
              ...choiceQuestions.map((q) => ({ value: q.key, text: q.text })),
            ]}
          />
          <TextInput
            name="showIfEquals"
            label={t('surveys.manage.showIfEquals')}
            value={values.showIfEquals}
            errors={errors}
          />
        </>
      )}
      <Button variant="secondary">{t('surveys.manage.addQuestion')}</Button>
    </Form>
  );
}

function SummaryBlock({ results }: { results: SurveyResults }) {
  const { t } = useView();
  return (
    <section aria-labelledby="summary-heading">
      <h2 class="govuk-heading-l" id="summary-heading">
        {t('surveys.manage.results')}
      </h2>
      <p class="govuk-body" id="responses-count">
        {t('surveys.manage.responses', { n: results.responses })}
      </p>
      <ButtonGroup>
        <Button href={`/manage/surveys/${results.survey.id}/answers.csv`} variant="secondary">
          {t('surveys.manage.exportCsv')}
        </Button>
        <Button href={`/manage/surveys/${results.survey.id}/answers.xlsx`} variant="secondary">
          {t('surveys.manage.exportXlsx')}
        </Button>
      </ButtonGroup>
      {results.summaries.map((s, n) => {
        const q = s.question;
        const chart =
          s.counts.length > 0
            ? barChartSvg({
                id: `survey-q${n}`,
                title: q.text,
                description: s.counts.map(([l, c]) => `${l}: ${c}`).join('; '),
                categories: s.counts.map(([l]) => l),
                series: [{ name: t('polls.results.votes'), values: s.counts.map(([, c]) => c) }],
                horizontal: true,
              })
            : null;
        return (
          <div key={q.key} class="govuk-!-margin-bottom-6">
            <h3 class="govuk-heading-m">{q.text}</h3>
            {s.mean !== null && <p class="govuk-body">{t('surveys.manage.mean', { m: s.mean })}</p>}
            {/* the SVG is built by barChartSvg from escaped labels and numbers */}
            {chart && <div dangerouslySetInnerHTML={{ __html: chart }} />}
            {s.counts.length > 0 && (
              <Table
                caption={q.text}
                captionSize="s"
                head={[
                  { text: t('polls.results.option') },
                  { text: t('polls.results.votes'), numeric: true },
                ]}
                rows={s.counts.map(([l, c]) => [l, { content: String(c), numeric: true }])}
              />
            )}
            {s.matrix.length > 0 && (
              <Table
                caption={q.text}
                captionSize="s"
                head={[{ text: '' }, ...q.options.map((o) => ({ text: o, numeric: true }))]}
                firstCellIsHeader
                rows={s.matrix.map((m) => [
                  m.row,
                  ...m.counts.map(([, c]) => ({ content: String(c), numeric: true })),
                ])}
              />
            )}
            {s.texts.length > 0 && (
              <ul class="govuk-list govuk-list--bullet">
                {s.texts.slice(0, 50).map((x, i) => (
                  <li key={String(i)}>{x}</li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** `/manage/surveys/<id>`: settings, the questions (with the builder), the summary and the export. */
export function SurveyEditView({
  survey,
  orgs,
  results,
  values,
  errors,
  questionValues,
  questionErrors,
}: {
  survey: SurveyRow;
  orgs: OrgRow[];
  results: SurveyResults;
  values: Values;
  errors: FieldError[];
  questionValues: Values;
  questionErrors: FieldError[];
}) {
  const { t, locale } = useView();
  const org = orgs.find((o) => o.id === survey.orgId);
  return (
    <>
      <ErrorSummary errors={[...errors, ...questionErrors]} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{survey.title}</h1>
      {survey.publishedAt && (
        <p class="govuk-body">
          <a class="govuk-link" href={`/surveys/${survey.id}`}>
            {t('polls.manage.view')}
          </a>
        </p>
      )}
      <h2 class="govuk-heading-l">{t('polls.manage.settings')}</h2>
      <SurveySettingsForm survey={survey} orgs={orgs} values={values} errors={errors} />
      <h2 class="govuk-heading-l">{t('surveys.manage.questions')}</h2>
      {survey.questions.length === 0 ? (
        <p class="govuk-body">{t('surveys.manage.noQuestions')}</p>
      ) : (
        <ol class="govuk-list govuk-list--number" id="questions">
          {survey.questions.map((q) => {
            const on = q.showIf ? survey.questions.find((x) => x.key === q.showIf?.key) : undefined;
            return (
              <li key={q.key}>
                <strong>{q.text}</strong> — {t(`surveys.type.${q.type}`)}
                {q.required && `, ${t('surveys.manage.required.tag')}`}
                {on && q.showIf && `, ${t('surveys.manage.conditional', { q: on.text, a: q.showIf.equals })}`}
                {results.responses === 0 && (
                  <Form action={`/manage/surveys/${survey.id}/questions/${q.key}/delete`}>
                    <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-2">
                      {t('surveys.manage.remove')}
                      <span class="govuk-visually-hidden"> «{q.text}»</span>
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {results.responses === 0 && (
        <AddQuestionForm survey={survey} values={questionValues} errors={questionErrors} />
      )}
      <SummaryBlock results={results} />
    </>
  );
}

export function surveyValues(s: SurveyRow): Values {
  return {
    orgId: s.orgId,
    title: s.title,
    description: s.description,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    anonymous: s.anonymous ? 'yes' : '',
    published: s.publishedAt ? 'yes' : '',
  };
}
