import { isSignedIn } from '../../../../platform/authz/index.ts';
import { formatDate, formatDateTime } from '../../../../platform/calendar/format.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import {
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import type { OfficialRow, OrgRow } from '../../../orgs/index.ts';
import { FollowLinks } from '../../../search/index.ts';
import { regionTime } from '../chat-hours.ts';
import type { ConsultationRow, QuestionRow } from '../consult.repository.ts';
import { type ConsultationListItem, type ConsultationPhase, phaseOf } from '../get-consultations.ts';
import { orgName, Paragraphs } from './common.tsx';

type Values = Record<string, string>;

export const consultationPath = (c: { id: string }) => `/consultations/${c.id}`;

function PhaseTag({ phase }: { phase: ConsultationPhase }) {
  const { t } = useView();
  const colour = phase === 'live' ? 'green' : phase === 'upcoming' ? 'blue' : 'grey';
  return <Tag colour={colour}>{t(`consult.phase.${phase}`)}</Tag>;
}

/** «12 декабря 2026 г., 11:00–12:00» */
export function windowText(c: { startsAt: Date; endsAt: Date }, locale: 'ru' | 'en') {
  return `${formatDate(c.startsAt, locale)}, ${regionTime(c.startsAt)}–${regionTime(c.endsAt)}`;
}

function ConsultationTable({
  items,
  orgs,
  now,
  caption,
}: {
  items: (ConsultationRow & { questions?: number })[];
  orgs: Map<string, OrgRow>;
  now: Date;
  caption: string;
}) {
  const { t, locale } = useView();
  return (
    <Table
      caption={caption}
      head={[
        { text: t('consult.list.topic') },
        { text: t('consult.list.when') },
        { text: t('consult.list.official') },
        { text: t('consult.list.status') },
      ]}
      rows={items.map((c) => [
        <span key="t">
          <a class="govuk-link" href={consultationPath(c)}>
            {c.topic}
          </a>
          {orgs.get(c.orgId) && (
            <span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
              {orgName(orgs.get(c.orgId) as OrgRow, locale)}
            </span>
          )}
        </span>,
        windowText(c, locale),
        `${c.officialName}, ${c.officialPosition}`,
        <PhaseTag key="p" phase={phaseOf(c, now)} />,
      ])}
    />
  );
}

