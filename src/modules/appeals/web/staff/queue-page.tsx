import { formatLocalDate } from '../../../../platform/calendar/format.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Form,
  Pagination,
  Select,
  SummaryList,
  Table,
  Tag,
  type TagColour,
  TextInput,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import type { OrgRow } from '../../../orgs/index.ts';
import type { QueueItem } from '../../list-appeal-queue.ts';

export const QUEUE_STATUSES = [
  'open',
  'registered',
  'in_review',
  'extended',
  'sent',
  'forwarded',
  'left_without_answer',
  'returned',
  'closed',
] as const;

export function statusTag(status: string, t: (k: string) => string) {
  const colour: TagColour =
    status === 'registered'
      ? 'blue'
      : status === 'in_review'
        ? 'teal'
        : status === 'extended'
          ? 'orange'
          : status === 'left_without_answer' || status === 'returned'
            ? 'grey'
            : status === 'forwarded'
              ? 'purple'
              : 'green';
  return <Tag colour={colour}>{t(`appeals.staff.status.${status}`)}</Tag>;
}

/** «осталось 3 раб. дн.» / «просрочено на 2 раб. дн.» / «срок сегодня». */
export function DaysLeft({ days, open, provisional }: { days: number; open: boolean; provisional: boolean }) {
  const { t } = useView();
  if (!open) return <>—</>;
  return (
    <>
      {days > 0 ? (
        t('appeals.staff.daysLeft', { n: days })
      ) : days === 0 ? (
        <strong class="govuk-tag govuk-tag--orange">{t('appeals.staff.dueToday')}</strong>
      ) : (
        <strong class="govuk-tag govuk-tag--red">{t('appeals.staff.overdueBy', { n: -days })}</strong>
      )}
      {provisional && (
        <span class="govuk-body-s govuk-!-display-block">{t('appeals.staff.provisional')}</span>
      )}
    </>
  );
}

export type QueueProps = {
  values: Record<string, string>;
  errors: FieldError[];
  items: QueueItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: { byStatus: Record<string, number>; overdue: number };
  orgs: OrgRow[];
  href: (n: number) => string;
  canReport: boolean;
};

const OPEN = ['registered', 'in_review', 'extended', 'answer_signed'];

/** /manage/appeals: the filter form (GET), the counts and the page of appeals. */
export function QueuePage(p: QueueProps) {
  const { t, locale } = useView();
  const orgName = new Map(p.orgs.map((o) => [o.id, locale === 'en' && o.nameEn ? o.nameEn : o.nameRu]));
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const openCount = OPEN.reduce((s, k) => s + (p.counts.byStatus[k] ?? 0), 0);
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1 class="govuk-heading-l">{t('appeals.staff.queue.title')}</h1>
      {p.canReport && (
        <p class="govuk-body">
          <a class="govuk-link" href="/manage/appeals/report">
            {t('appeals.staff.report.title')}
          </a>
        </p>
      )}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">{t('appeals.staff.filter.title')}</h2>
          <Form action="/manage/appeals" method="get">
            <Select
              name="status"
              label={t('appeals.staff.filter.status')}
              value={p.values.status ?? ''}
              errors={p.errors}
              items={[
                { value: '', text: t('appeals.staff.filter.any') },
                ...QUEUE_STATUSES.map((s) => ({ value: s, text: t(`appeals.staff.status.${s}`) })),
              ]}
            />
            <Select
              name="org"
              label={t('appeals.staff.filter.org')}
              value={p.values.org ?? ''}
              errors={p.errors}
              items={[
                { value: '', text: t('appeals.staff.filter.any') },
                ...p.orgs.map((o) => ({ value: o.id, text: orgName.get(o.id) ?? o.nameRu })),
              ]}
            />
            <Select
              name="officer"
              label={t('appeals.staff.filter.officer')}
              value={p.values.officer ?? ''}
              errors={p.errors}
              items={[
                { value: '', text: t('appeals.staff.filter.any') },
                { value: 'me', text: t('appeals.staff.filter.me') },
                { value: 'none', text: t('appeals.staff.filter.unassigned') },
              ]}
            />
            <TextInput
              name="topic"
              label={t('appeals.staff.filter.topic')}
              hint={t('appeals.staff.filter.topicHint')}
              value={p.values.topic}
              errors={p.errors}
              spellcheck={false}
              inputmode="decimal"
            />
            <TextInput
              name="due"
              label={t('appeals.staff.filter.due')}
              value={p.values.due}
              errors={p.errors}
              width="3"
              inputmode="numeric"
            />
            <Checkboxes
              name="overdue"
              small
              items={[{ value: '1', text: t('appeals.staff.filter.overdue') }]}
              values={p.values.overdue ? ['1'] : []}
              errors={p.errors}
            />
            <Button variant="secondary">{t('appeals.staff.filter.apply')}</Button>
          </Form>
        </div>
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m">{t('appeals.staff.counts.title')}</h2>
          <SummaryList
            rows={[
              { key: t('appeals.staff.counts.found'), value: String(p.total) },
              { key: t('appeals.staff.counts.open'), value: String(openCount) },
              { key: t('appeals.staff.counts.overdue'), value: String(p.counts.overdue) },
              ...QUEUE_STATUSES.filter((s) => s !== 'open' && (p.counts.byStatus[s] ?? 0) > 0).map((s) => ({
                key: t(`appeals.staff.status.${s}`),
                value: String(p.counts.byStatus[s] ?? 0),
              })),
            ]}
          />
        </div>
      </div>
      {p.items.length === 0 ? (
        <p class="govuk-body">{t('appeals.staff.queue.empty')}</p>
      ) : (
        <Table
          caption={t('appeals.staff.queue.caption', { from: (p.page - 1) * p.pageSize + 1, total: p.total })}
          captionSize="s"
          head={[
            { text: t('appeals.staff.col.number') },
            { text: t('appeals.staff.col.org') },
            { text: t('appeals.staff.col.registered') },
            { text: t('appeals.staff.col.due') },
            { text: t('appeals.staff.col.left') },
            { text: t('appeals.staff.col.status') },
          ]}
          rows={p.items.map((a) => [
            <>
              <a class="govuk-link" href={`/manage/appeals/${a.id}`}>
                {a.number}
              </a>
              <span class="govuk-body-s govuk-!-display-block">{t(`appeals.staff.type.${a.type}`)}</span>
            </>,
            orgName.get(a.orgId) ?? '',
            formatLocalDate(a.registeredOn),
            formatLocalDate(a.dueDate),
            <DaysLeft
              key="d"
              days={a.workingDaysLeft}
              open={OPEN.includes(a.status)}
              provisional={a.provisional}
            />,
            <>
              {statusTag(a.status, t)}
              {!a.assignedUserId && OPEN.includes(a.status) && (
                <span class="govuk-body-s govuk-!-display-block">{t('appeals.staff.filter.unassigned')}</span>
              )}
            </>,
          ])}
        />
      )}
      <Pagination page={p.page} total={pages} href={p.href} />
    </>
  );
}
