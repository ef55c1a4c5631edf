import type { Actor } from '../../../../platform/authz/index.ts';
import { formatDateTime, formatLocalDate } from '../../../../platform/calendar/format.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import { formatBytes } from '../../../../platform/files/index.ts';
import {
  Button,
  Checkboxes,
  Details,
  ErrorSummary,
  Fieldset,
  FileUpload,
  Form,
  InsetText,
  Radios,
  Select,
  SummaryList,
  Table,
  Textarea,
  TextInput,
  WarningText,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import type { OrgRow } from '../../../orgs/index.ts';
import { carriesComplaint, obstructionFindings, obstructionMeasures } from '../../appeals.model.ts';
import { ATTACHMENT_RULES } from '../../appeals.settings.ts';
import type { getAppealForStaff } from '../../get-appeal-for-staff.ts';
import {
  mediaRefusalReasons,
  questionStatusKey,
  refusalReasons,
  resultStatuses,
  withoutAnswerReasons,
} from '../../outcomes.ts';

/** The message prefix of the reasons a type may be refused or left without an answer for. */
function refusalPrefix(type: string): string {
  return type === 'media_request'
    ? 'appeals.mediaRefusal'
    : type === 'info_request'
      ? 'appeals.refusal'
      : 'appeals.wa';
}

import { staffPolicy } from '../../staff.policy.ts';
import type { TotkNode } from '../../totk.ts';
import { DaysLeft, statusTag } from './queue-page.tsx';
import { TopicPicker } from './topic-picker.tsx';

export type StaffAppeal = Awaited<ReturnType<typeof getAppealForStaff>>;

/** The classification control's search by words and what it found (null when not searched). */
export type TopicSearch = { words: string; found: TotkNode[] };

/** Which action form the errors and kept values belong to. */
export type ActionState = { action: string; errors: FieldError[]; values: Record<string, string> } | null;

const OPEN = ['registered', 'in_review', 'extended', 'awaiting_signature'];

/** Download links of an appeal's files, for its staff. */
function FileList({ appealId, files }: { appealId: string; files: StaffAppeal['attachments'] }) {
  const { t, locale } = useView();
  if (files.length === 0) return null;
  return (
    <>
      <h3 class="govuk-heading-s">{t('appeals.staff.attachments')}</h3>
      <ul class="govuk-list">
        {files.map((f) => (
          <li key={f.fileId}>
            <a class="govuk-link" href={`/manage/appeals/${appealId}/files/${f.fileId}`}>
              {f.originalName}
            </a>{' '}
            ({f.ext.toUpperCase()}, {formatBytes(f.sizeBytes, locale)})
          </li>
        ))}
      </ul>
    </>
  );
}

/** The link between a complaint about an answer and the appeal it disputes, on the staff page of each. */
function disputeRows(
  data: StaffAppeal,
  orgName: (id: string | null) => string,
  t: (k: string, p?: Record<string, string | number>) => string,
) {
  const link = (x: { id: string; number: string; orgId: string }) => (
    <a class="govuk-link" href={`/manage/appeals/${x.id}`}>
      № {x.number}
    </a>
  );
  return [
    ...(data.disputes
      ? [
          {
            key: t('appeals.staff.disputes'),
            value: (
              <span id="disputes-appeal">
                {link(data.disputes)}, {orgName(data.disputes.orgId)}
                {data.disputes.answeredAt &&
                  `, ${t('appeals.staff.disputes.answered', { date: formatDateTime(data.disputes.answeredAt, 'ru') })}`}
              </span>
            ),
          },
        ]
      : []),
    ...(data.disputedBy.length
      ? [
          {
            key: t('appeals.staff.disputedBy'),
            value: (
              <ul class="govuk-list" id="disputed-by">
                {data.disputedBy.map((c) => (
                  <li key={c.id}>
                    {link(c)}, {orgName(c.orgId)}, {formatLocalDate(c.registeredOn)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
  ];
}

/**
 * The body's answer templates above the answer's text: «Вставить шаблон» sends the
 * same form to /template (formaction, no JavaScript needed), which shows the page
 * again with the filled template below the text typed so far.
 */
function TemplatePicker({ data, state }: { data: StaffAppeal; state: ActionState }) {
  const { t } = useView();
  const errors = state?.errors ?? [];
  return (
    <div class="app-template-picker">
      <Select
        name="template"
        label={t('appeals.templates.pick')}
        hint={t(data.templates.length ? 'appeals.templates.pickHint' : 'appeals.templates.noneYet')}
        value={state?.values.template ?? ''}
        errors={errors}
        items={[
          { value: '', text: t('appeals.templates.chooseOption') },
          ...data.templates.map((x) => ({ value: x.id, text: x.title })),
        ]}
      />
      <Button variant="secondary" formaction={`/manage/appeals/${data.appeal.id}/template`}>
        {t('appeals.templates.insert')}
      </Button>
    </div>
  );
}

/**
 * Concept task 6.5: the finding on a complaint of obstructed public control,
 * recorded with the answer (confirmed or not; if confirmed, the measure).
 */
function ObstructionFindingFields({ state }: { state: ActionState }) {
  const { t } = useView();
  const values = state?.action === 'answer' ? state.values : {};
  const errors = state?.action === 'answer' ? state.errors : [];
  return (
    <Fieldset legend={t('appeals.staff.obstruction.title')} legendSize="s">
      <p class="govuk-body">{t('appeals.staff.obstruction.lead')}</p>
      <Radios
        name="obstructionFinding"
        legend={t('appeals.staff.obstruction.finding')}
        legendSize="s"
        value={values.obstructionFinding}
        errors={errors}
        inline
        items={obstructionFindings.map((f) => ({ value: f, text: t(`appeals.obstructionFinding.${f}`) }))}
      />
      <Radios
        name="obstructionMeasure"
        legend={t('appeals.staff.obstruction.measure')}
        legendSize="s"
        hint={t('appeals.staff.obstruction.measureHint')}
        value={values.obstructionMeasure}
        errors={errors}
        items={obstructionMeasures.map((m) => ({ value: m, text: t(`appeals.obstructionMeasure.${m}`) }))}
      />
      <Textarea
        name="obstructionMeasureNote"
        label={t('appeals.staff.obstruction.note')}
        hint={t('appeals.staff.obstruction.noteHint')}
        value={values.obstructionMeasureNote}
        errors={errors}
        rows={2}
      />
    </Fieldset>
  );
}

export function AppealPage({
  data,
  orgs,
  actor,
  state,
  topicSearch = null,
}: {
  data: StaffAppeal;
  orgs: OrgRow[];
  actor: Actor;
  state: ActionState;
  topicSearch?: TopicSearch | null;
}) {
  const { t, locale } = useView();
  const a = data.appeal;
  const totk = data.totk;
  const errorsFor = (action: string) => (state?.action === action ? state.errors : []);
  const valuesFor = (action: string) => (state?.action === action ? state.values : {});
  const open = OPEN.includes(a.status);
  const officerName = new Map(data.officers.map((o) => [o.id, o.displayName]));
  const orgName = (id: string | null) => orgs.find((o) => o.id === id)?.nameRu ?? '';
  const fullName = [a.lastName, a.firstName, a.patronymic].filter(Boolean).join(' ');
  const otherOrgs = orgs.filter((o) => o.id !== a.orgId);
  const sentAnswers = data.answers.filter((x) => x.status !== 'draft');
  // an extension is refused after the deadline, a request's delay after its 7-day notice date
  const extendTooLate =
    data.today > a.dueDate
      ? 'appeals.staff.conflict.extendAfterDeadline'
      : a.type === 'info_request' && data.today > a.noticeDueDate
        ? 'appeals.staff.conflict.delayNoticeLate'
        : null;
  const draft = data.answers.find((x) => x.status === 'draft');
  const complaint = carriesComplaint(a);
  /** Which body a complaint is about, asked only while the appeal does not record it (an id from the list). */
  const complainedPicker = (action: string) =>
    a.complainedOrgId ? null : (
      <Select
        name={action === 'return' ? 'returnComplainedOrg' : 'complainedOrg'}
        label={t('appeals.staff.forward.complainedOrg')}
        value={valuesFor(action)[action === 'return' ? 'returnComplainedOrg' : 'complainedOrg'] ?? ''}
        errors={errorsFor(action)}
        items={[
          { value: '', text: t('appeals.staff.forward.complainedChoose') },
          ...orgs.map((o) => ({ value: o.id, text: o.nameRu })),
        ]}
      />
    );
  return (
    <>
      <ErrorSummary errors={state?.errors ?? []} />
      <span class="govuk-caption-l">{t(`appeals.staff.type.${a.type}`)}</span>
      <h1 class="govuk-heading-l">{t('appeals.staff.appeal.title', { number: a.number })}</h1>
      <SummaryList
        rows={[
          { key: t('appeals.staff.col.status'), value: statusTag(a.status, t) },
          { key: t('appeals.staff.col.org'), value: orgName(a.orgId) },
          { key: t('appeals.staff.col.registered'), value: formatLocalDate(a.registeredOn) },
          {
            key: t('appeals.staff.col.due'),
            value: (
              <>
                {formatLocalDate(a.dueDate)}
                {a.extensionCount > 0 &&
                  ` (${t('appeals.staff.extendedFrom', { date: formatLocalDate(a.originalDueDate) })})`}
                <span class="govuk-!-display-block">
                  <DaysLeft days={data.workingDaysLeft} open={open} provisional={data.dueProvisional} />
                </span>
              </>
            ),
          },
          ...(a.forwardDueDate
            ? [{ key: t('appeals.staff.forwardDue'), value: formatLocalDate(a.forwardDueDate) }]
            : []),
          {
            key: t(
              a.type === 'media_request'
                ? 'appeals.staff.media.noticeDue'
                : a.type === 'info_request'
                  ? 'appeals.staff.delayNoticeDue'
                  : 'appeals.staff.noticeDue',
            ),
            value: (
              <>
                {formatLocalDate(a.noticeDueDate)}
                {['registered', 'in_review'].includes(a.status) && data.today > a.noticeDueDate && (
                  <strong class="govuk-tag govuk-tag--red govuk-!-margin-left-2">
                    {t('appeals.staff.noticeOverdue')}
                  </strong>
                )}
              </>
            ),
          },
          ...(a.kind ? [{ key: t('appeals.staff.kind'), value: t(`appeals.staff.kind.${a.kind}`) }] : []),
          ...(a.complainedOrgId
            ? [{ key: t('appeals.staff.complained'), value: orgName(a.complainedOrgId) }]
            : []),
          ...(a.obstructionKind
            ? [
                {
                  key: t('appeals.staff.obstruction'),
                  value: <span id="obstruction">{t(`appeals.obstructionKind.${a.obstructionKind}`)}</span>,
                },
                ...(a.publicControlSubject
                  ? [{ key: t('appeals.staff.publicControlSubject'), value: a.publicControlSubject }]
                  : []),
                ...(a.obstructionFinding
                  ? [
                      {
                        key: t('appeals.staff.obstruction.result'),
                        value: (
                          <span id="obstruction-finding">
                            {[
                              t(`appeals.obstructionFinding.${a.obstructionFinding}`),
                              a.obstructionMeasure && t(`appeals.obstructionMeasure.${a.obstructionMeasure}`),
                              a.obstructionMeasureNote,
                            ]
                              .filter(Boolean)
                              .join('; ')}
                          </span>
                        ),
                      },
                    ]
                  : []),
              ]
            : []),
          ...disputeRows(data, orgName, t),
          { key: t('appeals.staff.author'), value: fullName },
          ...(a.email ? [{ key: t('appeals.staff.email'), value: a.email }] : []),
          ...(a.postalAddress ? [{ key: t('appeals.staff.postalAddress'), value: a.postalAddress }] : []),
          {
            key: t('appeals.staff.officer'),
            value: a.assignedUserId
              ? (officerName.get(a.assignedUserId) ?? '—')
              : t('appeals.staff.filter.unassigned'),
          },
          ...(a.withoutAnswerReason
            ? [
                {
                  key: t('appeals.staff.leave.reason'),
                  value: t(`${refusalPrefix(a.type)}.${a.withoutAnswerReason}`),
                },
              ]
            : []),
          ...(a.forwardedToName ? [{ key: t('appeals.staff.forwardedTo'), value: a.forwardedToName }] : []),
        ]}
      />
      <h2 class="govuk-heading-m">{t('appeals.staff.text')}</h2>
      {a.subject && <p class="govuk-body govuk-!-font-weight-bold">{a.subject}</p>}
      <div class="govuk-body app-preserve-lines">{a.text}</div>
      <FileList appealId={a.id} files={data.attachments.filter((f) => f.answerId === null)} />

      <h2 class="govuk-heading-m">{t('appeals.staff.questions')}</h2>
      {data.questions.length === 0 ? (
        <p class="govuk-body">{t('appeals.staff.questions.none')}</p>
      ) : (
        <Table
          label={t('appeals.staff.questions')}
          head={[
            { text: t('appeals.staff.report.code') },
            { text: t('appeals.staff.report.question') },
            { text: t('appeals.staff.col.status') },
          ]}
          rows={data.questions.map((q) => [
            q.topicCode,
            totk.name(q.topicCode, locale),
            t(questionStatusKey(q.status as never, q.measuresTaken)),
          ])}
        />
      )}

      {sentAnswers.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('appeals.staff.answers')}</h2>
          {sentAnswers.map((ans) => (
            <div key={ans.id} class="govuk-inset-text">
              <div class="app-preserve-lines">{ans.text}</div>
              <FileList appealId={a.id} files={data.attachments.filter((f) => f.answerId === ans.id)} />
              <p class="govuk-body-s">
                {ans.signedPosition} {ans.signedName}
                {ans.signedAt && `, ${formatDateTime(ans.signedAt, locale)}`}
              </p>
            </div>
          ))}
        </>
      )}

      <h2 class="govuk-heading-m" id="comments">
        {t('appeals.staff.comment.title')}
      </h2>
      <p class="govuk-body">{t('appeals.staff.comment.lead')}</p>
      {data.comments.length > 0 && (
        <ul class="govuk-list app-comments">
          {data.comments.map((c) => (
            <li key={c.id} class="govuk-!-margin-bottom-4">
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                <strong>{c.authorName}</strong>, {formatDateTime(c.createdAt, locale)}
              </p>
              <div class="govuk-body app-preserve-lines">{c.text}</div>
            </li>
          ))}
        </ul>
      )}
      <Form action={`/manage/appeals/${a.id}/comment`}>
        <Textarea
          name="commentText"
          label={t('appeals.staff.comment.label')}
          value={valuesFor('comment').commentText}
          errors={errorsFor('comment')}
          rows={3}
        />
        <Button variant="secondary">{t('appeals.staff.comment.submit')}</Button>
      </Form>

      <h2 class="govuk-heading-m">{t('appeals.staff.history')}</h2>
      <Table
        label={t('appeals.staff.history')}
        head={[
          { text: t('appeals.staff.history.when') },
          { text: t('appeals.staff.history.what') },
          { text: t('appeals.staff.history.details') },
        ]}
        rows={data.events.map((e) => [
          formatDateTime(e.at, locale),
          t(`appeals.staff.event.${e.kind}`),
          [
            e.targetName,
            e.reasonCode === 'crime_report'
              ? t('appeals.staff.event.crime_report')
              : e.reasonCode
                ? t(`${refusalPrefix(a.type)}.${e.reasonCode}`)
                : null,
            e.reason,
            e.newDueDate ? t('appeals.staff.newDue', { date: formatLocalDate(e.newDueDate) }) : null,
            e.visibleToAuthor ? null : t('appeals.staff.history.internal'),
          ]
            .filter(Boolean)
            .join(' · '),
        ])}
      />

      {open && (
        <>
          <h2 class="govuk-heading-l">{t('appeals.staff.actions')}</h2>

          <h3 class="govuk-heading-m" id="assign">
            {t('appeals.staff.assign.title')}
          </h3>
          <Form action={`/manage/appeals/${a.id}/assign`}>
            <Select
              name="userId"
              label={t('appeals.staff.assign.officer')}
              value={valuesFor('assign').userId ?? a.assignedUserId ?? ''}
              errors={errorsFor('assign')}
              items={[
                { value: '', text: t('appeals.staff.assign.choose') },
                ...data.officers.map((o) => ({ value: o.id, text: o.displayName })),
              ]}
            />
            <Button variant="secondary">{t('appeals.staff.assign.submit')}</Button>
          </Form>
        </>
      )}

      {a.status !== 'forwarded' && (
        <>
          <h3 class="govuk-heading-m" id="classify">
            {t('appeals.staff.classify.title')}
          </h3>
          {totk.edition === 'partial' && (
            <InsetText>{t('appeals.totk.partial', { version: totk.version })}</InsetText>
          )}
          <Form action={`/manage/appeals/${a.id}#classify`} method="get">
            <TextInput
              name="topicq"
              type="search"
              label={t('appeals.staff.topicSearch.label')}
              hint={t('appeals.staff.topicSearch.hint')}
              value={topicSearch?.words}
              spellcheck={false}
            />
            <Button variant="secondary">{t('appeals.staff.topicSearch.submit')}</Button>
          </Form>
          {topicSearch && topicSearch.found.length === 0 && (
            <p class="govuk-body" id="topic-search-result">
              {t('appeals.staff.topicSearch.none', { words: topicSearch.words })}
            </p>
          )}
          {topicSearch && topicSearch.found.length > 0 && (
            <div id="topic-search-result">
              <p class="govuk-body">
                {t('appeals.staff.topicSearch.found', {
                  n: topicSearch.found.length,
                  words: topicSearch.words,
                })}
              </p>
              <ul class="govuk-list govuk-list--bullet">
                {topicSearch.found.map((q) => (
                  <li key={q.code}>
                    {totk.name(q.code, locale)}{' '}
                    <span class="govuk-hint govuk-!-display-inline">({q.code})</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Form action={`/manage/appeals/${a.id}/classify`}>
            {[1, 2, 3].map((n) => (
              <TopicPicker
                found={topicSearch?.found}
                foundLabel={
                  topicSearch ? t('appeals.staff.topicSearch.group', { words: topicSearch.words }) : undefined
                }
                key={n}
                name={`topic${n}`}
                label={t('appeals.staff.classify.question', { n })}
                value={valuesFor('classify')[`topic${n}`] ?? data.questions[n - 1]?.topicCode}
                errors={errorsFor('classify')}
                emptyText={n === 1 ? undefined : t('appeals.staff.classify.none')}
                totk={totk}
              />
            ))}
            <Button variant="secondary">{t('appeals.staff.classify.submit')}</Button>
          </Form>
        </>
      )}

      {open && (
        <>
          <h3 class="govuk-heading-m" id="forward">
            {t('appeals.staff.forward.title')}
          </h3>
          {a.forwardDueDate && (
            <p class="govuk-body">
              {t('appeals.staff.forward.lead', { date: formatLocalDate(a.forwardDueDate) })}
            </p>
          )}
          <Form action={`/manage/appeals/${a.id}/forward`}>
            <Radios
              name="mode"
              legend={t('appeals.staff.forward.mode')}
              legendSize="s"
              value={valuesFor('forward').mode ?? 'forward'}
              errors={errorsFor('forward')}
              items={[
                { value: 'forward', text: t('appeals.staff.forward.mode.forward') },
                { value: 'copy', text: t('appeals.staff.forward.mode.copy') },
              ]}
            />
            <Select
              name="targetOrg"
              label={t('appeals.staff.forward.targetOrg')}
              value={valuesFor('forward').targetOrg ?? ''}
              errors={errorsFor('forward')}
              items={[
                { value: '', text: t('appeals.staff.forward.outside') },
                ...otherOrgs.map((o) => ({ value: o.id, text: o.nameRu })),
              ]}
            />
            <TextInput
              name="targetName"
              label={t('appeals.staff.forward.targetName')}
              hint={t('appeals.staff.forward.targetNameHint')}
              value={valuesFor('forward').targetName}
              errors={errorsFor('forward')}
            />
            {complaint && (
              <>
                <WarningText>{t('appeals.staff.forward.complaintRule')}</WarningText>
                {complainedPicker('forward')}
              </>
            )}
            <Textarea
              name="forwardReason"
              label={t('appeals.staff.forward.reason')}
              hint={t('appeals.staff.forward.reasonHint')}
              value={valuesFor('forward').forwardReason}
              errors={errorsFor('forward')}
              rows={3}
            />
            <Button variant="secondary">{t('appeals.staff.forward.submit')}</Button>
          </Form>

          {a.type === 'media_request' && a.extensionCount === 0 && (
            <>
              <h3 class="govuk-heading-m" id="media-delay">
                {t('appeals.staff.media.title')}
              </h3>
              <p class="govuk-body">
                {t('appeals.staff.media.lead', { date: formatLocalDate(a.noticeDueDate) })}
              </p>
              <Form action={`/manage/appeals/${a.id}/media-delay`}>
                <TextInput
                  name="until"
                  label={t('appeals.staff.media.until')}
                  hint={t('appeals.staff.media.untilHint')}
                  value={valuesFor('media-delay').until}
                  errors={errorsFor('media-delay')}
                  width="10"
                />
                <Textarea
                  name="delayReason"
                  label={t('appeals.staff.media.reason')}
                  value={valuesFor('media-delay').delayReason}
                  errors={errorsFor('media-delay')}
                  rows={3}
                />
                <Button variant="secondary">{t('appeals.staff.media.submit')}</Button>
              </Form>
            </>
          )}

          <h3 class="govuk-heading-m" id="extend">
            {t('appeals.staff.extend.title')}
          </h3>
          {staffPolicy.canExtend(actor, a) && a.extensionCount === 0 && !extendTooLate ? (
            <Form action={`/manage/appeals/${a.id}/extend`}>
              <TextInput
                name="days"
                label={t('appeals.staff.extend.days')}
                hint={t('appeals.staff.extend.daysRange', { max: data.extensionMaxDays })}
                value={valuesFor('extend').days}
                errors={errorsFor('extend')}
                width="3"
                inputmode="numeric"
              />
              <Textarea
                name="extendReason"
                label={t('appeals.staff.extend.reason')}
                value={valuesFor('extend').extendReason}
                errors={errorsFor('extend')}
                rows={3}
              />
              <Button variant="secondary">{t('appeals.staff.extend.submit')}</Button>
            </Form>
          ) : (
            <p class="govuk-body">
              {t(
                a.extensionCount > 0
                  ? 'appeals.staff.conflict.extendedOnce'
                  : (extendTooLate ?? 'appeals.staff.extend.headOnly'),
              )}
            </p>
          )}

          <h3 class="govuk-heading-m" id="answer">
            {t('appeals.staff.answer.title')}
          </h3>
          {staffPolicy.isSigner(actor, a.orgId) ? (
            <Form action={`/manage/appeals/${a.id}/answer`} enctype="multipart/form-data">
              {draft && <InsetText>{t('appeals.staff.answer.fromDraft')}</InsetText>}
              <TemplatePicker data={data} state={state?.action === 'answer' ? state : null} />
              <Textarea
                name="text"
                label={t('appeals.staff.answer.text')}
                value={valuesFor('answer').text ?? draft?.text}
                errors={errorsFor('answer')}
                rows={10}
              />
              {data.questions.map((q, i) => (
                <Select
                  key={q.id}
                  name={`result${i + 1}`}
                  label={t('appeals.staff.answer.result', { code: q.topicCode })}
                  value={valuesFor('answer')[`result${i + 1}`] ?? ''}
                  errors={errorsFor('answer')}
                  items={[
                    { value: '', text: t('appeals.sstu.answered_to_author') },
                    ...resultStatuses
                      .filter((s) => s !== 'answered_to_author')
                      .map((s) => ({ value: s, text: t(questionStatusKey(s)) })),
                  ]}
                />
              ))}
              {a.obstructionKind && <ObstructionFindingFields state={state} />}
              {data.questions.length > 0 && (
                <Checkboxes
                  name="measures1"
                  small
                  items={[{ value: 'yes', text: t('appeals.staff.answer.measures') }]}
                  values={valuesFor('answer').measures1 ? ['yes'] : []}
                  errors={errorsFor('answer')}
                />
              )}
              <FileUpload
                name="answerFiles"
                label={t('appeals.staff.answer.files')}
                hint={t('files.hint.rules', {
                  kinds: 'PDF, DOCX, JPEG, PNG',
                  count: ATTACHMENT_RULES.maxFiles,
                  size: formatBytes(ATTACHMENT_RULES.maxBytes, locale),
                })}
                errors={errorsFor('answer')}
                multiple
                accept=".pdf,.docx,.jpg,.jpeg,.png"
              />
              {data.signature ? (
                <SummaryList
                  rows={[
                    {
                      key: t('appeals.staff.answer.signature'),
                      value: (
                        <>
                          {data.signature.position}
                          <br />
                          {data.signature.name}
                        </>
                      ),
                      actions: [
                        {
                          href: '/cabinet/position',
                          text: t('appeals.staff.answer.changePosition'),
                        },
                      ],
                    },
                  ]}
                />
              ) : (
                <WarningText>
                  {t('appeals.staff.answer.noPosition')}{' '}
                  <a class="govuk-link" href="/cabinet/position">
                    {t('appeals.staff.answer.setPosition')}
                  </a>
                </WarningText>
              )}
              <Button>{t('appeals.staff.answer.submit')}</Button>
            </Form>
          ) : (
            <Form action={`/manage/appeals/${a.id}/draft`}>
              <TemplatePicker data={data} state={state?.action === 'draft' ? state : null} />
              <Textarea
                name="draftText"
                label={t('appeals.staff.answer.draft')}
                hint={t('appeals.staff.answer.draftHint')}
                value={valuesFor('draft').draftText ?? draft?.text}
                errors={errorsFor('draft')}
                rows={10}
              />
              <Button variant="secondary">{t('appeals.staff.answer.saveDraft')}</Button>
            </Form>
          )}

          {complaint && a.complainedOrgId !== a.orgId && (
            <>
              <h3 class="govuk-heading-m" id="return">
                {t('appeals.staff.return.title')}
              </h3>
              <p class="govuk-body">{t('appeals.staff.return.lead')}</p>
              <Form action={`/manage/appeals/${a.id}/return`}>
                {complainedPicker('return')}
                <Textarea
                  name="returnReason"
                  label={t('appeals.staff.return.reason')}
                  hint={t('appeals.staff.return.reasonHint')}
                  value={valuesFor('return').returnReason}
                  errors={errorsFor('return')}
                  rows={3}
                />
                <Button variant="secondary">{t('appeals.staff.return.submit')}</Button>
              </Form>
            </>
          )}
          <h3 class="govuk-heading-m" id="leave">
            {t('appeals.staff.leave.title')}
          </h3>
          <Details summary={t('appeals.staff.leave.open')}>
            <Form action={`/manage/appeals/${a.id}/leave`}>
              <Radios
                name="reason"
                legend={t('appeals.staff.leave.reason')}
                legendSize="s"
                value={valuesFor('leave').reason}
                errors={errorsFor('leave')}
                items={(a.type === 'media_request'
                  ? mediaRefusalReasons
                  : a.type === 'info_request'
                    ? refusalReasons
                    : withoutAnswerReasons
                ).map((r) => ({
                  value: r,
                  text: t(`${refusalPrefix(a.type)}.${r}`),
                  hint: refusalPrefix(a.type) === 'appeals.wa' ? t(`appeals.wa.${r}.hint`) : undefined,
                }))}
              />
              {refusalPrefix(a.type) === 'appeals.wa' && (
                <>
                  <TextInput
                    name="link"
                    type="url"
                    label={t('appeals.staff.leave.link')}
                    value={valuesFor('leave').link}
                    errors={errorsFor('leave')}
                    spellcheck={false}
                  />
                  <TextInput
                    name="crimeReportTo"
                    label={t('appeals.staff.leave.crimeReportTo')}
                    hint={t('appeals.staff.leave.crimeReportToHint')}
                    value={valuesFor('leave').crimeReportTo}
                    errors={errorsFor('leave')}
                  />
                  <Checkboxes
                    name="addressUnreadable"
                    small
                    items={[{ value: 'yes', text: t('appeals.staff.leave.addressUnreadable') }]}
                    values={valuesFor('leave').addressUnreadable ? ['yes'] : []}
                    errors={errorsFor('leave')}
                  />
                </>
              )}
              <Textarea
                name="comment"
                label={t('appeals.staff.leave.comment')}
                value={valuesFor('leave').comment}
                errors={errorsFor('leave')}
                rows={3}
              />
              <Button variant="warning">{t('appeals.staff.leave.submit')}</Button>
            </Form>
          </Details>
        </>
      )}
    </>
  );
}
