import { formatDate, formatDateTime } from '../../../../platform/calendar/format.ts';
import type { FormState } from '../../../../platform/http/form-page.ts';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Form,
  InsetText,
  Radios,
  Select,
  Tag,
  Textarea,
  useView,
} from '../../../../platform/ui/index.ts';
import { FollowLinks } from '../../../search/index.ts';
import type { CommentView, DiscussionView } from '../get-discussion.ts';

/** Plain text as paragraphs: markup a person typed stays text (Preact escapes it). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n|\r?\n/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p class="govuk-body" key={i}>
            {p}
          </p>
        ))}
    </>
  );
}

export const commentPath = (discussionId: string, commentId: string) =>
  `/discussions/${discussionId}/comments/${commentId}`;

/** The name shown for an author: the body for an official answer, the name with consent, else «участник №N». */
export function AuthorName({ c, orgName }: { c: CommentView | (CommentView & object); orgName: string }) {
  const { t } = useView();
  if (c.official) return <>{orgName}</>;
  return <>{c.shownName ?? t('disc.participant', { n: c.authorNumber })}</>;
}

function CommentItem({ c, v }: { c: CommentView; v: DiscussionView }) {
  const { t, locale } = useView();
  const d = v.discussion;
  const orgName = locale === 'en' ? (v.org.nameEn ?? v.org.nameRu) : v.org.nameRu;
  const anchor = c.anchorId ? d.anchors.find((a) => a.id === c.anchorId) : undefined;
  return (
    <li class="disc-comment govuk-!-margin-bottom-6" id={`comment-${c.id}`}>
      <article aria-labelledby={`comment-${c.id}-author`}>
        <p class="govuk-body-s disc-comment__meta">
          <strong id={`comment-${c.id}-author`}>
            <AuthorName c={c} orgName={orgName} />
          </strong>{' '}
          {c.official && <Tag colour="green">{t('disc.official')}</Tag>}{' '}
          {c.position && c.status !== 'hidden' && (
            <Tag colour={c.position === 'for' ? 'teal' : c.position === 'against' ? 'orange' : 'grey'}>
              {t(`disc.position.${c.position}`)}
            </Tag>
          )}{' '}
          {c.status === 'pending' && <Tag colour="yellow">{t('disc.pending')}</Tag>}{' '}
          {c.inOutcome && <Tag colour="purple">{t('disc.inOutcome')}</Tag>}
          <br />
          <time datetime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt, locale)}</time>
          {anchor && c.status !== 'hidden' && <> · {t('disc.anchorLabel', { label: anchor.label })}</>}
          {c.editedAt && c.status !== 'hidden' && (
            <>
              {' · '}
              <a class="govuk-link" href={`${commentPath(d.id, c.id)}/history`}>
                {t('disc.edited')}
              </a>
            </>
          )}
        </p>
        {c.status === 'hidden' ? (
          <div class="govuk-inset-text disc-comment__hidden">
            {t('disc.hidden', { reason: c.hiddenReason ?? '' })}
          </div>
        ) : (
          <>
            {c.wording && (
              <div class="disc-comment__wording" data-wording>
                <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{t('disc.wording')}</p>
                <blockquote class="govuk-inset-text govuk-!-margin-top-0">
                  <Paragraphs text={c.wording} />
                </blockquote>
              </div>
            )}
            {c.wording && (
              <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                {t('disc.justification')}
              </p>
            )}
            <Paragraphs text={c.text} />
          </>
        )}
        <ul class="govuk-list govuk-body-s govuk-!-margin-bottom-0 disc-comment__actions">
          {c.canEdit && (
            <li>
              <a class="govuk-link" href={`${commentPath(d.id, c.id)}/edit`}>
                {t('disc.action.edit')}
              </a>
            </li>
          )}
          {!c.parentId && c.status === 'published' && v.state === 'open' && (
            <li>
              <a class="govuk-link" href={`${commentPath(d.id, c.id)}/reply`}>
                {t('disc.action.reply')}
              </a>
            </li>
          )}
          {c.status === 'published' && !c.mine && (
            <li>
              <a class="govuk-link" href={`${commentPath(d.id, c.id)}/report`}>
                {t('disc.action.report')}
              </a>
            </li>
          )}
          {v.canModerate && (
            <li>
              <a class="govuk-link" href={`/manage${commentPath(d.id, c.id)}`}>
                {t('disc.action.moderate')}
              </a>
            </li>
          )}
        </ul>
      </article>
      {c.replies.length > 0 && (
        <ol
          class="govuk-list disc-comments disc-comments--replies govuk-!-padding-left-6 govuk-!-margin-top-4"
          aria-label={t('disc.replies')}
        >
          {c.replies.map((r) => (
            <CommentItem key={r.id} c={r} v={v} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** Why the viewer cannot comment, in words, with the way forward. */
function Blocker({ v }: { v: DiscussionView }) {
  const { t, url, locale } = useView();
  const b = v.blocker;
  if (!b) return null;
  if (b === 'signIn')
    return (
      <p class="govuk-body">
        <a class="govuk-link" href={`/sign-in?next=${encodeURIComponent(url)}`}>
          {t('disc.blocker.signIn.link')}
        </a>
        {t('disc.blocker.signIn.rest')}
      </p>
    );
  if (b === 'notOpen')
    return (
      <p class="govuk-body">
        {t('disc.blocker.notOpenOn', { date: formatDate(v.discussion.opensAt, locale) })}
      </p>
    );
  if (b === 'banned' && v.bannedUntil)
    return (
      <p class="govuk-body">
        {t('disc.blocker.bannedUntil', { date: formatDateTime(v.bannedUntil, locale) })}
      </p>
    );
  return <p class="govuk-body">{t(`disc.blocker.${b}`)}</p>;
}

/** The comment form; its POST lives in participation (/discussions/<id>/comments). */
export function CommentForm({
  v,
  form,
  parentId,
}: {
  v: DiscussionView;
  form?: FormState | undefined;
  parentId?: string | undefined;
}) {
  const { t } = useView();
  const d = v.discussion;
  const values = form?.values ?? {};
  const errors = form?.errors ?? [];
  const reply = parentId ?? values.parentId;
  return (
    <Form action={`/discussions/${d.id}/comments`} id="comment-form">
      <ErrorSummary errors={errors} />
      {reply && <input type="hidden" name="parentId" value={reply} />}
      {values.back && <input type="hidden" name="back" value={values.back} />}
      {!reply && d.anchors.length > 0 && (
        <Select
          name="anchor"
          label={t('disc.form.anchor')}
          items={[
            { value: '', text: t('disc.form.anchor.whole') },
            ...d.anchors.map((a) => ({ value: a.id, text: a.label })),
          ]}
          value={values.anchor}
          errors={errors}
        />
      )}
      {!reply && (
        <Radios
          name="position"
          legend={d.positionRequired ? t('disc.form.position') : t('disc.form.positionOptional')}
          legendSize="s"
          inline
          small
          items={(['for', 'against', 'neutral'] as const).map((p) => ({
            value: p,
            text: t(`disc.position.${p}`),
          }))}
          value={values.position}
          errors={errors}
        />
      )}
      {!reply && d.wordingField && (
        <Textarea
          name="wording"
          label={t('disc.form.wording')}
          hint={t('disc.form.wording.hint')}
          rows={5}
          value={values.wording}
          errors={errors}
        />
      )}
      <Textarea
        name="text"
        label={
          reply
            ? t('disc.form.replyText')
            : d.wordingField
              ? t('disc.form.justification')
              : t('disc.form.text')
        }
        hint={!reply && d.wordingField ? t('disc.form.justification.hint') : t('disc.form.text.hint')}
        rows={5}
        value={values.text}
        errors={errors}
      />
      {!v.participant?.nameConsent && (
        <Checkboxes
          name="showName"
          small
          items={[{ value: 'yes', text: t('disc.form.showName'), hint: t('disc.form.showName.hint') }]}
          values={values.showName}
          errors={errors}
        />
      )}
      {v.canAnswerOfficially && (
        <Checkboxes
          name="official"
          small
          items={[{ value: 'yes', text: t('disc.form.official') }]}
          values={values.official}
          errors={errors}
        />
      )}
      <Button>{reply ? t('disc.form.submitReply') : t('disc.form.submit')}</Button>
    </Form>
  );
}

/**
 * The discussion as an owner's page shows it (a draft, a plan, a topic): the
 * dates and rules on top, the outcome, the comments with their replies, and
 * the form or the reason there is none.
 */
export function DiscussionSection({ view: v, form }: { view: DiscussionView; form?: FormState | undefined }) {
  const { t, locale } = useView();
  const d = v.discussion;
  return (
    <section class="disc" id="discussion" aria-labelledby="discussion-title">
      <h2 class="govuk-heading-l" id="discussion-title">
        {t('disc.section.title')}
      </h2>
      <p class="govuk-body">
        {t(`disc.state.${v.state}`, {
          opens: formatDate(d.opensAt, locale),
          closes: formatDate(d.closesAt, locale),
        })}{' '}
        {t(d.moderation === 'pre' ? 'disc.moderation.pre' : 'disc.moderation.post')}
        {d.identificationRequired && <> {t('disc.identificationRequired')}</>}
      </p>
      <FollowLinks kind="discussion" id={d.id} />
      <InsetText>
        {d.rules && <Paragraphs text={d.rules} />}
        <p class="govuk-body">
          <a class="govuk-link" href="/discussions/rules">
            {t('disc.rules.link')}
          </a>
        </p>
      </InsetText>
      {d.outcome && (
        <div class="govuk-inset-text disc-outcome" id="outcome">
          <h3 class="govuk-heading-m">{t('disc.outcome.title')}</h3>
          <Paragraphs text={d.outcome} />
          {d.outcomeCommentIds.length > 0 && (
            <>
              <p class="govuk-body">{t('disc.outcome.cites')}</p>
              <ul class="govuk-list govuk-list--bullet">
                {d.outcomeCommentIds.map((id, i) => (
                  <li key={id}>
                    <a class="govuk-link" href={`#comment-${id}`}>
                      {t('disc.outcome.commentLink', { n: i + 1 })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {v.canWriteOutcome && (
        <p class="govuk-body">
          <a class="govuk-link" href={`/manage/discussions/${d.id}/outcome`}>
            {t(d.outcome ? 'disc.outcome.edit' : 'disc.outcome.write')}
          </a>
        </p>
      )}
      <h3 class="govuk-heading-m">{t('disc.comments.count', { n: v.publishedCount })}</h3>
      {v.comments.length === 0 ? (
        <p class="govuk-body">{t('disc.comments.none')}</p>
      ) : (
        <ol class="govuk-list disc-comments">
          {v.comments.map((c) => (
            <CommentItem key={c.id} c={c} v={v} />
          ))}
        </ol>
      )}
      <h3 class="govuk-heading-m" id="comment-form-title">
        {t('disc.form.title')}
      </h3>
      {v.blocker ? <Blocker v={v} /> : <CommentForm v={v} form={form} />}
    </section>
  );
}
