import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime, formatLocalDate } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import {
  Button,
  ErrorSummary,
  Form,
  InsetText,
  SummaryList,
  Table,
  Tag,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { Radios, Select, Textarea, TextInput } from '../../../platform/ui/fields.tsx';
import type { OrgRow } from '../../orgs/index.ts';
import {
  AGENDA_ROWS,
  CRITERIA_ROWS,
  conclusionKinds,
  councilKinds,
  DECISION_ROWS,
  linkKinds,
  memberPositions,
  subjectKinds,
  votes,
} from '../councils.model.ts';
import type {
  CallRow,
  ConclusionRow,
  CouncilRow,
  MeetingRow,
  MemberRow as Member,
  MemberRow,
  OpinionRequestRow,
  PoolMemberRow,
  RegistrationRow,
} from '../councils.repository.ts';
import type { StaffCallPage } from '../get-call-page.ts';
import type { MeetingPage } from '../get-meeting-page.ts';
import { callHref, conclusionHref, councilHref, councilName, meetingHref } from './common.tsx';
import { DecisionsList } from './public-views.tsx';

type FormProps = { values: Record<string, string>; errors: FieldError[] };

const manageHref = (id: string) => `/manage/councils/${id}`;

/** `/manage/councils`: the bodies the person keeps. */
export function ManageListView({ councils, canCreate }: { councils: CouncilRow[]; canCreate: boolean }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('councils.manage.title')}</h1>
      {canCreate && <Button href="/manage/councils/new">{t('councils.manage.new')}</Button>}
      {councils.length === 0 ? (
        <p class="govuk-body">{t('councils.none')}</p>
      ) : (
        <Table
          caption={t('councils.manage.title')}
          captionSize="s"
          head={[{ text: t('councils.manage.nameRu') }, { text: t('councils.manage.kind') }]}
          rows={councils.map((c) => [
            <a class="govuk-link" href={manageHref(c.id)} key={c.id}>
              {councilName(c, locale)}
            </a>,
            t(`councils.kind.${c.kind}`),
          ])}
        />
      )}
    </>
  );
}

export const COUNCIL_FIELDS = [
  'kind',
  'nameRu',
  'nameEn',
  'descriptionRu',
  'regulationTitle',
  'regulationUrl',
  'participationRu',
] as const;

function CouncilFields({ values, errors }: FormProps) {
  const { t } = useView();
  return (
    <>
      <Select
        name="kind"
        label={t('councils.manage.kind')}
        value={values.kind}
        errors={errors}
        items={councilKinds.map((k) => ({ value: k, text: t(`councils.kind.${k}`) }))}
      />
      <TextInput name="nameRu" label={t('councils.manage.nameRu')} value={values.nameRu} errors={errors} />
      <TextInput name="nameEn" label={t('councils.manage.nameEn')} value={values.nameEn} errors={errors} />
      <Textarea
        name="descriptionRu"
        label={t('councils.manage.description')}
        value={values.descriptionRu}
        errors={errors}
      />
      <TextInput
        name="regulationTitle"
        label={t('councils.manage.regulationTitle')}
        value={values.regulationTitle}
        errors={errors}
      />
      <TextInput
        name="regulationUrl"
        label={t('councils.manage.regulationUrl')}
        hint={t('councils.manage.regulationUrlHint')}
        value={values.regulationUrl}
        errors={errors}
      />
      <Textarea
        name="participationRu"
        label={t('councils.manage.participation')}
        value={values.participationRu}
        errors={errors}
      />
    </>
  );
}

