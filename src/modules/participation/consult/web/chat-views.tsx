import { isSignedIn } from '../../../../platform/authz/index.ts';
import { formatDateTime } from '../../../../platform/calendar/format.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import {
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Table,
  Tag,
  Textarea,
  TextInput,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import type { OrgRow } from '../../../orgs/index.ts';
import type { ChatHours } from '../consult.input.ts';
import type { ChatMessageRow, ConversationRow } from '../consult.repository.ts';
import { orgName } from './common.tsx';

type Values = Record<string, string>;

export const conversationPath = (slug: string, id: string) => `/orgs/${slug}/chat/${id}`;

function StatusTag({ status }: { status: string }) {
  const { t } = useView();
  const colour = status === 'waiting' ? 'yellow' : status === 'answered' ? 'green' : 'grey';
  return <Tag colour={colour}>{t(`chat.status.${status}`)}</Tag>;
}

/** /orgs/<slug>/chat: the hours, whether the consultant is on duty, the form (enhanced into a chat by the script). */
export function ChatStartView({
  org,
  hours,
  open,
  mine,
  values,
  errors,
}: {
  org: OrgRow;
  hours: ChatHours;
  open: boolean;
  mine: ConversationRow[];
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale, actor, url } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('chat.title')}</h1>
      <p class="govuk-body">{t('chat.hours', { opens: hours.opens, closes: hours.closes })}</p>
      <InsetText id="chat-state">{t(open ? 'chat.open' : 'chat.closed')}</InsetText>
      {isSignedIn(actor) ? (
        <div data-module="app-chat" data-open={open ? 'true' : 'false'}>
          <Form action={`/orgs/${org.slug}/chat`}>
            <input type="hidden" name="via" value="email" data-chat-via="" />
            <Textarea
              name="message"
              label={t('chat.message.label')}
              hint={t('chat.message.hint', { email: actor.email })}
              value={values.message}
              errors={errors}
              rows={5}
            />
            <Button>{t('chat.send')}</Button>
          </Form>
        </div>
      ) : (
        <p class="govuk-body">
          <a class="govuk-link" href={`/sign-in?next=${encodeURIComponent(url)}`}>
            {t('chat.signIn')}
          </a>
        </p>
      )}
      {mine.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('chat.mine')}</h2>
          <ul class="govuk-list">
            {mine.map((c) => (
              <li key={c.id}>
                <a class="govuk-link" href={conversationPath(org.slug, c.id)}>
                  {formatDateTime(c.createdAt, locale)}
                </a>{' '}
                <StatusTag status={c.status} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`/orgs/${org.slug}/consultations`}>
          {t('consult.list.title')}
        </a>
      </p>
    </>
  );
}

