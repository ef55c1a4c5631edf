import { formatDateTime } from '../calendar/format.ts';
import type { FieldError } from '../errors/index.ts';
import type { outbox } from '../mail/mail.tables.ts';
import {
  BackLink,
  Button,
  ButtonGroup,
  ErrorSummary,
  Form,
  InsetText,
  Pagination,
  SummaryList,
  Table,
  Tag,
} from '../ui/components.tsx';
import { useView } from '../ui/context.ts';
import { Select, TextInput } from '../ui/fields.tsx';

type Message = typeof outbox.$inferSelect;
type ListedMessage = Omit<Message, 'textBody' | 'htmlBody'>;

function Status({ m }: { m: ListedMessage }) {
  const { t, locale } = useView();
  if (m.sentAt)
    return (
      <Tag colour="green">
        {t('manage.outbox.status.sent')}{' '}
        <span class="govuk-visually-hidden">{formatDateTime(m.sentAt, locale, { seconds: true })}</span>
      </Tag>
    );
  if (m.lastError) return <Tag colour="red">{t('manage.outbox.status.failed')}</Tag>;
  return <Tag colour="grey">{t('manage.outbox.status.unsent')}</Tag>;
}

export type OutboxListProps = {
  values: Record<string, string>;
  errors: FieldError[];
  rows: ListedMessage[];
  page: number;
  more: boolean;
  pageSize: number;
  smtp: boolean;
  href: (page: number) => string;
};

/** /manage/outbox: every message the portal wrote, newest first, and whether it went out. */
export function OutboxList(p: OutboxListProps) {
  const { t, locale } = useView();
  const first = (p.page - 1) * p.pageSize + 1;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1 class="govuk-heading-l">{t('manage.outbox.title')}</h1>
      {!p.smtp && <InsetText>{t('manage.outbox.noSmtp')}</InsetText>}
      <Form action="/manage/outbox" method="get">
        <h2 class="govuk-heading-m">{t('manage.filters.title')}</h2>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <TextInput
              name="to"
              label={t('manage.outbox.to')}
              hint={t('manage.outbox.to.hint')}
              value={p.values.to}
              errors={p.errors}
              spellcheck={false}
            />
          </div>
          <div class="govuk-grid-column-one-half">
            <Select
              name="status"
              label={t('manage.outbox.status')}
              value={p.values.status ?? ''}
              errors={p.errors}
              items={[
                { value: '', text: t('manage.outbox.status.any') },
                { value: 'unsent', text: t('manage.outbox.status.unsent') },
                { value: 'sent', text: t('manage.outbox.status.sent') },
              ]}
            />
          </div>
        </div>
        <ButtonGroup>
          <Button>{t('manage.filters.apply')}</Button>
          <a class="govuk-link" href="/manage/outbox">
            {t('manage.filters.reset')}
          </a>
        </ButtonGroup>
      </Form>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('manage.nothing')}</p>
      ) : (
        <Table
          caption={t('manage.shown', { from: first, to: first + p.rows.length - 1 })}
          captionSize="s"
          head={[
            { text: t('manage.outbox.col.created') },
            { text: t('manage.outbox.col.to') },
            { text: t('manage.outbox.col.subject') },
            { text: t('manage.outbox.col.kind') },
            { text: t('manage.outbox.col.status') },
            { text: t('manage.outbox.col.attempts'), numeric: true },
            { text: t('manage.outbox.col.error') },
          ]}
          rows={p.rows.map((m) => [
            <time key="at" dateTime={m.createdAt.toISOString()}>
              {formatDateTime(m.createdAt, locale, { seconds: true })}
            </time>,
            m.toAddress,
            <a key="subject" class="govuk-link" href={`/manage/outbox/${m.id}`}>
              {m.subject}
            </a>,
            <code key="kind">{m.kind}</code>,
            <Status key="status" m={m} />,
            { content: String(m.attempts), numeric: true },
            m.lastError ? <span class="govuk-!-font-size-16">{m.lastError}</span> : '',
          ])}
        />
      )}
      {(p.page > 1 || p.more) && (
        <Pagination
          previous={p.page > 1 ? { href: p.href(p.page - 1), text: t('manage.pagination.newer') } : undefined}
          next={p.more ? { href: p.href(p.page + 1), text: t('manage.pagination.older') } : undefined}
        />
      )}
    </>
  );
}

/** One message as it was written: the plain-text part (the HTML part is never rendered here). */
export function OutboxMessage({ m }: { m: Message }) {
  const { t, locale } = useView();
  const paragraphs = m.textBody.split(/\r?\n\s*\r?\n/);
  return (
    <>
      <BackLink href="/manage/outbox">{t('manage.outbox.back')}</BackLink>
      <h1 class="govuk-heading-l">{m.subject}</h1>
      <SummaryList
        rows={[
          { key: t('manage.outbox.col.to'), value: m.toAddress },
          { key: t('manage.outbox.col.kind'), value: <code>{m.kind}</code> },
          {
            key: t('manage.outbox.col.created'),
            value: formatDateTime(m.createdAt, locale, { seconds: true }),
          },
          { key: t('manage.outbox.col.status'), value: <Status m={m} /> },
          ...(m.sentAt
            ? [
                {
                  key: t('manage.outbox.col.sent'),
                  value: formatDateTime(m.sentAt, locale, { seconds: true }),
                },
              ]
            : []),
          { key: t('manage.outbox.col.attempts'), value: String(m.attempts) },
          ...(m.lastError ? [{ key: t('manage.outbox.col.error'), value: m.lastError }] : []),
        ]}
      />
      <h2 class="govuk-heading-m">{t('manage.outbox.message.text')}</h2>
      {paragraphs.map((para, i) => (
        <p class="govuk-body" key={i}>
          {para.split(/\r?\n/).map((line, j) => (
            <>
              {j > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}