/** `/manage/councils/new` */
export function NewCouncilView({ orgs, values, errors }: FormProps & { orgs: OrgRow[] }) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('councils.manage.new')}</h1>
      <Form action="/manage/councils/new">
        <Select
          name="orgSlug"
          label={t('councils.manage.org')}
          value={values.orgSlug}
          errors={errors}
          items={orgs.map((o) => ({ value: o.slug, text: o.nameRu }))}
        />
        <CouncilFields values={values} errors={errors} />
        <Button>{t('councils.manage.save')}</Button>
      </Form>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-title`} class="govuk-!-margin-top-8">
      <h2 class="govuk-heading-l" id={`${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** `/manage/councils/<id>`: details, members, calls, meetings, conclusions, pool requests, self-assessment. */
export function ManageCouncilView({
  council,
  members,
  calls,
  meetings,
  conclusions,
  opinions,
  values,
  errors,
}: FormProps & {
  council: CouncilRow;
  members: MemberRow[];
  calls: CallRow[];
  meetings: MeetingRow[];
  conclusions: ConclusionRow[];
  opinions: (OpinionRequestRow & { expertName: string })[];
}) {
  const { t, locale } = useView();
  const base = manageHref(council.id);
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{t(`councils.kind.${council.kind}`)}</span>
      <h1 class="govuk-heading-xl">{councilName(council, locale)}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={councilHref(council.id)}>
          {t('councils.manage.publicPage')}
        </a>
      </p>
      <Form action={base}>
        <CouncilFields values={values} errors={errors} />
        <Button>{t('councils.manage.save')}</Button>
      </Form>

      <Section id="members" title={t('councils.manage.members')}>
        <Button href={`${base}/members/new`} variant="secondary">
          {t('councils.manage.addMember')}
        </Button>
        <Table
          caption={t('councils.manage.members')}
          captionSize="s"
          head={[
            { text: t('councils.members.name') },
            { text: t('councils.members.position') },
            { text: t('councils.members.term') },
            { text: '' },
          ]}
          rows={members.map((m) => [
            m.fullName,
            t(`councils.position.${m.position}`),
            `${formatLocalDate(m.termStart)} — ${m.termEnd ? formatLocalDate(m.termEnd) : '…'}${
              m.endedOn
                ? `; ${t('councils.members.ended', { date: formatLocalDate(m.endedOn), reason: m.endReason ?? '' })}`
                : ''
            }`,
            m.endedOn ? (
              ''
            ) : (
              <a class="govuk-link" href={`${base}/members/${m.id}/end`} key={m.id}>
                {t('councils.manage.endMember')}
                <span class="govuk-visually-hidden">: {m.fullName}</span>
              </a>
            ),
          ])}
        />
      </Section>

      <Section id="calls" title={t('councils.manage.calls')}>
        <Button href={`${base}/calls/new`} variant="secondary">
          {t('councils.manage.newCall')}
        </Button>
        <ul class="govuk-list">
          {calls.map((c) => (
            <li key={c.id}>
              <a class="govuk-link" href={`/manage/councils/calls/${c.id}`}>
                {c.titleRu}
              </a>{' '}
              <Tag colour={c.status === 'open' ? 'blue' : 'grey'}>
                {t(`councils.call.status.${c.status}`)}
              </Tag>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="meetings" title={t('councils.manage.meetings')}>
        <Button href={`${base}/meetings/new`} variant="secondary">
          {t('councils.manage.newMeeting')}
        </Button>
        <ul class="govuk-list">
          {meetings.map((m) => (
            <li key={m.id}>
              <a class="govuk-link" href={`/manage/councils/meetings/${m.id}`}>
                {t('councils.meeting.title', { date: formatDateTime(m.startsAt, locale) })}
              </a>
              {m.protocolPublishedAt && <span class="govuk-body-s"> — {t('councils.meeting.protocol')}</span>}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="conclusions" title={t('councils.manage.conclusions')}>
        <Button href={`${base}/conclusions/new`} variant="secondary">
          {t('councils.manage.newConclusion')}
        </Button>
        <ul class="govuk-list">
          {conclusions.map((c) => (
            <li key={c.id}>
              <a class="govuk-link" href={conclusionHref(c.id)}>
                {t(`councils.conclusion.kind.${c.kind}`)}: {c.subjectTitle}
              </a>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="pool" title={t('councils.manage.pool')}>
        <Button href={`${base}/opinions/new`} variant="secondary">
          {t('councils.manage.askOpinion')}
        </Button>
        <ul class="govuk-list govuk-list--spaced">
          {opinions.map((o) => (
            <li key={o.id}>
              <strong>{o.expertName}</strong>: {o.question}{' '}
              {o.answeredAt ? (
                <Tag colour="green">{t('councils.cabinet.answered')}</Tag>
              ) : (
                <Tag colour="yellow">…</Tag>
              )}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="assessment" title={t('councils.manage.selfAssessment')}>
        <p class="govuk-body">
          <a class="govuk-link" href={`${base}/assessment`}>
            {t('councils.assessment.self')}
          </a>
        </p>
      </Section>
    </>
  );
}

export const MEMBER_FIELDS = ['fullName', 'position', 'affiliation', 'email', 'termStart', 'termEnd'];

export function MemberFormView({ council, values, errors }: FormProps & { council: CouncilRow }) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{councilName(council, locale)}</span>
      <h1 class="govuk-heading-xl">{t('councils.manage.addMember')}</h1>
      <Form action={`${manageHref(council.id)}/members/new`}>
        <TextInput
          name="fullName"
          label={t('councils.members.name')}
          value={values.fullName}
          errors={errors}
        />
        <Radios
          name="position"
          legend={t('councils.members.position')}
          legendSize="s"
          value={values.position}
          errors={errors}
          items={memberPositions.map((p) => ({ value: p, text: t(`councils.position.${p}`) }))}
        />
        <TextInput
          name="affiliation"
          label={t('councils.members.affiliation')}
          value={values.affiliation}
          errors={errors}
        />
        <TextInput
          name="email"
          type="email"
          label={t('councils.manage.email')}
          hint={t('councils.manage.emailHint')}
          value={values.email}
          errors={errors}
          spellcheck={false}
        />
        <TextInput
          name="termStart"
          label={t('councils.manage.termStart')}
          hint={t('councils.manage.dateHint')}
          value={values.termStart}
          errors={errors}
          width="10"
        />
        <TextInput
          name="termEnd"
          label={t('councils.manage.termEnd')}
          hint={t('councils.manage.dateHint')}
          value={values.termEnd}
          errors={errors}
          width="10"
        />
        <Button>{t('councils.manage.save')}</Button>
      </Form>
    </>
  );
}

export function EndMemberView({
  council,
  member,
  values,
  errors,
}: FormProps & { council: CouncilRow; member: Member }) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{councilName(council, locale)}</span>
      <h1 class="govuk-heading-xl">
        {t('councils.manage.endMember')}: {member.fullName}
      </h1>
      <Form action={`${manageHref(council.id)}/members/${member.id}/end`}>
        <TextInput
          name="endedOn"
          label={t('councils.manage.endedOn')}
          hint={t('councils.manage.dateHint')}
          value={values.endedOn}
          errors={errors}
          width="10"
        />
        <Textarea
          name="endReason"
          label={t('councils.manage.endReason')}
          value={values.endReason}
          errors={errors}
        />
        <Button variant="warning">{t('councils.manage.endMember')}</Button>
      </Form>
    </>
  );
}

export function CallFormView({ council, values, errors }: FormProps & { council: CouncilRow }) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{councilName(council, locale)}</span>
      <h1 class="govuk-heading-xl">{t('councils.manage.newCall')}</h1>
      <Form action={`${manageHref(council.id)}/calls/new`}>
        <TextInput
          name="titleRu"
          label={t('councils.manage.callTitle')}
          value={values.titleRu}
          errors={errors}
        />
        <Textarea
          name="descriptionRu"
          label={t('councils.manage.callDescription')}
          value={values.descriptionRu}
          errors={errors}
        />
        <TextInput
          name="opensOn"
          label={t('councils.manage.opensOn')}
          hint={t('councils.manage.dateHint')}
          value={values.opensOn}
          errors={errors}
          width="10"
        />
        <TextInput
          name="closesOn"
          label={t('councils.manage.closesOn')}
          hint={t('councils.manage.dateHint')}
          value={values.closesOn}
          errors={errors}
          width="10"
        />
        <TextInput
          name="places"
          label={t('councils.manage.places')}
          value={values.places}
          errors={errors}
          width="3"
          inputmode="numeric"
        />
        <TextInput
          name="scaleMax"
          label={t('councils.manage.scaleMax')}
          value={values.scaleMax ?? '10'}
          errors={errors}
          width="3"
          inputmode="numeric"
        />
        <Textarea
          name="referenceGroups"
          label={t('councils.manage.referenceGroups')}
          hint={t('councils.manage.linesHint')}
          value={values.referenceGroups}
          errors={errors}
        />
        <Textarea
          name="documentsRequired"
          label={t('councils.manage.documentsRequired')}
          hint={t('councils.manage.linesHint')}
          value={values.documentsRequired}
          errors={errors}
        />
        {Array.from({ length: CRITERIA_ROWS }, (_, i) => i + 1).map((n) => (
          <fieldset class="govuk-fieldset" key={n}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              {t('councils.manage.criterionN', { n: String(n) })}
            </legend>
            <TextInput
              name={`criterion${n}Name`}
              label={t('councils.manage.criterionName')}
              value={values[`criterion${n}Name`]}
              errors={errors}
            />
            <TextInput
              name={`criterion${n}Weight`}
              label={t('councils.manage.criterionWeight')}
              value={values[`criterion${n}Weight`]}
              errors={errors}
              width="3"
              inputmode="numeric"
            />
          </fieldset>
        ))}
        <Button>{t('councils.manage.newCall')}</Button>
      </Form>
    </>
  );
}

/** `/manage/councils/calls/<id>`: check applications, watch the scoring, publish the reconciled list. */
export function StaffCallView({ page, values, errors }: FormProps & { page: StaffCallPage }) {
  const { t, locale } = useView();
  const { call, criteria } = page;
  const base = `/manage/councils/calls/${call.id}`;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{councilName(page.council, locale)}</span>
      <h1 class="govuk-heading-xl">{call.titleRu}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={callHref(call.id)}>
          {t('councils.manage.publicPage')}
        </a>{' '}
        <Tag colour={call.status === 'open' ? 'blue' : 'grey'}>
          {t(`councils.call.status.${call.status}`)}
        </Tag>
      </p>
      <h2 class="govuk-heading-l">{t('councils.manage.applications')}</h2>
      {page.applications.length === 0 && <p class="govuk-body">{t('councils.manage.applicationsNone')}</p>}
      {page.applications.map((a) => {
        const pending = page.pending.get(a.id);
        return (
          <div class="govuk-!-margin-bottom-6" key={a.id} id={`application-${a.id}`}>
            <h3 class="govuk-heading-m">
              {a.fullName} <Tag>{t(`councils.application.status.${a.status}`)}</Tag>
            </h3>
            <SummaryList
              rows={[
                { key: t('councils.apply.expertise'), value: a.expertise },
                { key: t('councils.apply.referenceGroup'), value: a.referenceGroup ?? '—' },
                { key: t('councils.apply.motivation'), value: a.motivation },
                { key: t('councils.apply.documents'), value: a.documents.join('; ') || '—' },
                { key: t('councils.apply.poolConsent'), value: a.poolConsent ? '✓' : '—' },
                ...(a.checkNote ? [{ key: t('councils.manage.checkNote'), value: a.checkNote }] : []),
              ]}
            />
            {pending && (
              <p class="govuk-body">
                {pending.length
                  ? t('councils.manage.pending', { names: pending.join(', ') })
                  : t('councils.manage.allScored')}
              </p>
            )}
            {call.status === 'open' && a.status === 'submitted' && (
              <Form action={`${base}/applications/${a.id}/check`}>
                <Radios
                  name="outcome"
                  id={`outcome-${a.id}`}
                  legend={t('councils.manage.check')}
                  legendSize="s"
                  items={[
                    { value: 'complete', text: t('councils.manage.outcome.complete') },
                    { value: 'incomplete', text: t('councils.manage.outcome.incomplete') },
                  ]}
                />
                <TextInput name="checkNote" id={`checkNote-${a.id}`} label={t('councils.manage.checkNote')} />
                <Button variant="secondary">{t('councils.manage.check')}</Button>
              </Form>
            )}
          </div>
        );
      })}
      <h2 class="govuk-heading-l">{t('councils.manage.ranking')}</h2>
      {page.ranking ? (
        <Table
          caption={t('councils.manage.ranking')}
          captionSize="s"
          head={[
            { text: t('councils.call.rank'), numeric: true },
            { text: t('councils.call.candidate') },
            ...criteria.map((c) => ({ text: `${c.nameRu} (×${c.weight})`, numeric: true })),
            { text: t('councils.call.total'), numeric: true },
          ]}
          rows={page.ranking.map((r) => [
            { content: String(r.rank), numeric: true },
            r.application.fullName,
            ...criteria.map((c) => ({ content: (r.means.get(c.id) ?? 0).toFixed(2), numeric: true })),
            { content: r.total.toFixed(2), numeric: true },
          ])}
        />
      ) : (
        <p class="govuk-body">{t('councils.manage.rankingPending')}</p>
      )}
      {call.status === 'open' ? (
        <Form action={`${base}/publish`}>
          <Textarea
            name="decisionRu"
            label={t('councils.manage.decision')}
            value={values.decisionRu}
            errors={errors}
          />
          <Button>{t('councils.manage.publish')}</Button>
        </Form>
      ) : (
        <InsetText>{call.decisionRu}</InsetText>
      )}
    </>
  );
}

export function MeetingFormView({ council, values, errors }: FormProps & { council: CouncilRow }) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{councilName(council, locale)}</span>
      <h1 class="govuk-heading-xl">{t('councils.manage.newMeeting')}</h1>
      <Form action={`${manageHref(council.id)}/meetings/new`}>
        <TextInput
          name="date"
          label={t('councils.manage.meetingDate')}
          hint={t('councils.manage.dateHint')}
          value={values.date}
          errors={errors}
          width="10"
        />
        <TextInput
          name="time"
          label={t('councils.manage.meetingTime')}
          hint={t('councils.manage.meetingTimeHint')}
          value={values.time}
          errors={errors}
          width="5"
        />
        <TextInput name="place" label={t('councils.manage.place')} value={values.place} errors={errors} />
        <TextInput
          name="capacity"
          label={t('councils.manage.capacity')}
          hint={t('councils.manage.capacityHint')}
          value={values.capacity}
          errors={errors}
          width="4"
          inputmode="numeric"
        />
        <TextInput
          name="videoUrl"
          label={t('councils.manage.videoUrl')}
          value={values.videoUrl}
          errors={errors}
        />
        {Array.from({ length: AGENDA_ROWS }, (_, i) => i + 1).map((n) => (
          <fieldset class="govuk-fieldset" key={n}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              {t('councils.manage.agendaN', { n: String(n) })}
            </legend>
            <TextInput
              name={`agenda${n}Title`}
              label={t('councils.manage.agendaTitle')}
              value={values[`agenda${n}Title`]}
              errors={errors}
            />
            <Select
              name={`agenda${n}LinkKind`}
              label={t('councils.manage.linkKind')}
              value={values[`agenda${n}LinkKind`]}
              items={linkKinds.map((k) => ({ value: k, text: t(`councils.link.${k}`) }))}
            />
            <TextInput
              name={`agenda${n}LinkUrl`}
              label={t('councils.manage.linkUrl')}
              value={values[`agenda${n}LinkUrl`]}
              errors={errors}
            />
            <TextInput
              name={`agenda${n}LinkTitle`}
              label={t('councils.manage.linkTitle')}
              value={values[`agenda${n}LinkTitle`]}
              errors={errors}
            />
          </fieldset>
        ))}
        <Button>{t('councils.manage.newMeeting')}</Button>
      </Form>
    </>
  );
}

/** `/manage/councils/meetings/<id>`: who registered, the protocol with votes, reports on decisions. */
export function StaffMeetingView({
  page,
  values,
  errors,
}: FormProps & { page: MeetingPage & { registrations: RegistrationRow[]; members: Member[] } }) {
  const { t, locale } = useView();
  const { meeting } = page;
  const base = `/manage/councils/meetings/${meeting.id}`;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{councilName(page.council, locale)}</span>
      <h1 class="govuk-heading-xl">
        {t('councils.meeting.title', { date: formatDateTime(meeting.startsAt, locale) })}
      </h1>
      <p class="govuk-body">
        <a class="govuk-link" href={meetingHref(meeting.id)}>
          {t('councils.manage.publicPage')}
        </a>
      </p>
      <h2 class="govuk-heading-l">{t('councils.manage.registrations')}</h2>
      {page.registrations.length === 0 ? (
        <p class="govuk-body">{t('councils.manage.registrationsNone')}</p>
      ) : (
        <Table
          caption={t('councils.manage.registrations')}
          captionSize="s"
          head={[
            { text: t('councils.meeting.kind') },
            { text: '' },
            { text: t('councils.conclusion.published') },
          ]}
          rows={page.registrations.map((r) => [
            t(`councils.meeting.kind.${r.kind}`),
            r.status === 'cancelled' ? '—' : t(`councils.cabinet.status.${r.status}`),
            formatDate(r.createdAt, locale),
          ])}
        />
      )}
      <h2 class="govuk-heading-l">{t('councils.manage.protocol')}</h2>
      {meeting.protocolPublishedAt ? (
        <>
          <p class="govuk-body">{t('councils.manage.published')}</p>
          {page.decisions.map((d) => (
            <div key={d.id} class="govuk-!-margin-bottom-6">
              <DecisionsList decisions={[d]} />
              {d.status === 'open' && (
                <Form action={`/manage/councils/decisions/${d.id}/report`}>
                  <Textarea
                    name="reportRu"
                    id={`reportRu-${d.id}`}
                    label={t('councils.manage.report')}
                    errors={errors}
                  />
                  <Button variant="secondary">{t('councils.manage.reportDecision')}</Button>
                </Form>
              )}
            </div>
          ))}
        </>
      ) : !page.past ? (
        <p class="govuk-body">{t('councils.manage.protocolAfter')}</p>
      ) : (
        <Form action={`${base}/protocol`}>
          <Textarea
            name="protocolRu"
            label={t('councils.manage.protocolText')}
            value={values.protocolRu}
            errors={errors}
            rows={8}
          />
          <TextInput
            name="recordingUrl"
            label={t('councils.manage.recordingUrl')}
            value={values.recordingUrl}
            errors={errors}
          />
          {Array.from({ length: DECISION_ROWS }, (_, i) => i + 1).map((n) => (
            <fieldset class="govuk-fieldset" key={n}>
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                {t('councils.manage.decisionN', { n: String(n) })}
              </legend>
              <Textarea
                name={`decision${n}Text`}
                label={t('councils.manage.decisionText')}
                value={values[`decision${n}Text`]}
                errors={errors}
              />
              {page.members.map((m) => (
                <Radios
                  key={m.id}
                  name={`decision${n}Vote-${m.id}`}
                  legend={m.fullName}
                  legendSize="s"
                  inline
                  small
                  value={values[`decision${n}Vote-${m.id}`] ?? 'for'}
                  items={votes.map((v) => ({ value: v, text: t(`councils.vote.${v}`) }))}
                />
              ))}
            </fieldset>
          ))}
          <Button>{t('councils.manage.publishProtocol')}</Button>
        </Form>
      )}
    </>
  );
}

export function ConclusionFormView({ council, values, errors }: FormProps & { council: CouncilRow }) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{councilName(council, locale)}</span>
      <h1 class="govuk-heading-xl">{t('councils.manage.newConclusion')}</h1>
      <Form action={`${manageHref(council.id)}/conclusions/new`}>
        <Radios
          name="kind"
          legend={t('councils.manage.conclusionKind')}
          legendSize="s"
          value={values.kind}
          errors={errors}
          items={conclusionKinds.map((k) => ({ value: k, text: t(`councils.conclusion.kind.${k}`) }))}
        />
        <Radios
          name="subjectKind"
          legend={t('councils.manage.subjectKind')}
          legendSize="s"
          value={values.subjectKind}
          errors={errors}
          items={subjectKinds.map((k) => ({ value: k, text: t(`councils.subject.${k}`) }))}
        />
        <TextInput
          name="subjectTitle"
          label={t('councils.manage.subjectTitle')}
          value={values.subjectTitle}
          errors={errors}
        />
        <TextInput
          name="subjectUrl"
          label={t('councils.manage.subjectUrl')}
          hint={t('councils.manage.regulationUrlHint')}
          value={values.subjectUrl}
          errors={errors}
        />
        <TextInput
          name="year"
          label={t('councils.conclusion.year')}
          value={values.year}
          errors={errors}
          width="4"
          inputmode="numeric"
        />
        <Textarea
          name="textRu"
          label={t('councils.manage.conclusionText')}
          value={values.textRu}
          errors={errors}
          rows={10}
        />
        <Button>{t('councils.manage.publishConclusion')}</Button>
      </Form>
    </>
  );
}

export function OpinionRequestFormView({
  council,
  pool,
  values,
  errors,
}: FormProps & { council: CouncilRow; pool: PoolMemberRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{councilName(council, locale)}</span>
      <h1 class="govuk-heading-xl">{t('councils.manage.askOpinion')}</h1>
      {pool.length === 0 ? (
        <p class="govuk-body">{t('councils.pool.none')}</p>
      ) : (
        <Form action={`${manageHref(council.id)}/opinions/new`}>
          <Select
            name="poolMemberId"
            label={t('councils.manage.poolMember')}
            value={values.poolMemberId}
            errors={errors}
            items={pool.map((p) => ({ value: p.id, text: `${p.fullName} — ${p.expertise}` }))}
          />
          <Textarea
            name="question"
            label={t('councils.manage.question')}
            value={values.question}
            errors={errors}
          />
          <Button>{t('councils.manage.ask')}</Button>
        </Form>
      )}
    </>
  );
}