function MessageLog({ messages }: { messages: ChatMessageRow[] }) {
  const { t, locale } = useView();
  return (
    <ol class="govuk-list app-chat-log" id="chat-log" aria-live="polite">
      {messages.map((m) => (
        <li key={m.id} class="govuk-!-margin-bottom-4" data-id={m.id}>
          <p class="govuk-body-s govuk-!-margin-bottom-1">
            <strong>{t(m.fromStaff ? 'chat.from.staff' : 'chat.from.you')}</strong>,{' '}
            {formatDateTime(m.createdAt, locale)}
          </p>
          <p class="govuk-body">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}

/** /orgs/<slug>/chat/<id>: the person's conversation; the script polls for the consultant's answer. */
export function ConversationView({
  org,
  conversation,
  messages,
  values,
  errors,
}: {
  org: OrgRow;
  conversation: ConversationRow;
  messages: ChatMessageRow[];
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const path = conversationPath(org.slug, conversation.id);
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('chat.conversation')}</h1>
      <p class="govuk-body">
        <StatusTag status={conversation.status} />
      </p>
      <InsetText>
        {t(conversation.channel === 'chat' ? 'chat.channel.chat' : 'chat.channel.email', {
          email: conversation.email,
        })}
      </InsetText>
      <div data-module="app-chat-log" data-src={`${path}/messages`}>
        <MessageLog messages={messages} />
      </div>
      {conversation.status !== 'closed' && (
        <Form action={path}>
          <Textarea name="message" label={t('chat.more')} value={values.message} errors={errors} rows={3} />
          <Button variant="secondary">{t('chat.send')}</Button>
        </Form>
      )}
    </>
  );
}

/** /manage/chat: waiting counts per body and the open conversations, waiting first. */
export function ChatQueueView({
  conversations,
  counts,
  orgs,
}: {
  conversations: ConversationRow[];
  counts: { orgId: string; waiting: number }[];
  orgs: Map<string, OrgRow>;
}) {
  const { t, locale } = useView();
  const name = (id: string) => (orgs.get(id) ? orgName(orgs.get(id) as OrgRow, locale) : '');
  const total = counts.reduce((s, c) => s + c.waiting, 0);
  return (
    <>
      <h1 class="govuk-heading-xl">{t('chat.manage.title')}</h1>
      <p class="govuk-body-l" id="chat-waiting-total">
        {t('chat.manage.waiting', { n: total })}
      </p>
      {counts.length > 0 && (
        <Table
          caption={t('chat.manage.byOrg')}
          captionSize="s"
          head={[{ text: t('chat.manage.org') }, { text: t('chat.manage.waitingCol'), numeric: true }]}
          rows={counts.map((c) => [name(c.orgId), { content: String(c.waiting), numeric: true }])}
        />
      )}
      {conversations.length === 0 ? (
        <p class="govuk-body">{t('chat.manage.none')}</p>
      ) : (
        <Table
          caption={t('chat.manage.open')}
          captionSize="s"
          head={[
            { text: t('chat.manage.last') },
            { text: t('chat.manage.org') },
            { text: t('chat.manage.channel') },
            { text: t('chat.manage.status') },
          ]}
          rows={conversations.map((c) => [
            <a class="govuk-link" href={`/manage/chat/${c.id}`} key="l">
              {formatDateTime(c.lastMessageAt, locale)}
            </a>,
            name(c.orgId),
            t(`chat.channelShort.${c.channel}`),
            <StatusTag key="s" status={c.status} />,
          ])}
        />
      )}
      {[...orgs.values()].length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('chat.manage.hoursTitle')}</h2>
          <ul class="govuk-list">
            {[...orgs.values()].map((o) => (
              <li key={o.id}>
                <a class="govuk-link" href={`/manage/chat/hours/${o.slug}`}>
                  {orgName(o, locale)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** /manage/chat/<id>: the conversation and the consultant's answer. */
export function ChatAnswerView({
  conversation,
  messages,
  values,
  errors,
}: {
  conversation: ConversationRow;
  messages: ChatMessageRow[];
  values: Values;
  errors: FieldError[];
}) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('chat.conversation')}</h1>
      <p class="govuk-body">
        <StatusTag status={conversation.status} /> {t(`chat.channelShort.${conversation.channel}`)}
      </p>
      <MessageLog messages={messages} />
      {conversation.status !== 'closed' && (
        <>
          <Form action={`/manage/chat/${conversation.id}`}>
            <Textarea
              name="message"
              label={t('chat.answer.label')}
              hint={t(conversation.channel === 'email' ? 'chat.answer.hintEmail' : 'chat.answer.hintChat')}
              value={values.message}
              errors={errors}
              rows={6}
            />
            <Button>{t('chat.answer.send')}</Button>
          </Form>
          <Form action={`/manage/chat/${conversation.id}/close`}>
            <Button variant="secondary">{t('chat.answer.close')}</Button>
          </Form>
        </>
      )}
    </>
  );
}

/** /manage/chat/hours/<slug> */
export function ChatHoursView({
  org,
  values,
  errors,
}: {
  org: OrgRow;
  values: Values;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('chat.manage.hoursTitle')}</h1>
      <p class="govuk-body">{t('chat.manage.hoursLead')}</p>
      <Form action={`/manage/chat/hours/${org.slug}`}>
        <TextInput
          name="opens"
          label={t('chat.hours.opensLabel')}
          hint={t('consult.form.timeHint')}
          value={values.opens}
          errors={errors}
          width="5"
        />
        <TextInput
          name="closes"
          label={t('chat.hours.closesLabel')}
          hint={t('consult.form.timeHint')}
          value={values.closes}
          errors={errors}
          width="5"
        />
        <Button>{t('consult.form.save')}</Button>
      </Form>
    </>
  );
}
