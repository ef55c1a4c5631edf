import { formatDateTime, formatLocalDate } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { formatBytes } from '../../../platform/files/index.ts';
import {
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Pagination,
  Panel,
  Radios,
  SummaryList,
  Table,
  Tag,
  type TagColour,
  Textarea,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import '../obstruction.messages.ts';
import type { OrgRow } from '../../orgs/index.ts';
import type { AppealStatus } from '../appeals.model.ts';
import type { AppealRow, AttachmentWithFile, EventWithNotice } from '../appeals.repository.ts';
import { statusPath } from '../format.ts';
import type { OwnAppeal } from '../get-own-appeals.ts';
import { CabinetActions } from './cabinet-actions.tsx';

const statusColour: Record<AppealStatus, TagColour> = {
  registered: 'blue',
  in_review: 'teal',
  forwarded: 'purple',
  extended: 'yellow',
  awaiting_signature: 'teal',
  answer_signed: 'teal',
  sent: 'green',
  closed: 'grey',
  left_without_answer: 'orange',
  returned: 'orange',
  withdrawn: 'grey',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useView();
  return <Tag colour={statusColour[status as AppealStatus] ?? 'grey'}>{t(`appeals.status.${status}`)}</Tag>;
}

function orgLabel(org: OrgRow | undefined, locale: string): string {
  if (!org) return '—';
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

const OPEN = new Set(['registered', 'in_review', 'extended', 'awaiting_signature', 'answer_signed']);

/** «Осталось рабочих дней: 12», «Срок истекает сегодня» or «Срок прошёл …», for an appeal still owed an answer. */
export function DaysLeft({
  appeal,
  daysLeft,
}: {
  appeal: Pick<AppealRow, 'status' | 'dueProvisional'>;
  daysLeft: number;
}) {
  const { t } = useView();
  if (!OPEN.has(appeal.status)) return null;
  const text =
    daysLeft > 0
      ? t('appeals.cabinet.daysLeft', { n: daysLeft })
      : daysLeft === 0
        ? t('appeals.cabinet.dueToday')
        : t('appeals.cabinet.overdue', { n: -daysLeft });
  return (
    <>
      <br />
      <span class="govuk-body-s">{text}</span>
      {appeal.dueProvisional && (
        <>
          <br />
          <span class="govuk-body-s">{t('appeals.cabinet.provisional')}</span>
        </>
      )}
    </>
  );
}

export type DraftItem = { id: string; updatedAt: Date; orgName: string | null; subject: string };

/** Her drafts: when saved, to whom and about what, «Продолжить» and «Удалить». */
function DraftList({ drafts }: { drafts: DraftItem[] }) {
  const { t, locale } = useView();
  return (
    <section aria-labelledby="drafts-title">
      <h2 class="govuk-heading-m" id="drafts-title">
        {t('appeals.drafts.title')}
      </h2>
      <Table
        label={t('appeals.drafts.title')}
        head={[
          { text: t('appeals.drafts.updated') },
          { text: t('appeals.drafts.what') },
          { text: t('appeals.drafts.actions') },
        ]}
        rows={drafts.map((d) => [
          formatDateTime(d.updatedAt, locale),
          <span key="w">
            {d.orgName ?? t('appeals.drafts.noAddressee')}
            {d.subject && (
              <>
                <br />
                <span class="govuk-body-s">{d.subject}</span>
              </>
            )}
          </span>,
          <span key="a">
            <a class="govuk-link" href={`/appeals/drafts/${d.id}`}>
              {t('appeals.drafts.continue')}
              <span class="govuk-visually-hidden">: {d.orgName ?? d.subject}</span>
            </a>
            <Form action={`/appeals/drafts/${d.id}/delete`}>
              <Button variant="secondary" classes="govuk-!-margin-bottom-0 govuk-!-margin-top-2">
                {t('appeals.drafts.delete')}
              </Button>
            </Form>
          </span>,
        ])}
      />
    </section>
  );
}

/** /cabinet/appeals: number, addressee, status, deadline and working days left. */
export function CabinetListView({
  rows,
  total,
  page,
  pageSize,
  daysLeft,
  drafts = [],
}: {
  rows: (AppealRow & { org: OrgRow | undefined })[];
  total: number;
  page: number;
  pageSize: number;
  daysLeft: Map<string, number>;
  drafts?: DraftItem[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('appeals.cabinet.title')}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href="/appeals/new">
          {t('appeals.cabinet.new')}
        </a>
      </p>
      {drafts.length > 0 && <DraftList drafts={drafts} />}
      {rows.length === 0 ? (
        <p class="govuk-body">{t('appeals.cabinet.empty')}</p>
      ) : (
        <Table
          label={t('appeals.cabinet.title')}
          head={[
            { text: t('appeals.cabinet.number') },
            { text: t('appeals.cabinet.addressee') },
            { text: t('appeals.cabinet.registered') },
            { text: t('appeals.cabinet.status') },
            { text: t('appeals.cabinet.due') },
          ]}
          rows={rows.map((a) => [
            <a key="n" class="govuk-link" href={statusPath(a.number)}>
              {a.number}
              <span class="govuk-visually-hidden">, {t(`appeals.type.${a.type}`)}</span>
            </a>,
            <span key="o">
              {orgLabel(a.org, locale)}
              <br />
              <span class="govuk-body-s">{t(`appeals.type.${a.type}`)}</span>
            </span>,
            formatLocalDate(a.registeredOn),
            <StatusTag key="s" status={a.status} />,
            <span key="d">
              {formatLocalDate(a.dueDate)}
              <DaysLeft appeal={a} daysLeft={daysLeft.get(a.id) ?? 0} />
            </span>,
          ])}
        />
      )}
      <Pagination
        page={page}
        total={Math.max(1, Math.ceil(total / pageSize))}
        href={(p) => `/cabinet/appeals?page=${p}`}
      />
    </>
  );
}

/** Text as typed: line breaks kept, nothing interpreted as markup. */
function Lines({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((l, i) => (
        <span key={i}>
          {l}
          {i < lines.length - 1 && <br />}
        </span>
      ))}
    </>
  );
}

function fileHref(number: string, f: AttachmentWithFile) {
  return `${statusPath(number)}/files/${f.fileId}`;
}

function FileList({ number, files }: { number: string; files: AttachmentWithFile[] }) {
  const { locale } = useView();
  return (
    <ul class="govuk-list">
      {files.map((f) => (
        <li key={f.id}>
          <a class="govuk-link" href={fileHref(number, f)}>
            {f.originalName}
          </a>{' '}
          <span class="govuk-body-s">
            ({f.ext.toUpperCase()}, {formatBytes(f.sizeBytes, locale === 'en' ? 'en' : 'ru')})
          </span>
        </li>
      ))}
    </ul>
  );
}

function EventText({ e, targets }: { e: EventWithNotice; targets: Map<string, string> }) {
  const { t } = useView();
  const target = e.targetName ?? (e.targetOrgId ? targets.get(e.targetOrgId) : undefined) ?? '—';
  const due = (e.newDueDate ?? (e.details as { dueDate?: string }).dueDate) as string | undefined;
  const main = t(`appeals.event.${e.kind}`, { target, date: due ? formatLocalDate(due) : '—' });
  const reason = e.reasonCode ? t(`appeals.reason.${e.reasonCode}`) : e.reason;
  return (
    <>
      {main}
      {reason && (
        <>
          <br />
          <span class="govuk-body-s">{t('appeals.event.reason', { reason })}</span>
        </>
      )}
      {e.outboxId && (
        <>
          <br />
          <span class="govuk-body-s">
            {t(e.noticeSentAt ? 'appeals.event.noticeSent' : 'appeals.event.noticePending')}
          </span>
        </>
      )}
    </>
  );
}

function ReceiptLink({ number }: { number: string }) {
  const { t } = useView();
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={`${statusPath(number)}/receipt.pdf`} download>
        {t('appeals.confirm.receipt')}
      </a>
    </p>
  );
}

