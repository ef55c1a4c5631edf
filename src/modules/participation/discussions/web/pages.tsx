import { formatDate, formatDateTime } from '../../../../platform/calendar/format.ts';
import type { FormState } from '../../../../platform/http/form-page.ts';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Form,
  Radios,
  Table,
  Tag,
  Textarea,
  TextInput,
  useView,
} from '../../../../platform/ui/index.ts';
import type { OrgRow } from '../../../orgs/index.ts';
import { TOPIC } from '../discussions.model.ts';
import type {
  CommentEditRow,
  CommentWithAuthor,
  DiscussionListItem,
  DiscussionRow,
  QueueItem,
} from '../discussions.repository.ts';
import type { CommentView, DiscussionView } from '../get-discussion.ts';
import { CommentForm, commentPath, DiscussionSection, Paragraphs } from './discussion-section.tsx';

export function orgTitle(org: Pick<OrgRow, 'nameRu' | 'nameEn'>, locale: string): string {
  return locale === 'en' ? (org.nameEn ?? org.nameRu) : org.nameRu;
}

/** Where a discussion is read: its owner's page, or its own for a standalone topic. */
export const discussionHref = (d: Pick<DiscussionRow, 'id' | 'ownerUrl'>) =>
  d.ownerUrl ?? `/discussions/${d.id}`;

