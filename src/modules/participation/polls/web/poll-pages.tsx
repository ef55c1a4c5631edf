import { formatLocalDate } from '../../../../platform/calendar/format.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import type { Locale } from '../../../../platform/i18n/index.ts';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Form,
  InsetText,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import { barChartSvg } from '../../../appeals/index.ts';
import type { OrgRow } from '../../../orgs/index.ts';
import { FollowLinks } from '../../../search/index.ts';
import type { PollResults, PollView } from '../get-poll.ts';
import type { PeriodState } from '../poll-state.ts';
import type { PollRow } from '../polls.repository.ts';

type Values = Record<string, string>;

export function orgName(org: Pick<OrgRow, 'nameRu' | 'nameEn'> | undefined, locale: Locale): string {
  if (!org) return '';
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

export function StateTag({ state }: { state: PeriodState }) {
  const { t } = useView();
  const colour = state === 'open' ? 'green' : state === 'upcoming' ? 'blue' : 'grey';
  return <Tag colour={colour}>{t(`polls.state.${state}`)}</Tag>;
}

/** `/polls` and `/orgs/<slug>/polls`: the published polls (and, below, the surveys). */
export function PollListView({
  items,
  orgs,
  heading,
  surveysBlock,
}: {
  items: { poll: PollRow; state: PeriodState }[];
  orgs: Map<string, OrgRow>;
  heading: string;
  surveysBlock?: preact.ComponentChildren;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{heading}</h1>
      <p class="govuk-body-l">{t('polls.lead')}</p>
      {items.length === 0 ? (
        <p class="govuk-body">{t('polls.none')}</p>
      ) : (
        <Table
          caption={t('polls.title')}
          head={[
            { text: t('polls.manage.question') },
            { text: t('polls.org') },
            { text: t('polls.period') },
            { text: t('polls.state') },
          ]}
          rows={items.map(({ poll, state }) => [
            <a class="govuk-link" href={`/polls/${poll.id}`} key="q">
              {poll.question}
            </a>,
            orgName(orgs.get(poll.orgId), locale),
            t('polls.periodValue', {
              from: formatLocalDate(poll.opensOn),
              to: formatLocalDate(poll.closesOn),
            }),
            <StateTag state={state} key="s" />,
          ])}
        />
      )}
      {surveysBlock}
    </>
  );
}

/** The results: an ECharts SVG drawn on the server and the same figures in a table. */
export function PollResultsBlock({ poll, results }: { poll: PollRow; results: PollResults }) {
  const { t } = useView();
  const share = (n: number) => (results.voters ? `${Math.round((n / results.voters) * 1000) / 10} %` : '0 %');
  const title = t('polls.results.chart', { q: poll.question });
  const svg = barChartSvg({
    id: `poll-${poll.id.slice(0, 8)}`,
    title,
    description: poll.options.map((o, i) => `${o}: ${results.counts[i] ?? 0}`).join('; '),
    categories: poll.options,
    series: [{ name: t('polls.results.votes'), values: results.counts }],
    horizontal: true,
  });
  return (
    <section aria-labelledby="results-heading">
      <h2 class="govuk-heading-l" id="results-heading">
        {t('polls.results')}
      </h2>
      <p class="govuk-body">{t('polls.results.voters', { n: results.voters })}</p>
      <figure class="govuk-!-margin-0 govuk-!-margin-bottom-4">
        {/* the SVG is built by barChartSvg from escaped labels and numbers */}
        <div dangerouslySetInnerHTML={{ __html: svg }} />
      </figure>
      <Table
        caption={title}
        head={[
          { text: t('polls.results.option') },
          { text: t('polls.results.votes'), numeric: true },
          { text: t('polls.results.share'), numeric: true },
        ]}
        rows={poll.options.map((o, i) => [
          o,
          { content: String(results.counts[i] ?? 0), numeric: true },
          { content: share(results.counts[i] ?? 0), numeric: true },
        ])}
      />
    </section>
  );
}

/** `/polls/<id>`: the question, the rules, the vote form or why not, the results when they show. */
export function PollPageView({
  view,
  org,
  residentsOrg,
  municipalities,
  signInHref,
  values,
  errors,
}: {
  view: PollView;
  org: OrgRow | undefined;
  residentsOrg: OrgRow | undefined;
  municipalities: OrgRow[];
  signInHref: string;
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const { poll, state, ownVote, refusal, results } = view;
  const canChange = ownVote !== undefined && poll.changeable;
  const voting =
    state === 'open' && (refusal === null || view.asksResidence) && (ownVote === undefined || canChange);
  const who =
    poll.eligibility === 'residents'
      ? `${t('polls.who.residents', { org: orgName(residentsOrg, locale) })} (${t(
          poll.residenceSource === 'declared' ? 'polls.who.residentsDeclared' : 'polls.who.residentsEsia',
        )})`
      : t(`polls.who.${poll.eligibility}`);
  const chosen = ownVote ? ownVote.choices.map((c) => poll.options[c]).filter(Boolean) : [];
  const picked = values.choice ? values.choice.split('\n') : ownVote ? ownVote.choices.map(String) : [];
  const items = poll.options.map((o, i) => ({ value: String(i), text: o }));
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{poll.question}</h1>
      {poll.topic === 'opendata_priorities' && (
        <p class="govuk-body">
          <Tag colour="blue">{t('polls.topic.opendata_priorities')}</Tag>
        </p>
      )}
      {poll.description && <p class="govuk-body">{poll.description}</p>}
      {poll.publishedAt && <FollowLinks kind="poll" id={poll.id} />}
      <SummaryList
        rows={[
          { key: t('polls.state'), value: <StateTag state={state} /> },
          {
            key: t('polls.period'),
            value: t('polls.periodValue', {
              from: formatLocalDate(poll.opensOn),
              to: formatLocalDate(poll.closesOn),
            }),
          },
          { key: t('polls.who'), value: who },
        ]}
      />
      <p class="govuk-body">
        {t(poll.multiple ? 'polls.kind.multiple' : 'polls.kind.single')}{' '}
        {poll.changeable && `${t('polls.kind.changeable')} `}
        {t(poll.results === 'live' ? 'polls.kind.live' : 'polls.kind.afterClose')}
      </p>
      {ownVote && (
        <InsetText id="own-vote">{t('polls.vote.yours', { choices: chosen.join('; ') })}</InsetText>
      )}
      {state === 'open' && refusal === 'sign_in' && (
        <>
          <p class="govuk-body">{t('polls.refusal.sign_in')}</p>
          <Button href={signInHref}>{t('polls.signIn')}</Button>
        </>
      )}
      {state === 'open' && refusal !== null && refusal !== 'sign_in' && !view.asksResidence && (
        <InsetText>{t(`polls.refusal.${refusal}`)}</InsetText>
      )}
      {voting && (
        <Form action={`/polls/${poll.id}`}>
          {canChange && <input type="hidden" name="change" value="yes" />}
          {poll.multiple ? (
            <Checkboxes
              name="choice"
              legend={t('polls.vote.legend')}
              items={items}
              values={picked}
              errors={errors}
            />
          ) : (
            <Radios
              name="choice"
              legend={t('polls.vote.legend')}
              items={items}
              value={picked[0]}
              errors={errors}
            />
          )}
          {view.asksResidence && (
            <>
              <Select
                name="municipalityOrgId"
                label={t('polls.vote.municipalityLabel')}
                hint={t('polls.vote.municipalityHint')}
                value={values.municipalityOrgId}
                errors={errors}
                items={[
                  { value: '', text: '' },
                  ...municipalities.map((m) => ({ value: m.id, text: orgName(m, locale) })),
                ]}
              />
              <TextInput
                name="address"
                label={t('polls.vote.addressLabel')}
                value={values.address}
                errors={errors}
                autocomplete="street-address"
              />
            </>
          )}
          <Button>{t(canChange ? 'polls.vote.change' : 'polls.vote.submit')}</Button>
        </Form>
      )}
      {results ? (
        <PollResultsBlock poll={poll} results={results} />
      ) : (
        <p class="govuk-body">{t('polls.results.hidden')}</p>
      )}
    </>
  );
}

/** `/manage/polls`: the polls of the bodies this person runs. */
export function PollsManageView({ polls, orgs }: { polls: PollRow[]; orgs: Map<string, OrgRow> }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('polls.manage.title')}</h1>
      <p class="govuk-body">{t('polls.manage.lead')}</p>
      <Button href="/manage/polls/new">{t('polls.manage.new')}</Button>
      {polls.length === 0 ? (
        <p class="govuk-body">{t('polls.manage.none')}</p>
      ) : (
        <Table
          head={[
            { text: t('polls.manage.question') },
            { text: t('polls.org') },
            { text: t('polls.period') },
            { text: t('polls.state') },
          ]}
          rows={polls.map((p) => [
            <a class="govuk-link" href={`/manage/polls/${p.id}`} key="q">
              {p.question}
            </a>,
            orgName(orgs.get(p.orgId), locale),
            t('polls.periodValue', { from: formatLocalDate(p.opensOn), to: formatLocalDate(p.closesOn) }),
            p.publishedAt ? (
              <Tag colour="green">{t('polls.manage.published')}</Tag>
            ) : (
              <Tag colour="grey">{t('polls.manage.draft')}</Tag>
            ),
          ])}
        />
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/manage/surveys">
          {t('surveys.manage.title')}
        </a>
      </p>
    </>
  );
}

/** `/manage/polls/new` and `/manage/polls/<id>`: the poll's question, answers, period and rules. */
export function PollFormView({
  poll,
  orgs,
  municipalities,
  values,
  errors,
}: {
  poll: PollRow | null;
  orgs: OrgRow[];
  municipalities: OrgRow[];
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const tick = (name: string) => (values[name] === 'yes' ? ['yes'] : []);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t(poll ? 'polls.manage.edit' : 'polls.manage.new')}</h1>
      {poll?.publishedAt && (
        <p class="govuk-body">
          <a class="govuk-link" href={`/polls/${poll.id}`}>
            {t('polls.manage.view')}
          </a>
        </p>
      )}
      <Form action={poll ? `/manage/polls/${poll.id}` : '/manage/polls/new'}>
        {poll ? (
          <input type="hidden" name="orgId" value={poll.orgId} />
        ) : (
          <Select
            name="orgId"
            label={t('polls.org')}
            value={values.orgId}
            errors={errors}
            items={[{ value: '', text: '' }, ...orgs.map((o) => ({ value: o.id, text: orgName(o, locale) }))]}
          />
        )}
        <TextInput
          name="question"
          label={t('polls.manage.question')}
          value={values.question}
          errors={errors}
        />
        <Textarea
          name="description"
          label={t('polls.manage.description')}
          value={values.description}
          errors={errors}
          rows={3}
        />
        <Textarea
          name="options"
          label={t('polls.manage.options')}
          hint={t('polls.manage.optionsHint')}
          value={values.options}
          errors={errors}
          rows={5}
        />
        <Checkboxes
          name="multiple"
          items={[{ value: 'yes', text: t('polls.manage.multiple') }]}
          values={tick('multiple')}
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
        <Radios
          name="eligibility"
          legend={t('polls.manage.eligibility')}
          value={values.eligibility ?? 'signed_in'}
          errors={errors}
          items={(['signed_in', 'esia', 'residents'] as const).map((e) => ({
            value: e,
            text: t(`polls.who.${e}`, { org: '…' }),
          }))}
        />
        <Select
          name="residentsOrgId"
          label={t('polls.manage.residentsOrg')}
          value={values.residentsOrgId}
          errors={errors}
          items={[
            { value: '', text: '' },
            ...municipalities.map((o) => ({ value: o.id, text: orgName(o, locale) })),
          ]}
        />
        <Radios
          name="residenceSource"
          legend={t('polls.manage.residenceSource')}
          legendSize="s"
          value={values.residenceSource ?? 'declared'}
          items={(['declared', 'esia'] as const).map((s) => ({
            value: s,
            text: t(`polls.manage.residenceSource.${s}`),
          }))}
        />
        <Checkboxes
          name="changeable"
          items={[{ value: 'yes', text: t('polls.manage.changeable') }]}
          values={tick('changeable')}
        />
        <Radios
          name="results"
          legend={t('polls.manage.results')}
          value={values.results ?? 'after_close'}
          errors={errors}
          items={(['after_close', 'live'] as const).map((r) => ({
            value: r,
            text: t(`polls.manage.results.${r}`),
          }))}
        />
        <Radios
          name="topic"
          legend={t('polls.manage.topic')}
          legendSize="s"
          value={values.topic ?? 'general'}
          items={(['general', 'opendata_priorities'] as const).map((r) => ({
            value: r,
            text: t(`polls.manage.topic.${r}`),
          }))}
        />
        <Checkboxes
          name="published"
          items={[{ value: 'yes', text: t('polls.manage.publish') }]}
          values={tick('published')}
        />
        <Button>{t('polls.manage.save')}</Button>
      </Form>
    </>
  );
}

/** A poll's row as the form's values. */
export function pollValues(p: PollRow): Values {
  return {
    orgId: p.orgId,
    question: p.question,
    description: p.description,
    options: p.options.join('\n'),
    multiple: p.multiple ? 'yes' : '',
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    eligibility: p.eligibility,
    residentsOrgId: p.residentsOrgId ?? '',
    residenceSource: p.residenceSource,
    changeable: p.changeable ? 'yes' : '',
    results: p.results,
    topic: p.topic,
    published: p.publishedAt ? 'yes' : '',
  };
}