/**
 * Right after sending: one thing about the notice (sent, or on its way while
 * the mail server has not taken it), what she gave, what happens next and by
 * which date, and the receipt as PDF.
 */
function Confirmation({ data }: { data: OwnAppeal }) {
  const { t, locale } = useView();
  const { appeal: a, org } = data;
  return (
    <>
      {a.email && (
        <p class="govuk-body" id="notice">
          {t(data.noticePending ? 'appeals.confirm.noticeQueued' : 'appeals.confirm.noticeSent', {
            email: a.email,
          })}
        </p>
      )}
      <ReceiptLink number={a.number} />
      <h2 class="govuk-heading-m">{t('appeals.confirm.given')}</h2>
      <SummaryList
        rows={[
          { key: t('appeals.cabinet.addressee'), value: orgLabel(org, locale) },
          ...(a.postalAddress ? [{ key: t('appeals.check.postalAddress'), value: a.postalAddress }] : []),
          ...(a.email ? [{ key: t('appeals.field.email'), value: a.email }] : []),
        ]}
      />
      <h2 class="govuk-heading-m">{t('appeals.confirm.next')}</h2>
      <ul class="govuk-list govuk-list--bullet" id="next-steps">
        <li>
          {t('appeals.confirm.next.answer', {
            org: orgLabel(org, locale),
            date: formatLocalDate(a.dueDate),
            email: a.email ?? '—',
          })}
          {a.postalAddress && <> {t('appeals.confirm.next.post')}</>}
        </li>
        {a.forwardDueDate && (
          <li>{t('appeals.confirm.next.forward', { date: formatLocalDate(a.forwardDueDate) })}</li>
        )}
        <li>{t('appeals.confirm.next.track')}</li>
      </ul>
    </>
  );
}