/** /discussions and /orgs/<slug>/discussions */
export function DiscussionListView({
  items,
  org,
  orgs,
  now,
}: {
  items: DiscussionListItem[];
  org?: OrgRow | undefined;
  orgs: Map<string, OrgRow>;
  now: Date;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{org ? t('disc.list.orgTitle') : t('disc.list.title')}</h1>
      {org && <p class="govuk-body-l">{orgTitle(org, locale)}</p>}
      <p class="govuk-body">
        {t('disc.list.lead')}{' '}
        <a class="govuk-link" href="/discussions/rules">
          {t('disc.rules.link')}
        </a>
      </p>
      {items.length === 0 ? (
        <p class="govuk-body">{t('disc.list.none')}</p>
      ) : (
        <ul class="govuk-list">
          {items.map((d) => {
            const o = orgs.get(d.orgId);
            const state = now < d.opensAt ? 'upcoming' : now > d.closesAt ? 'closed' : 'open';
            return (
              <li key={d.id} class="govuk-!-margin-bottom-6">
                <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                  <a class="govuk-link" href={`/discussions/${d.id}`}>
                    {d.title}
                  </a>
                </h2>
                <p class="govuk-body-s govuk-!-margin-bottom-0">
                  <Tag colour={state === 'open' ? 'green' : 'grey'}>{t(`disc.list.state.${state}`)}</Tag>{' '}
                  {!org && o && <>{orgTitle(o, locale)} · </>}
                  {formatDate(d.opensAt, locale)} — {formatDate(d.closesAt, locale)} ·{' '}
                  {t('disc.list.comments', { n: d.comments })}
                  {d.outcome && <> · {t('disc.list.hasOutcome')}</>}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** /discussions/<id>: a topic with its text, or the discussion of another module's object with the link to it. */
export function DiscussionPageView({
  view: v,
  form,
}: {
  view: DiscussionView;
  form?: FormState | undefined;
}) {
  const { t, locale } = useView();
  const d = v.discussion;
  return (
    <>
      <span class="govuk-caption-l">{orgTitle(v.org, locale)}</span>
      <h1 class="govuk-heading-xl">{d.title}</h1>
      {d.objectType !== TOPIC && d.ownerUrl && (
        <p class="govuk-body">
          <a class="govuk-link" href={d.ownerUrl}>
            {t('disc.page.owner')}
          </a>
        </p>
      )}
      {d.description && <Paragraphs text={d.description} />}
      <DiscussionSection view={v} form={form} />
    </>
  );
}

/** /discussions/rules: the portal's published rules of discussion. */
export function RulesView() {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('disc.rules.title')}</h1>
      {[1, 2, 3, 4, 5, 6, 7].map((n) => (
        <p class="govuk-body" key={n}>
          {t(`disc.rules.p${n}`)}
        </p>
      ))}
    </>
  );
}

function QuotedComment({ c, org }: { c: CommentWithAuthor; org: OrgRow }) {
  const { t, locale } = useView();
  return (
    <div class="govuk-inset-text">
      <p class="govuk-body-s">
        <strong>
          {c.official ? orgTitle(org, locale) : (c.shownName ?? t('disc.participant', { n: c.authorNumber }))}
        </strong>
        {' · '}
        {formatDateTime(c.createdAt, locale)}
      </p>
      {c.status === 'hidden' ? (
        <p class="govuk-body">{t('disc.hidden', { reason: c.hiddenReason ?? '' })}</p>
      ) : (
        <Paragraphs text={c.text} />
      )}
    </div>
  );
}

/** …/comments/<id>/reply: the comment answered and the reply form. */
export function ReplyView({ view: v, parent }: { view: DiscussionView; parent: CommentView }) {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('disc.reply.title')}</h1>
      <QuotedComment c={parent} org={v.org} />
      {v.blocker ? (
        <p class="govuk-body">{t(`disc.blocker.${v.blocker}`)}</p>
      ) : (
        <CommentForm v={v} parentId={parent.id} />
      )}
    </>
  );
}

/** …/comments/<id>/edit */
export function EditView({
  discussion,
  comment,
  form,
}: {
  discussion: DiscussionRow;
  comment: CommentWithAuthor;
  form: FormState;
}) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <h1 class="govuk-heading-l">{t('disc.edit.title')}</h1>
      <p class="govuk-body">{t('disc.edit.lead', { minutes: discussion.editWindowMinutes })}</p>
      <Form action={`${commentPath(discussion.id, comment.id)}/edit`}>
        <Textarea
          name="text"
          label={t('disc.form.text')}
          rows={6}
          value={form.values.text}
          errors={form.errors}
        />
        <Button>{t('disc.edit.submit')}</Button>
      </Form>
    </>
  );
}

/** …/comments/<id>/history: every earlier text, oldest first, then the current one. */
export function HistoryView({
  discussion,
  org,
  comment,
  edits,
}: {
  discussion: DiscussionRow;
  org: OrgRow;
  comment: CommentWithAuthor;
  edits: CommentEditRow[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('disc.history.title')}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={`/discussions/${discussion.id}#comment-${comment.id}`}>
          {t('disc.history.back')}
        </a>
      </p>
      <ol class="govuk-list">
        {edits.map((e, i) => (
          <li key={e.id}>
            <h2 class="govuk-heading-s">
              {t('disc.history.version', { n: i + 1 })} ·{' '}
              {formatDateTime(
                i === 0 ? comment.createdAt : (edits[i - 1]?.editedAt ?? comment.createdAt),
                locale,
              )}
            </h2>
            <Paragraphs text={e.previousText} />
          </li>
        ))}
        <li>
          <h2 class="govuk-heading-s">
            {t('disc.history.current')} · {formatDateTime(comment.editedAt ?? comment.createdAt, locale)}
          </h2>
          <QuotedComment c={comment} org={org} />
        </li>
      </ol>
    </>
  );
}

/** …/comments/<id>/report */
export function ReportView({
  discussion,
  comment,
  org,
  form,
}: {
  discussion: DiscussionRow;
  comment: CommentWithAuthor;
  org: OrgRow;
  form: FormState;
}) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <h1 class="govuk-heading-l">{t('disc.report.title')}</h1>
      <QuotedComment c={comment} org={org} />
      <Form action={`${commentPath(discussion.id, comment.id)}/report`}>
        <Textarea
          name="reason"
          label={t('disc.report.reason')}
          hint={t('disc.report.reason.hint')}
          rows={3}
          value={form.values.reason}
          errors={form.errors}
        />
        <Button>{t('disc.report.submit')}</Button>
      </Form>
    </>
  );
}