/** /consultations and /orgs/<slug>/consultations: for your groups first, then live, upcoming, past. */
export function ConsultationsListView({
  items,
  forYou,
  orgs,
  now,
  org,
}: {
  items: ConsultationListItem[];
  forYou: ConsultationRow[];
  orgs: Map<string, OrgRow>;
  now: Date;
  org: OrgRow | null;
}) {
  const { t, locale } = useView();
  const ahead = items.filter((c) => phaseOf(c, now) !== 'past').sort((a, b) => +a.startsAt - +b.startsAt);
  const past = items.filter((c) => phaseOf(c, now) === 'past');
  return (
    <>
      {org && <span class="govuk-caption-l">{orgName(org, locale)}</span>}
      <h1 class="govuk-heading-xl">{t('consult.list.title')}</h1>
      <p class="govuk-body-l">{t('consult.list.lead')}</p>
      {forYou.length > 0 && (
        <div class="govuk-inset-text">
          <h2 class="govuk-heading-m">{t('consult.list.forYou')}</h2>
          <ul class="govuk-list">
            {forYou.map((c) => (
              <li key={c.id}>
                <a class="govuk-link" href={consultationPath(c)}>
                  {c.topic}
                </a>{' '}
                — {windowText(c, locale)}
                {orgs.get(c.orgId) && `, ${orgName(orgs.get(c.orgId) as OrgRow, locale)}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {ahead.length > 0 ? (
        <ConsultationTable items={ahead} orgs={orgs} now={now} caption={t('consult.list.ahead')} />
      ) : (
        <p class="govuk-body">{t('consult.list.noneAhead')}</p>
      )}
      {past.length > 0 && (
        <ConsultationTable items={past} orgs={orgs} now={now} caption={t('consult.list.past')} />
      )}
      {org && (
        <p class="govuk-body">
          <a class="govuk-link" href={`/orgs/${org.slug}/chat`}>
            {t('chat.link')}
          </a>
        </p>
      )}
    </>
  );
}

function QuestionItem({ q, n, staffLink }: { q: QuestionRow; n: number; staffLink?: string | undefined }) {
  const { t, locale } = useView();
  return (
    <div class="govuk-!-margin-bottom-6" id={`q-${q.id}`}>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
        {t('consult.question.n', { n })}{' '}
        <span class="govuk-body-s govuk-!-font-weight-regular">{formatDateTime(q.createdAt, locale)}</span>
      </h3>
      {q.hiddenReason ? (
        <InsetText>{t('consult.question.hidden', { reason: q.hiddenReason })}</InsetText>
      ) : (
        <>
          <Paragraphs text={q.body} />
          {q.answer ? (
            <div class="govuk-inset-text">
              <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                {t('consult.answer.label')}
              </p>
              <Paragraphs text={q.answer} />
            </div>
          ) : (
            <p class="govuk-body govuk-hint">{t('consult.answer.none')}</p>
          )}
        </>
      )}
      {staffLink && (
        <p class="govuk-body">
          <a class="govuk-link" href={staffLink}>
            {t(q.answer ? 'consult.manage.editAnswer' : 'consult.manage.answer')}
            <span class="govuk-visually-hidden"> {t('consult.question.n', { n })}</span>
          </a>
        </p>
      )}
    </div>
  );
}

/** /consultations/<id>: the consultation, the form to ask, the transcript. */
export function ConsultationView({
  c,
  org,
  questions,
  now,
  values,
  errors,
  staff,
}: {
  c: ConsultationRow;
  org: OrgRow | undefined;
  questions: QuestionRow[];
  now: Date;
  values: Values;
  errors: FieldError[];
  staff?: boolean;
}) {
  const { t, locale, actor, url } = useView();
  const phase = phaseOf(c, now);
  const answered = questions.filter((q) => q.answer && !q.hiddenReason).length;
  return (
    <>
      <ErrorSummary errors={errors} />
      {org && <span class="govuk-caption-l">{orgName(org, locale)}</span>}
      <h1 class="govuk-heading-xl">{c.topic}</h1>
      <p class="govuk-body">
        <PhaseTag phase={phase} />
      </p>
      <FollowLinks kind="consultation" id={c.id} />
      <SummaryList
        rows={[
          { key: t('consult.list.official'), value: `${c.officialName}, ${c.officialPosition}` },
          { key: t('consult.list.when'), value: windowText(c, locale) },
          {
            key: t('consult.view.questions'),
            value: t('consult.view.counts', { asked: questions.length, answered }),
          },
        ]}
      />
      {c.description && <Paragraphs text={c.description} />}
      {phase !== 'past' &&
        (isSignedIn(actor) ? (
          <Form action={`/consultations/${c.id}/questions`}>
            <Textarea
              name="body"
              label={t('consult.question.label')}
              hint={t(phase === 'live' ? 'consult.question.hintLive' : 'consult.question.hintAhead')}
              value={values.body}
              errors={errors}
              rows={5}
            />
            <Button>{t('consult.question.send')}</Button>
          </Form>
        ) : (
          <p class="govuk-body">
            <a class="govuk-link" href={`/sign-in?next=${encodeURIComponent(url)}`}>
              {t('consult.question.signIn')}
            </a>
          </p>
        ))}
      {phase === 'past' && <InsetText>{t('consult.view.over')}</InsetText>}
      <h2 class="govuk-heading-l">{t('consult.view.transcript')}</h2>
      {questions.length === 0 ? (
        <p class="govuk-body">{t('consult.view.noQuestions')}</p>
      ) : (
        questions.map((q, i) => (
          <QuestionItem
            key={q.id}
            q={q}
            n={i + 1}
            staffLink={staff ? `/manage/consultations/${c.id}/questions/${q.id}` : undefined}
          />
        ))
      )}
    </>
  );
}

/** /manage/consultations: the consultations of the bodies this person runs, with unanswered counts. */
export function ManageConsultationsView({
  items,
  orgs,
  now,
}: {
  items: ConsultationListItem[];
  orgs: Map<string, OrgRow>;
  now: Date;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('consult.manage.title')}</h1>
      <p class="govuk-body">{t('consult.manage.lead')}</p>
      <Button href="/manage/consultations/new">{t('consult.manage.new')}</Button>
      {items.length === 0 ? (
        <p class="govuk-body">{t('consult.manage.none')}</p>
      ) : (
        <Table
          caption={t('consult.manage.title')}
          captionSize="s"
          head={[
            { text: t('consult.list.topic') },
            { text: t('consult.list.when') },
            { text: t('consult.list.status') },
            { text: t('consult.manage.unanswered'), numeric: true },
          ]}
          rows={items.map((c) => [
            <span key="t">
              <a class="govuk-link" href={`/manage/consultations/${c.id}`}>
                {c.topic}
              </a>
              <span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                {orgs.get(c.orgId) ? orgName(orgs.get(c.orgId) as OrgRow, locale) : ''}
              </span>
            </span>,
            windowText(c, locale),
            <PhaseTag key="p" phase={phaseOf(c, now)} />,
            { content: String(c.unanswered), numeric: true },
          ])}
        />
      )}
    </>
  );
}

/** /manage/consultations/new */
export function ConsultationFormView({
  orgs,
  officials,
  values,
  errors,
}: {
  orgs: OrgRow[];
  officials: OfficialRow[];
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('consult.manage.new')}</h1>
      <Form action="/manage/consultations/new">
        <Select
          name="orgId"
          label={t('consult.form.org')}
          value={values.orgId}
          errors={errors}
          items={[{ value: '', text: '' }, ...orgs.map((o) => ({ value: o.id, text: orgName(o, locale) }))]}
        />
        <TextInput name="topic" label={t('consult.form.topic')} value={values.topic} errors={errors} />
        <Textarea
          name="description"
          label={t('consult.form.description')}
          value={values.description}
          errors={errors}
          rows={4}
        />
        <Select
          name="officialId"
          label={t('consult.form.official')}
          hint={t('consult.form.officialHint')}
          value={values.officialId}
          errors={errors}
          items={[
            { value: '', text: t('consult.form.officialOther') },
            ...officials.map((o) => ({
              value: o.id,
              text: `${o.fullName}, ${o.position} (${byId.get(o.orgId) ? orgName(byId.get(o.orgId) as OrgRow, locale) : ''})`,
            })),
          ]}
        />
        <TextInput
          name="officialName"
          label={t('consult.form.officialName')}
          value={values.officialName}
          errors={errors}
        />
        <TextInput
          name="officialPosition"
          label={t('consult.form.officialPosition')}
          value={values.officialPosition}
          errors={errors}
        />
        <TextInput
          name="date"
          label={t('consult.form.date')}
          hint={t('consult.form.dateHint')}
          value={values.date}
          errors={errors}
          width="10"
        />
        <TextInput
          name="from"
          label={t('consult.form.from')}
          hint={t('consult.form.timeHint')}
          value={values.from}
          errors={errors}
          width="5"
        />
        <TextInput
          name="to"
          label={t('consult.form.to')}
          hint={t('consult.form.timeHint')}
          value={values.to}
          errors={errors}
          width="5"
        />
        <Button>{t('consult.form.save')}</Button>
      </Form>
    </>
  );
}

/** /manage/consultations/<id>/questions/<qid>: answer a question, or hide it with a reason. */
export function AnswerFormView({
  c,
  q,
  values,
  errors,
}: {
  c: ConsultationRow;
  q: QuestionRow;
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{c.topic}</span>
      <h1 class="govuk-heading-xl">{t('consult.manage.answerTitle')}</h1>
      <p class="govuk-body-s">{formatDateTime(q.createdAt, locale)}</p>
      <div class="govuk-inset-text">
        <Paragraphs text={q.body} />
      </div>
      {q.hiddenReason && <InsetText>{t('consult.question.hidden', { reason: q.hiddenReason })}</InsetText>}
      <Form action={`/manage/consultations/${c.id}/questions/${q.id}`}>
        <Textarea
          name="answer"
          label={t('consult.answer.label')}
          value={values.answer ?? q.answer ?? ''}
          errors={errors}
          rows={8}
        />
        <Button>{t('consult.manage.publishAnswer')}</Button>
      </Form>
      {!q.hiddenReason && (
        <Form action={`/manage/consultations/${c.id}/questions/${q.id}/hide`}>
          <TextInput
            name="reason"
            label={t('consult.hide.label')}
            hint={t('consult.hide.hint')}
            value={values.reason}
            errors={errors}
          />
          <Button variant="warning">{t('consult.hide.button')}</Button>
        </Form>
      )}
    </>
  );
}