/** /cabinet/appeals/<number>: the details, the history of events, the answer with its files, the rating. */
export function CabinetAppealView({
  data,
  daysLeft,
  justRegistered,
  targets,
  ratingValues,
  ratingErrors,
}: {
  data: OwnAppeal;
  daysLeft: number;
  justRegistered: boolean;
  targets: Map<string, string>;
  ratingValues: Record<string, string>;
  ratingErrors: FieldError[];
}) {
  const { t, locale } = useView();
  const { appeal: a, org } = data;
  const own = data.attachments.filter((f) => f.answerId === null);
  const canRate = (a.status === 'sent' || a.status === 'closed') && !data.rating;
  return (
    <>
      <ErrorSummary errors={ratingErrors} />
      {justRegistered ? (
        <Panel title={t('appeals.registered.title')}>
          {t('appeals.registered.number')}
          <br />
          <strong>{a.number}</strong>
        </Panel>
      ) : (
        <h1 class="govuk-heading-l">{t('appeals.view.title', { number: a.number })}</h1>
      )}
      {justRegistered ? (
        <Confirmation data={data} />
      ) : (
        data.noticePending && <InsetText id="notice-pending">{t('appeals.view.noticePending')}</InsetText>
      )}
      <h2 class="govuk-heading-m">{t('appeals.view.details')}</h2>
      <SummaryList
        rows={[
          { key: t('appeals.registered.number'), value: a.number },
          { key: t('appeals.cabinet.type'), value: t(`appeals.type.${a.type}`) },
          ...(a.kind ? [{ key: t('appeals.view.kind'), value: t(`appeals.kind.${a.kind}`) }] : []),
          // concept task 6.5: what she complained of and, once answered, the body's finding
          ...(a.obstructionKind
            ? [
                {
                  key: t('appeals.check.obstruction'),
                  value: (
                    <span id="obstruction">
                      {t(`appeals.obstructionKind.${a.obstructionKind}`)}
                      {a.obstructionFinding &&
                        `. ${t('appeals.staff.obstruction.result')}: ${t(`appeals.obstructionFinding.${a.obstructionFinding}`)}`}
                    </span>
                  ),
                },
              ]
            : []),
          { key: t('appeals.cabinet.addressee'), value: orgLabel(org, locale) },
          ...(a.officialName ? [{ key: t('appeals.view.official'), value: a.officialName }] : []),
          { key: t('appeals.cabinet.registered'), value: formatLocalDate(a.registeredOn) },
          { key: t('appeals.cabinet.status'), value: <StatusTag status={a.status} /> },
          ...(a.status === 'forwarded'
            ? [
                {
                  key: t('appeals.cabinet.status'),
                  value: t('appeals.view.forwardedTo', {
                    name: a.forwardedToName ?? orgLabel(data.forwardedTo, locale),
                  }),
                },
              ]
            : []),
          {
            key: t('appeals.cabinet.due'),
            value: (
              <>
                {formatLocalDate(a.dueDate)}
                <DaysLeft appeal={a} daysLeft={daysLeft} />
              </>
            ),
          },
          ...(a.collective
            ? [
                {
                  key: t('appeals.view.collective'),
                  value: data.cosigners
                    .map((c) => [c.lastName, c.firstName, c.patronymic].filter(Boolean).join(' '))
                    .join(', '),
                },
              ]
            : []),
          ...(a.subject ? [{ key: t('appeals.view.subject'), value: a.subject }] : []),
          ...(typeof (a.details as { place?: unknown }).place === 'string'
            ? [{ key: t('appeals.view.place'), value: (a.details as { place: string }).place }]
            : []),
          { key: t('appeals.view.text'), value: <Lines text={a.text} /> },
          ...(own.length
            ? [{ key: t('appeals.view.attachments'), value: <FileList number={a.number} files={own} /> }]
            : []),
        ]}
      />
      {!justRegistered && <ReceiptLink number={a.number} />}
      <CabinetActions data={data} />
      {a.publicationConsentAt && (
        <section aria-labelledby="consent">
          <h2 class="govuk-heading-m" id="consent">
            {t('appeals.consent.title')}
          </h2>
          <p class="govuk-body">
            {t('appeals.consent.given', { date: formatDateTime(a.publicationConsentAt, locale) })}
          </p>
          <Form action={`${statusPath(a.number)}/consent/withdraw`}>
            <Button variant="warning">{t('appeals.consent.withdraw')}</Button>
          </Form>
        </section>
      )}
      <h2 class="govuk-heading-m">{t('appeals.view.history')}</h2>
      <Table
        label={t('appeals.view.history')}
        head={[{ text: t('appeals.view.when') }, { text: t('appeals.view.what') }]}
        rows={data.events.map((e) => [
          formatDateTime(e.at, locale),
          <EventText key="e" e={e} targets={targets} />,
        ])}
      />
      {data.answers.map((ans) => (
        <section key={ans.id} aria-labelledby={`answer-${ans.id}`}>
          <h2 class="govuk-heading-m" id={`answer-${ans.id}`}>
            {t('appeals.view.answer')}
          </h2>
          <div class="govuk-body">
            <Lines text={ans.text} />
          </div>
          {ans.signedName && (
            <p class="govuk-body-s">
              {t('appeals.view.answerSigned', {
                name: [ans.signedName, ans.signedPosition].filter(Boolean).join(', '),
              })}
            </p>
          )}
          {ans.sentAt && (
            <p class="govuk-body-s">
              {t('appeals.view.answerSent', { date: formatDateTime(ans.sentAt, locale) })}
            </p>
          )}
          {data.attachments.some((f) => f.answerId === ans.id) && (
            <>
              <h3 class="govuk-heading-s">{t('appeals.view.answerAttachments')}</h3>
              <FileList number={a.number} files={data.attachments.filter((f) => f.answerId === ans.id)} />
            </>
          )}
        </section>
      ))}
      {data.rating && (
        <p class="govuk-body" id="rating-given">
          {data.rating.satisfied
            ? t('appeals.rating.given.yes')
            : t('appeals.rating.given.no', {
                reason: data.rating.reasonCode ? t(`appeals.rating.reason.${data.rating.reasonCode}`) : '—',
              })}
        </p>
      )}
      {canRate && (
        <>
          <h2 class="govuk-heading-m">{t('appeals.rating.title')}</h2>
          <Form action={`${statusPath(a.number)}/rating`}>
            <Radios
              name="satisfied"
              legend={t('appeals.rating.satisfied')}
              legendSize="s"
              inline
              value={ratingValues.satisfied}
              errors={ratingErrors}
              items={[
                { value: 'yes', text: t('appeals.rating.yes') },
                { value: 'no', text: t('appeals.rating.no') },
              ]}
            />
            <Radios
              name="reasonCode"
              legend={t('appeals.rating.reasonCode')}
              legendSize="s"
              value={ratingValues.reasonCode}
              errors={ratingErrors}
              items={(['not_on_merits', 'unclear', 'late', 'formal', 'other'] as const).map((r) => ({
                value: r,
                text: t(`appeals.rating.reason.${r}`),
              }))}
            />
            <Textarea
              name="reason"
              label={t('appeals.rating.reason')}
              value={ratingValues.reason}
              errors={ratingErrors}
              rows={3}
            />
            <Button>{t('appeals.rating.submit')}</Button>
          </Form>
        </>
      )}
    </>
  );
}