/** /manage/discussions: the queue with its counts and the person's discussions. */
export function QueueView({
  items,
  counts,
  orgs,
  own,
  openable,
}: {
  items: QueueItem[];
  counts: { pending: number; reported: number };
  orgs: Map<string, OrgRow>;
  own: DiscussionListItem[];
  openable: OrgRow[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('disc.manage.title')}</h1>
      <p class="govuk-body" id="queue-counts">
        {t('disc.manage.counts', { pending: counts.pending, reported: counts.reported })}
      </p>
      <h2 class="govuk-heading-m">{t('disc.manage.queue')}</h2>
      {items.length === 0 ? (
        <p class="govuk-body">{t('disc.manage.queueEmpty')}</p>
      ) : (
        <Table
          label={t('disc.manage.queue')}
          head={[
            { text: t('disc.manage.col.comment') },
            { text: t('disc.manage.col.why') },
            { text: t('disc.manage.col.discussion') },
          ]}
          rows={items.map((i) => [
            <a class="govuk-link" href={`/manage${commentPath(i.discussion.id, i.comment.id)}`} key="a">
              {i.comment.text.length > 120 ? `${i.comment.text.slice(0, 120)}…` : i.comment.text}
            </a>,
            <span key="b">
              {i.comment.status === 'pending' &&
                (i.comment.spamSignals.length > 0
                  ? t('disc.manage.why.spam', {
                      signals: i.comment.spamSignals.map((s) => t(`disc.signal.${s}`)).join(', '),
                    })
                  : t('disc.manage.why.pre'))}
              {i.reports.length > 0 && <> {t('disc.manage.why.reports', { n: i.reports.length })}</>}
            </span>,
            <span key="c">
              {i.discussion.title}
              {orgs.get(i.discussion.orgId) && (
                <> ({orgTitle(orgs.get(i.discussion.orgId) as OrgRow, locale)})</>
              )}
            </span>,
          ])}
        />
      )}
      {openable.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('disc.manage.own')}</h2>
          <ul class="govuk-list">
            {openable.map((o) => (
              <li key={o.id}>
                <a class="govuk-link" href={`/manage/orgs/${o.slug}/discussions/new`}>
                  {t('disc.manage.openTopic', { org: orgTitle(o, locale) })}
                </a>
              </li>
            ))}
          </ul>
          <ul class="govuk-list govuk-list--bullet">
            {own.map((d) => (
              <li key={d.id}>
                <a class="govuk-link" href={`/discussions/${d.id}`}>
                  {d.title}
                </a>{' '}
                — {t('disc.list.comments', { n: d.comments })} ·{' '}
                <a class="govuk-link" href={`/manage/discussions/${d.id}/outcome`}>
                  {t(d.outcome ? 'disc.outcome.edit' : 'disc.outcome.write')}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** /manage/discussions/<id>/comments/<id>: the comment, its reports, and the decisions. */
export function ModerateView({
  discussion,
  org,
  comment,
  reports,
  form,
}: {
  discussion: DiscussionRow;
  org: OrgRow;
  comment: CommentWithAuthor;
  reports: { id: string; reason: string; createdAt: Date }[];
  form: FormState;
}) {
  const { t, locale } = useView();
  const base = `/manage${commentPath(discussion.id, comment.id)}`;
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <span class="govuk-caption-l">{discussion.title}</span>
      <h1 class="govuk-heading-l">{t('disc.moderate.title')}</h1>
      <p class="govuk-body">
        {t(`disc.status.${comment.status}`)}
        {comment.spamSignals.length > 0 &&
          ` · ${t('disc.moderate.spam', { score: comment.spamScore, signals: comment.spamSignals.map((s) => t(`disc.signal.${s}`)).join(', ') })}`}
      </p>
      <div class="govuk-inset-text">
        <p class="govuk-body-s">
          {comment.shownName ?? t('disc.participant', { n: comment.authorNumber })} ·{' '}
          {formatDateTime(comment.createdAt, locale)}
        </p>
        <Paragraphs text={comment.text} />
        {comment.hiddenReason && (
          <p class="govuk-body">{t('disc.hidden', { reason: comment.hiddenReason })}</p>
        )}
      </div>
      {reports.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('disc.moderate.reports')}</h2>
          <ul class="govuk-list govuk-list--bullet">
            {reports.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.createdAt, locale)}: {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {comment.status !== 'published' || reports.length > 0 ? (
        <Form action={`${base}/approve`}>
          <Button variant="secondary">
            {t(comment.status === 'published' ? 'disc.moderate.keep' : 'disc.moderate.approve')}
          </Button>
        </Form>
      ) : null}
      <h2 class="govuk-heading-m">{t('disc.moderate.hide')}</h2>
      <Form action={`${base}/hide`}>
        <TextInput
          name="reason"
          label={t('disc.moderate.reason')}
          hint={t('disc.moderate.reason.hint')}
          value={form.values.reason}
          errors={form.errors}
        />
        <Button variant="warning">{t('disc.moderate.hideSubmit')}</Button>
      </Form>
      {!comment.official && (
        <>
          <h2 class="govuk-heading-m">{t('disc.moderate.ban')}</h2>
          <Form action={`${base}/ban`}>
            <TextInput
              name="days"
              label={t('disc.moderate.days')}
              width="3"
              inputmode="numeric"
              value={form.values.days}
              errors={form.errors}
            />
            <TextInput
              name="banReason"
              label={t('disc.moderate.banReason')}
              value={form.values.banReason}
              errors={form.errors}
            />
            <Button variant="warning">{t('disc.moderate.banSubmit')}</Button>
          </Form>
        </>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`/discussions/${discussion.id}#comment-${comment.id}`}>
          {t('disc.moderate.inPlace', { org: orgTitle(org, locale) })}
        </a>
      </p>
    </>
  );
}

/** /manage/orgs/<slug>/discussions/new */
export function TopicFormView({ org, form }: { org: OrgRow; form: FormState }) {
  const { t, locale } = useView();
  const v = form.values;
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <span class="govuk-caption-l">{orgTitle(org, locale)}</span>
      <h1 class="govuk-heading-l">{t('disc.topic.title')}</h1>
      <Form action={`/manage/orgs/${org.slug}/discussions/new`}>
        <TextInput name="title" label={t('disc.topic.field.title')} value={v.title} errors={form.errors} />
        <Textarea
          name="description"
          label={t('disc.topic.field.description')}
          rows={8}
          value={v.description}
          errors={form.errors}
        />
        <Textarea
          name="rules"
          label={t('disc.topic.field.rules')}
          hint={t('disc.topic.field.rules.hint')}
          rows={3}
          value={v.rules}
          errors={form.errors}
        />
        <TextInput
          name="opensOn"
          label={t('disc.topic.field.opensOn')}
          hint={t('disc.date.hint')}
          width="10"
          value={v.opensOn}
          errors={form.errors}
        />
        <TextInput
          name="closesOn"
          label={t('disc.topic.field.closesOn')}
          hint={t('disc.date.hint')}
          width="10"
          value={v.closesOn}
          errors={form.errors}
        />
        <Radios
          name="moderation"
          legend={t('disc.topic.field.moderation')}
          legendSize="s"
          items={[
            { value: 'post', text: t('disc.topic.moderation.post') },
            { value: 'pre', text: t('disc.topic.moderation.pre') },
          ]}
          value={v.moderation}
          errors={form.errors}
        />
        <Checkboxes
          name="positionRequired"
          small
          items={[{ value: 'yes', text: t('disc.topic.field.positionRequired') }]}
          values={v.positionRequired}
          errors={form.errors}
        />
        <Checkboxes
          name="identificationRequired"
          small
          items={[{ value: 'yes', text: t('disc.topic.field.identificationRequired') }]}
          values={v.identificationRequired}
          errors={form.errors}
        />
        <Button>{t('disc.topic.submit')}</Button>
      </Form>
    </>
  );
}

/** /manage/discussions/<id>/outcome */
export function OutcomeFormView({
  discussion,
  comments,
  form,
}: {
  discussion: DiscussionRow;
  comments: CommentWithAuthor[];
  form: FormState;
}) {
  const { t } = useView();
  const published = comments.filter((c) => c.status === 'published' && !c.official);
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <span class="govuk-caption-l">{discussion.title}</span>
      <h1 class="govuk-heading-l">{t('disc.outcome.formTitle')}</h1>
      <Form action={`/manage/discussions/${discussion.id}/outcome`}>
        <Textarea
          name="outcome"
          label={t('disc.outcome.field')}
          hint={t('disc.outcome.field.hint')}
          rows={8}
          value={form.values.outcome}
          errors={form.errors}
        />
        {published.length > 0 && (
          <Checkboxes
            name="comments"
            legend={t('disc.outcome.field.comments')}
            legendSize="s"
            small
            items={published.map((c) => ({
              value: c.id,
              text: `${c.shownName ?? t('disc.participant', { n: c.authorNumber })}: ${c.text.length > 160 ? `${c.text.slice(0, 160)}…` : c.text}`,
            }))}
            values={form.values.comments}
            errors={form.errors}
          />
        )}
        <Button>{t('disc.outcome.submit')}</Button>
      </Form>
    </>
  );
}
