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
import { Checkboxes, Radios, Select, Textarea, TextInput } from '../../../platform/ui/fields.tsx';
import { assessmentQuestions, councilKinds } from '../councils.model.ts';
import type {
  ConclusionRow,
  CouncilRow,
  DecisionRow,
  MemberRow,
  PoolMemberRow,
} from '../councils.repository.ts';
import type { CallPage } from '../get-call-page.ts';
import type { AssessmentSummary, CouncilPage } from '../get-council-page.ts';
import type { MeetingPage } from '../get-meeting-page.ts';
import {
  callHref,
  conclusionHref,
  councilHref,
  councilName,
  KindCaption,
  Link,
  meetingHref,
  Paragraphs,
} from './common.tsx';

/** `/councils`: every body, grouped by kind. */
export function CouncilsListView({
  councils,
  orgNames,
}: {
  councils: CouncilRow[];
  orgNames: Map<string, string>;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('councils.title')}</h1>
      <p class="govuk-body-l">{t('councils.lead')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="/councils/pool">
          {t('councils.pool.title')}
        </a>
      </p>
      {councils.length === 0 && <p class="govuk-body">{t('councils.none')}</p>}
      {councilKinds.map((k) => {
        const of = councils.filter((c) => c.kind === k);
        if (of.length === 0) return null;
        return (
          <section key={k} aria-labelledby={`kind-${k}`}>
            <h2 class="govuk-heading-m" id={`kind-${k}`}>
              {t(`councils.kind.${k}`)}
            </h2>
            <ul class="govuk-list">
              {of.map((c) => (
                <li key={c.id}>
                  <a class="govuk-link" href={councilHref(c.id)}>
                    {councilName(c, locale)}
                  </a>
                  <span class="govuk-body-s"> — {orgNames.get(c.orgId) ?? ''}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function term(m: MemberRow, t: (k: string, p?: Record<string, string>) => string): string {
  return [
    t('councils.members.termFrom', { from: formatLocalDate(m.termStart) }),
    m.termEnd ? t('councils.members.termTo', { to: formatLocalDate(m.termEnd) }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function MembersTable({ members, caption, past }: { members: MemberRow[]; caption: string; past?: boolean }) {
  const { t } = useView();
  return (
    <Table
      caption={caption}
      head={[
        { text: t('councils.members.name') },
        { text: t('councils.members.position') },
        { text: t('councils.members.affiliation') },
        { text: t('councils.members.term') },
      ]}
      rows={members.map((m) => [
        m.fullName,
        t(`councils.position.${m.position}`),
        m.affiliation ?? '',
        past && m.endedOn
          ? `${term(m, t)}. ${t('councils.members.ended', { date: formatLocalDate(m.endedOn), reason: m.endReason ?? '' })}`
          : term(m, t),
      ])}
    />
  );
}

export function DecisionsList({
  decisions,
  meetingLinks,
}: {
  decisions: DecisionRow[];
  meetingLinks?: boolean;
}) {
  const { t, locale } = useView();
  return (
    <>
      {decisions.map((d) => (
        <div class="govuk-!-margin-bottom-6" key={d.id} id={`decision-${d.id}`}>
          <p class="govuk-body">
            {d.status === 'reported' ? (
              <Tag colour="green">{t('councils.decision.reported')}</Tag>
            ) : (
              <Tag colour="yellow">{t('councils.decision.open')}</Tag>
            )}
          </p>
          <p class="govuk-body">{d.textRu}</p>
          {d.votes.length > 0 && (
            <details class="govuk-details">
              <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{t('councils.votes')}</span>
              </summary>
              <div class="govuk-details__text">
                <ul class="govuk-list">
                  {d.votes.map((v) => (
                    <li key={v.name}>
                      {v.name}: {t(`councils.vote.${v.vote}`)}
                    </li>
                  ))}
                </ul>
              </div>
            </details>
          )}
          {d.reportRu && (
            <InsetText>
              <strong>{t('councils.decision.report')}</strong>
              {d.reportedAt ? ` (${formatDate(d.reportedAt, locale)})` : ''}: {d.reportRu}
            </InsetText>
          )}
          {meetingLinks && (
            <p class="govuk-body-s">
              <a class="govuk-link" href={meetingHref(d.meetingId)}>
                {t('councils.meeting.protocol')}
              </a>
            </p>
          )}
        </div>
      ))}
    </>
  );
}

function ConclusionsList({ items, empty }: { items: ConclusionRow[]; empty: string }) {
  const { t, locale } = useView();
  if (items.length === 0) return <p class="govuk-body">{empty}</p>;
  return (
    <ul class="govuk-list govuk-list--spaced">
      {items.map((c) => (
        <li key={c.id}>
          <a class="govuk-link" href={conclusionHref(c.id)}>
            {t(`councils.conclusion.kind.${c.kind}`)}: {c.subjectTitle}
          </a>
          <span class="govuk-body-s">
            {' '}
            — {t(`councils.subject.${c.subjectKind}`)}, {formatDate(c.publishedAt, locale)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function AssessmentTable({ rows }: { rows: AssessmentSummary[] }) {
  const { t } = useView();
  if (rows.length === 0) return <p class="govuk-body">{t('councils.assessment.none')}</p>;
  return (
    <Table
      caption={t('councils.assessment.title')}
      captionSize="s"
      head={[
        { text: t('councils.assessment.year') },
        { text: t('councils.assessment.experts'), numeric: true },
        { text: t('councils.assessment.expertIndex'), numeric: true },
        { text: t('councils.assessment.selfIndex'), numeric: true },
      ]}
      rows={rows.map((r) => [
        String(r.year),
        { content: String(r.experts), numeric: true },
        { content: r.expertIndex === null ? '—' : r.expertIndex.toFixed(2), numeric: true },
        { content: r.selfIndex === null ? '—' : r.selfIndex.toFixed(2), numeric: true },
      ])}
    />
  );
}

/** `/councils/<id>` and `/orgs/<slug>/council`: the whole public face of a body (tasks 1.1–1.5). */
export function CouncilView({
  page,
  canManage,
  canAssess,
}: {
  page: CouncilPage;
  canManage: boolean;
  canAssess: boolean;
}) {
  const { t, locale } = useView();
  const { council } = page;
  const conclusions = page.conclusions.filter((c) => c.kind === 'conclusion');
  const coReports = page.conclusions.filter((c) => c.kind === 'co_report');
  return (
    <>
      <KindCaption kind={council.kind} />
      <h1 class="govuk-heading-xl">{councilName(council, locale)}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={`/orgs/${page.org.slug}`}>
          {locale === 'en' && page.org.nameEn ? page.org.nameEn : page.org.nameRu}
        </a>
      </p>
      <Paragraphs text={council.descriptionRu} />
      {canManage && (
        <p class="govuk-body">
          <a class="govuk-link" href={`/manage/councils/${council.id}`}>
            {t('councils.manage.title')}
          </a>
        </p>
      )}
      <nav aria-label={t('councils.title')} class="govuk-!-margin-bottom-6">
        <ul class="govuk-list">
          {[
            ['members', 'councils.members.current'],
            ['meetings', 'councils.meetings.upcoming'],
            ['decisions', 'councils.decisions.title'],
            ['conclusions', 'councils.conclusions.title'],
            ['calls', 'councils.calls.title'],
            ['participate', 'councils.participation.title'],
          ].map(([id, key]) => (
            <li key={id}>
              <a class="govuk-link" href={`#${id}`}>
                {t(key as string)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <h2 class="govuk-heading-m">{t('councils.regulation')}</h2>
      {council.regulationTitle || council.regulationUrl ? (
        <p class="govuk-body">
          {council.regulationUrl ? (
            <Link href={council.regulationUrl}>{council.regulationTitle ?? council.regulationUrl}</Link>
          ) : (
            council.regulationTitle
          )}
        </p>
      ) : (
        <p class="govuk-body">{t('councils.regulation.none')}</p>
      )}

      <section id="members" aria-labelledby="members-title">
        <h2 class="govuk-heading-l" id="members-title">
          {t('councils.members.current')}
        </h2>
        {page.current.length === 0 ? (
          <p class="govuk-body">{t('councils.members.none')}</p>
        ) : (
          <MembersTable members={page.current} caption={t('councils.members.current')} />
        )}
        {page.past.length > 0 && (
          <MembersTable members={page.past} caption={t('councils.members.past')} past />
        )}
      </section>

      <section id="meetings" aria-labelledby="meetings-title">
        <h2 class="govuk-heading-l" id="meetings-title">
          {t('councils.meetings.upcoming')}
        </h2>
        {page.upcoming.length === 0 ? (
          <p class="govuk-body">{t('councils.meetings.none')}</p>
        ) : (
          <ul class="govuk-list govuk-list--spaced">
            {page.upcoming.map((m) => (
              <li key={m.id}>
                <a class="govuk-link" href={meetingHref(m.id)}>
                  {t('councils.meeting.title', { date: formatDateTime(m.startsAt, locale) })}
                </a>
                <span class="govuk-body-s"> — {m.place}</span>
              </li>
            ))}
          </ul>
        )}
        {page.held.length > 0 && (
          <>
            <h3 class="govuk-heading-s">{t('councils.meetings.held')}</h3>
            <ul class="govuk-list">
              {page.held.map((m) => (
                <li key={m.id}>
                  <a class="govuk-link" href={meetingHref(m.id)}>
                    {t('councils.meeting.title', { date: formatDateTime(m.startsAt, locale) })}
                  </a>
                  {m.protocolPublishedAt && (
                    <span class="govuk-body-s"> — {t('councils.meeting.protocol')}</span>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section id="decisions" aria-labelledby="decisions-title">
        <h2 class="govuk-heading-l" id="decisions-title">
          {t('councils.decisions.title')}
        </h2>
        {page.decisions.length === 0 ? (
          <p class="govuk-body">{t('councils.decisions.none')}</p>
        ) : (
          <DecisionsList decisions={page.decisions} meetingLinks />
        )}
      </section>

      <section id="conclusions" aria-labelledby="conclusions-title">
        <h2 class="govuk-heading-l" id="conclusions-title">
          {t('councils.conclusions.title')}
        </h2>
        <ConclusionsList items={conclusions} empty={t('councils.conclusions.none')} />
        <h3 class="govuk-heading-m">{t('councils.coReports.title')}</h3>
        <ConclusionsList items={coReports} empty={t('councils.coReports.none')} />
      </section>

      {page.opinions.length > 0 && (
        <section aria-labelledby="opinions-title">
          <h2 class="govuk-heading-l" id="opinions-title">
            {t('councils.opinions.title')}
          </h2>
          {page.opinions.map((o) => (
            <div key={o.id} class="govuk-!-margin-bottom-4">
              <h3 class="govuk-heading-s">{o.expertName}</h3>
              <p class="govuk-body">
                <strong>{t('councils.opinions.question')}:</strong> {o.question}
              </p>
              <p class="govuk-body">
                <strong>{t('councils.opinions.answer')}:</strong> {o.answer}
              </p>
            </div>
          ))}
        </section>
      )}

      <section id="calls" aria-labelledby="calls-title">
        <h2 class="govuk-heading-l" id="calls-title">
          {t('councils.calls.title')}
        </h2>
        {page.calls.length === 0 ? (
          <p class="govuk-body">{t('councils.calls.none')}</p>
        ) : (
          <ul class="govuk-list govuk-list--spaced">
            {page.calls.map((c) => (
              <li key={c.id}>
                <a class="govuk-link" href={callHref(c.id)}>
                  {c.titleRu}
                </a>{' '}
                <Tag colour={c.status === 'open' ? 'blue' : 'grey'}>
                  {t(`councils.call.status.${c.status}`)}
                </Tag>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="assessment-title">
        <h2 class="govuk-heading-l" id="assessment-title">
          {t('councils.assessment.title')}
        </h2>
        <AssessmentTable rows={page.assessments} />
        {canAssess && (
          <p class="govuk-body">
            <a class="govuk-link" href={`/councils/${council.id}/assessment`}>
              {t('councils.assessment.fill')}
            </a>
          </p>
        )}
      </section>

      <section id="participate" aria-labelledby="participate-title">
        <h2 class="govuk-heading-l" id="participate-title">
          {t('councils.participation.title')}
        </h2>
        {council.participationRu ? (
          <Paragraphs text={council.participationRu} />
        ) : (
          <p class="govuk-body">{t('councils.participation.default')}</p>
        )}
      </section>
    </>
  );
}

/** `/orgs/<slug>/council` when the body has several councils and no public council. */
export function OrgCouncilsView({ orgName, councils }: { orgName: string; councils: CouncilRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName}</span>
      <h1 class="govuk-heading-xl">{t('councils.org.choose')}</h1>
      {councils.length === 0 ? (
        <p class="govuk-body">{t('councils.none')}</p>
      ) : (
        <ul class="govuk-list">
          {councils.map((c) => (
            <li key={c.id}>
              <a class="govuk-link" href={councilHref(c.id)}>
                {councilName(c, locale)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** `/councils/calls/<id>`: the call's terms; the ranked list with scores and the decision once published. */
export function CallView({ page }: { page: CallPage }) {
  const { t, locale } = useView();
  const { call, criteria } = page;
  return (
    <>
      <span class="govuk-caption-l">{councilName(page.council, locale)}</span>
      <h1 class="govuk-heading-xl">{call.titleRu}</h1>
      <Paragraphs text={call.descriptionRu} />
      <SummaryList
        rows={[
          {
            key: t('councils.call.dates'),
            value: t('councils.call.datesValue', {
              from: formatLocalDate(call.opensOn),
              to: formatLocalDate(call.closesOn),
            }),
          },
          { key: t('councils.call.places'), value: String(call.places) },
          {
            key: t('councils.call.scale'),
            value: t('councils.call.scaleValue', { max: String(call.scaleMax) }),
          },
          {
            key: t('councils.call.groups'),
            value: call.referenceGroups.length ? (
              <ul class="govuk-list govuk-list--bullet">
                {call.referenceGroups.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            ) : (
              '—'
            ),
          },
          {
            key: t('councils.call.documents'),
            value: call.documentsRequired.length ? (
              <ul class="govuk-list govuk-list--bullet">
                {call.documentsRequired.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            ) : (
              '—'
            ),
          },
        ]}
      />
      <Table
        caption={t('councils.call.criteria')}
        head={[{ text: t('councils.call.criterion') }, { text: t('councils.call.weight'), numeric: true }]}
        rows={criteria.map((c) => [c.nameRu, { content: String(c.weight), numeric: true }])}
      />
      {page.mine && (
        <InsetText>
          {t('councils.call.applied', {
            date: formatDate(page.mine.createdAt, locale),
            status: t(`councils.application.status.${page.mine.status}`),
          })}
        </InsetText>
      )}
      {!page.mine && page.accepting && (
        <Button href={`${callHref(call.id)}/apply`}>{t('councils.call.apply')}</Button>
      )}
      {!page.accepting && call.status === 'open' && <p class="govuk-body">{t('councils.call.closed')}</p>}
      {page.ranked && (
        <section aria-labelledby="results-title">
          <h2 class="govuk-heading-l" id="results-title">
            {t('councils.call.results')}
          </h2>
          <h3 class="govuk-heading-s">{t('councils.call.decision')}</h3>
          <Paragraphs text={call.decisionRu} />
          <Table
            caption={t('councils.call.results')}
            captionSize="s"
            head={[
              { text: t('councils.call.rank'), numeric: true },
              { text: t('councils.call.candidate') },
              ...criteria.map((c) => ({ text: c.nameRu, numeric: true })),
              { text: t('councils.call.total'), numeric: true },
              { text: t('councils.call.outcome') },
            ]}
            rows={page.ranked.map((r) => [
              { content: String(r.rank), numeric: true },
              r.application.fullName,
              ...criteria.map((c) => ({ content: (r.means.get(c.id) ?? 0).toFixed(2), numeric: true })),
              { content: r.total.toFixed(2), numeric: true },
              t(`councils.application.status.${r.application.status}`),
            ])}
          />
        </section>
      )}
    </>
  );
}

export const APPLY_FIELDS = [
  'fullName',
  'referenceGroup',
  'expertise',
  'motivation',
  'documents',
  'noConflict',
  'poolConsent',
];

/** `/councils/calls/<id>/apply`: the application with the no-conflict statement. */
export function ApplyView({
  page,
  values,
  errors,
}: {
  page: CallPage;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const { call } = page;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">
        {councilName(page.council, locale)}: {call.titleRu}
      </span>
      <h1 class="govuk-heading-xl">{t('councils.apply.title')}</h1>
      <Form action={`${callHref(call.id)}/apply`}>
        <TextInput
          name="fullName"
          label={t('councils.apply.fullName')}
          value={values.fullName}
          errors={errors}
          autocomplete="name"
        />
        {call.referenceGroups.length > 0 ? (
          <Select
            name="referenceGroup"
            label={t('councils.apply.referenceGroup')}
            value={values.referenceGroup}
            errors={errors}
            items={[
              { value: '', text: t('councils.apply.referenceGroupNone') },
              ...call.referenceGroups.map((g) => ({ value: g, text: g })),
            ]}
          />
        ) : null}
        <TextInput
          name="expertise"
          label={t('councils.apply.expertise')}
          hint={t('councils.apply.expertiseHint')}
          value={values.expertise}
          errors={errors}
        />
        <Textarea
          name="motivation"
          label={t('councils.apply.motivation')}
          value={values.motivation}
          errors={errors}
        />
        {call.documentsRequired.length > 0 && (
          <Checkboxes
            name="documents"
            legend={t('councils.apply.documents')}
            legendSize="s"
            values={values.documents}
            errors={errors}
            items={call.documentsRequired.map((d) => ({ value: d, text: d }))}
          />
        )}
        <Checkboxes
          name="noConflict"
          legend={t('councils.apply.statements')}
          legendSize="s"
          values={values.noConflict}
          errors={errors}
          items={[{ value: 'yes', text: t('councils.apply.noConflict') }]}
        />
        <Checkboxes
          name="poolConsent"
          legend={t('councils.pool.title')}
          legendSize="s"
          values={values.poolConsent}
          errors={errors}
          items={[{ value: 'yes', text: t('councils.apply.poolConsent') }]}
        />
        <Button>{t('councils.apply.submit')}</Button>
      </Form>
    </>
  );
}

/** `/councils/meetings/<id>`: agenda, place, places, video, registration, protocol and decisions. */
export function MeetingView({
  page,
  signedIn,
  signInHref,
  errors,
  values,
}: {
  page: MeetingPage;
  signedIn: boolean;
  signInHref: string;
  errors: FieldError[];
  values: Record<string, string>;
}) {
  const { t, locale } = useView();
  const { meeting } = page;
  const left = Math.max(0, meeting.capacity - page.registered);
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">
        <a class="govuk-link" href={councilHref(page.council.id)}>
          {councilName(page.council, locale)}
        </a>
      </span>
      <h1 class="govuk-heading-xl">
        {t('councils.meeting.title', { date: formatDateTime(meeting.startsAt, locale) })}
      </h1>
      <SummaryList
        rows={[
          { key: t('councils.meeting.when'), value: formatDateTime(meeting.startsAt, locale) },
          { key: t('councils.meeting.where'), value: meeting.place },
          {
            key: t('councils.meeting.places'),
            value:
              meeting.capacity === 0
                ? t('councils.meeting.noAttendance')
                : t('councils.meeting.placesLeft', {
                    left: String(left),
                    capacity: String(meeting.capacity),
                  }),
          },
          ...(meeting.videoUrl
            ? [
                {
                  key: t('councils.meeting.video'),
                  value: <Link href={meeting.videoUrl}>{meeting.videoUrl}</Link>,
                },
              ]
            : []),
          ...(meeting.recordingUrl
            ? [
                {
                  key: t('councils.meeting.recording'),
                  value: <Link href={meeting.recordingUrl}>{meeting.recordingUrl}</Link>,
                },
              ]
            : []),
        ]}
      />
      <h2 class="govuk-heading-l">{t('councils.meeting.agenda')}</h2>
      <ol class="govuk-list govuk-list--number">
        {page.agenda.map((a) => (
          <li key={a.id}>
            {a.title}
            {a.linkUrl && (
              <>
                {' '}
                ({t(`councils.link.${a.linkKind}`)}: <Link href={a.linkUrl}>{a.linkTitle ?? a.linkUrl}</Link>)
              </>
            )}
          </li>
        ))}
      </ol>

      {!page.past && meeting.capacity > 0 && (
        <section aria-labelledby="register-title">
          <h2 class="govuk-heading-l" id="register-title">
            {t('councils.meeting.register')}
          </h2>
          {page.mine ? (
            <>
              <InsetText>
                {page.mine.status === 'registered'
                  ? t('councils.meeting.registered')
                  : t('councils.meeting.waiting', { place: String(page.waitingPlace ?? '') })}
              </InsetText>
              <Form action={`${meetingHref(meeting.id)}/cancel`}>
                <Button variant="secondary">{t('councils.meeting.cancel')}</Button>
              </Form>
            </>
          ) : signedIn ? (
            <Form action={`${meetingHref(meeting.id)}/register`}>
              <p class="govuk-body">{t('councils.meeting.registerLead')}</p>
              <Radios
                name="kind"
                legend={t('councils.meeting.kind')}
                legendSize="s"
                value={values.kind ?? 'citizen'}
                errors={errors}
                items={[
                  { value: 'citizen', text: t('councils.meeting.kind.citizen') },
                  { value: 'media', text: t('councils.meeting.kind.media') },
                ]}
              />
              <Button>{t('councils.meeting.registerButton')}</Button>
            </Form>
          ) : (
            <>
              <p class="govuk-body">{t('councils.meeting.registerLead')}</p>
              <p class="govuk-body">
                <a class="govuk-link" href={signInHref}>
                  {t('councils.meeting.signInToRegister')}
                </a>
              </p>
            </>
          )}
        </section>
      )}

      <h2 class="govuk-heading-l">{t('councils.meeting.protocol')}</h2>
      {meeting.protocolRu ? (
        <Paragraphs text={meeting.protocolRu} />
      ) : (
        <p class="govuk-body">{t('councils.meeting.protocolPending')}</p>
      )}
      {page.decisions.length > 0 && (
        <>
          <h2 class="govuk-heading-l">{t('councils.meeting.decisions')}</h2>
          <DecisionsList decisions={page.decisions} />
        </>
      )}
    </>
  );
}

/** `/councils/conclusions/<id>`: a conclusion or co-report, with its public discussion. */
export function ConclusionView({
  c,
  council,
  discussion,
}: {
  c: ConclusionRow;
  council: CouncilRow;
  discussion: ComponentChildren;
}) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">
        <a class="govuk-link" href={councilHref(council.id)}>
          {councilName(council, locale)}
        </a>
      </span>
      <h1 class="govuk-heading-xl">
        {t(`councils.conclusion.kind.${c.kind}`)}: {c.subjectTitle}
      </h1>
      <SummaryList
        rows={[
          {
            key: t('councils.conclusion.on'),
            value: c.subjectUrl ? (
              <Link
                href={c.subjectUrl}
              >{`${t(`councils.subject.${c.subjectKind}`)}: ${c.subjectTitle}`}</Link>
            ) : (
              `${t(`councils.subject.${c.subjectKind}`)}: ${c.subjectTitle}`
            ),
          },
          { key: t('councils.conclusion.year'), value: String(c.year) },
          { key: t('councils.conclusion.published'), value: formatDate(c.publishedAt, locale) },
        ]}
      />
      <Paragraphs text={c.textRu} />
      <h2 class="govuk-heading-l">{t('councils.conclusion.discussion')}</h2>
      {discussion}
    </>
  );
}

/** `/councils/pool`: the open expert pool by field of expertise (with consent). */
export function PoolView({
  members,
  fields,
  field,
}: {
  members: PoolMemberRow[];
  fields: { expertise: string; n: number }[];
  field: string | undefined;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('councils.pool.title')}</h1>
      <p class="govuk-body-l">{t('councils.pool.lead')}</p>
      <form method="get" action="/councils/pool" novalidate>
        <Select
          name="field"
          label={t('councils.pool.field')}
          value={field ?? ''}
          items={[
            { value: '', text: t('councils.pool.all') },
            ...fields.map((f) => ({ value: f.expertise, text: `${f.expertise} (${f.n})` })),
          ]}
        />
        <Button variant="secondary">{t('councils.pool.filter')}</Button>
      </form>
      {members.length === 0 ? (
        <p class="govuk-body">{t('councils.pool.none')}</p>
      ) : (
        <Table
          caption={t('councils.pool.title')}
          captionSize="s"
          head={[
            { text: t('councils.members.name') },
            { text: t('councils.pool.field') },
            { text: t('councils.pool.since') },
          ]}
          rows={members.map((m) => [m.fullName, m.expertise, formatDate(m.consentAt, locale)])}
        />
      )}
    </>
  );
}

export const ASSESSMENT_FIELDS = ['year', ...assessmentQuestions, 'comment'];

/** The questionnaire of the independent assessment, for a pool expert or the council itself (task 1.5). */
export function AssessmentFormView({
  council,
  action,
  title,
  values,
  errors,
}: {
  council: CouncilRow;
  action: string;
  title: string;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{councilName(council, locale)}</span>
      <h1 class="govuk-heading-xl">{title}</h1>
      <p class="govuk-body">{t('councils.assessment.form.lead')}</p>
      <Form action={action}>
        <TextInput
          name="year"
          label={t('councils.assessment.year')}
          value={values.year}
          errors={errors}
          width="4"
          inputmode="numeric"
        />
        {assessmentQuestions.map((q) => (
          <Radios
            key={q}
            name={q}
            legend={t(`councils.assessment.q.${q}`)}
            legendSize="s"
            inline
            value={values[q]}
            errors={errors}
            items={['1', '2', '3', '4', '5'].map((n) => ({ value: n, text: n }))}
          />
        ))}
        <Textarea
          name="comment"
          label={t('councils.assessment.comment')}
          value={values.comment}
          errors={errors}
        />
        <Button>{t('councils.assessment.submit')}</Button>
      </Form>
    </>
  );
}
