import { formatLocalDate } from '../../../../platform/calendar/format.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import {
  Button,
  Checkboxes,
  Details,
  ErrorSummary,
  Form,
  Pagination,
  Select,
  SummaryList,
  Tag,
  type TagColour,
  TextInput,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import { ErrorMessage, fieldError } from '../../../../platform/ui/fields.tsx';
import type { OrgRow } from '../../../orgs/index.ts';
import type { QueueSort } from '../../appeals.repository.ts';
import type { QueueItem, QueueOfficer } from '../../list-appeal-queue.ts';

export const QUEUE_STATUSES = [
  'open',
  'all',
  'registered',
  'in_review',
  'extended',
  'awaiting_signature',
  'sent',
  'forwarded',
  'left_without_answer',
  'returned',
  'withdrawn',
  'closed',
] as const;

export function statusTag(status: string, t: (k: string) => string) {
  const colour: TagColour =
    status === 'registered'
      ? 'blue'
      : status === 'in_review'
        ? 'teal'
        : status === 'awaiting_signature'
          ? 'yellow'
          : status === 'extended'
            ? 'orange'
            : status === 'left_without_answer' || status === 'returned' || status === 'withdrawn'
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
  /** the filter and sort values of the address */
  values: Record<string, string>;
  errors: FieldError[];
  /** the bulk assignment form's state */
  bulk: { values: Record<string, string>; errors: FieldError[] };
  items: QueueItem[];
  total: number;
  page: number;
  pageSize: number;
  sort: QueueSort;
  counts: { byStatus: Record<string, number>; overdue: number };
  orgs: OrgRow[];
  officers: QueueOfficer[];
  href: (n: number) => string;
  canReport: boolean;
};

const OPEN = ['registered', 'in_review', 'extended', 'awaiting_signature', 'answer_signed'];
const FILTERS = ['status', 'org', 'officer', 'topic', 'due', 'overdue', 'obstruction'];

/** The query of the current view with other values (the page starts again at 1). */
export function queueQuery(values: Record<string, string>, patch: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...patch }))
    if (v && k !== 'page' && k !== 'lang' && k !== 'notice') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A column header that sorts by GET: a link, the current order said in words and in aria-sort. */
function SortHeader(p: {
  label: string;
  k: QueueSort['key'];
  sort: QueueSort;
  values: Record<string, string>;
}) {
  const { t } = useView();
  const current = p.sort.key === p.k;
  const next = current && p.sort.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th
      scope="col"
      class="govuk-table__header"
      aria-sort={current ? (p.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <a
        class="govuk-link app-sort-link"
        href={`/manage/appeals${queueQuery(p.values, { sort: p.k, dir: next })}`}
      >
        {p.label}
        {current && <span aria-hidden="true">{p.sort.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        <span class="govuk-visually-hidden">
          {' '}
          ({t(current ? `appeals.staff.sort.${p.sort.dir}` : 'appeals.staff.sort.none')})
        </span>
      </a>
    </th>
  );
}

/**
 * /manage/appeals: the work first — the open appeals, overdue and due soonest
 * first, with subject, addressee and days left, ticked for bulk assignment;
 * then the filters (GET) and the counts, folded.
 */
export function QueuePage(p: QueueProps) {
  const { t, locale } = useView();
  const orgName = new Map(p.orgs.map((o) => [o.id, locale === 'en' && o.nameEn ? o.nameEn : o.nameRu]));
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const openCount = OPEN.reduce((s, k) => s + (p.counts.byStatus[k] ?? 0), 0);
  const picked = new Set((p.bulk.values.ids ?? '').split('\n').filter(Boolean));
  const officers = new Map<string, { name: string; orgs: string[] }>();
  for (const o of p.officers) {
    const row = officers.get(o.id) ?? { name: o.displayName, orgs: [] };
    row.orgs.push(orgName.get(o.orgId) ?? '');
    officers.set(o.id, row);
  }
  const caption = t('appeals.staff.queue.caption', { from: (p.page - 1) * p.pageSize + 1, total: p.total });
  const manyOrgs = new Set(p.officers.map((o) => o.orgId)).size > 1;
  const idsError = fieldError(p.bulk.errors, 'ids');
  const filtered = FILTERS.some((f) => f !== 'status' && p.values[f]);
  const query = queueQuery({
    ...p.values,
    sort: p.sort.key === 'due' ? '' : p.sort.key,
    dir: p.sort.dir === 'asc' ? '' : p.sort.dir,
  });
  return (
    <>
      <ErrorSummary errors={[...p.bulk.errors, ...p.errors]} />
      <h1 class="govuk-heading-l">{t('appeals.staff.queue.title')}</h1>
      <p class="govuk-body" id="queue-summary">
        {t('appeals.staff.queue.lead', { total: p.total, overdue: p.counts.overdue })}{' '}
        <a class="govuk-link" href="#filters">
          {t('appeals.staff.filter.title')}
        </a>
        {p.canReport && (
          <>
            {' · '}
            <a class="govuk-link" href="/manage/appeals/report">
              {t('appeals.staff.report.title')}
            </a>
          </>
        )}
      </p>
      {p.items.length === 0 ? (
        <p class="govuk-body">{t('appeals.staff.queue.empty')}</p>
      ) : (
        <Form action={`/manage/appeals/assign${query}`}>
          <div class="app-table-wrap" {...{ role: 'region', 'aria-label': caption, tabIndex: 0 }}>
            <table class="govuk-table app-queue">
              <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">
                    <span class="govuk-visually-hidden">{t('appeals.staff.col.pick')}</span>
                  </th>
                  <SortHeader
                    label={t('appeals.staff.col.number')}
                    k="number"
                    sort={p.sort}
                    values={p.values}
                  />
                  <th scope="col" class="govuk-table__header">
                    {t('appeals.staff.col.subject')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {t('appeals.staff.col.addressee')}
                  </th>
                  <SortHeader label={t('appeals.staff.col.due')} k="due" sort={p.sort} values={p.values} />
                  <th scope="col" class="govuk-table__header">
                    {t('appeals.staff.col.left')}
                  </th>
                  <SortHeader
                    label={t('appeals.staff.col.status')}
                    k="status"
                    sort={p.sort}
                    values={p.values}
                  />
                  <SortHeader
                    label={t('appeals.staff.col.registered')}
                    k="registered"
                    sort={p.sort}
                    values={p.values}
                  />
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {p.items.map((a, i) => (
                  <tr class="govuk-table__row" key={a.id}>
                    <td class="govuk-table__cell">
                      <div class="govuk-checkboxes govuk-checkboxes--small">
                        <div class="govuk-checkboxes__item">
                          <input
                            class="govuk-checkboxes__input"
                            id={i === 0 ? 'ids' : `ids-${a.id}`}
                            name="ids"
                            type="checkbox"
                            value={a.id}
                            checked={picked.has(a.id)}
                            disabled={!OPEN.includes(a.status) || a.status === 'answer_signed'}
                            aria-describedby={idsError ? 'ids-error' : undefined}
                          />
                          <label
                            class="govuk-label govuk-checkboxes__label"
                            for={i === 0 ? 'ids' : `ids-${a.id}`}
                          >
                            <span class="govuk-visually-hidden">
                              {t('appeals.staff.bulk.pick', { number: a.number })}
                            </span>
                          </label>
                        </div>
                      </div>
                    </td>
                    <td class="govuk-table__cell">
                      <a class="govuk-link" href={`/manage/appeals/${a.id}`}>
                        {a.number}
                      </a>
                      <span class="govuk-body-s govuk-!-display-block">
                        {t(`appeals.staff.type.${a.type}`)}
                      </span>
                      {a.obstructionKind && (
                        <strong class="govuk-tag govuk-tag--pink" title={t('appeals.staff.obstruction')}>
                          {t('appeals.staff.obstruction.tag')}
                        </strong>
                      )}
                    </td>
                    <td class="govuk-table__cell app-queue__subject">{a.excerpt}</td>
                    <td class="govuk-table__cell">
                      {orgName.get(a.orgId) ?? ''}
                      {a.officialName && (
                        <span class="govuk-body-s govuk-!-display-block">{a.officialName}</span>
                      )}
                    </td>
                    <td class="govuk-table__cell">{formatLocalDate(a.dueDate)}</td>
                    <td class="govuk-table__cell">
                      <DaysLeft
                        days={a.workingDaysLeft}
                        open={OPEN.includes(a.status)}
                        provisional={a.provisional}
                      />
                    </td>
                    <td class="govuk-table__cell">
                      {statusTag(a.status, t)}
                      {!a.assignedUserId && OPEN.includes(a.status) && (
                        <span class="govuk-body-s govuk-!-display-block">
                          {t('appeals.staff.filter.unassigned')}
                        </span>
                      )}
                    </td>
                    <td class="govuk-table__cell">{formatLocalDate(a.registeredOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {idsError && <ErrorMessage id="ids-error" message={idsError} />}
          <h2 class="govuk-heading-s">{t('appeals.staff.bulk.title')}</h2>
          <Select
            name="userId"
            label={t('appeals.staff.bulk.officer')}
            value={p.bulk.values.userId ?? ''}
            errors={p.bulk.errors}
            items={[
              { value: '', text: t('appeals.staff.bulk.choose') },
              ...[...officers].map(([id, o]) => ({
                value: id,
                text: manyOrgs ? `${o.name} (${o.orgs.join(', ')})` : o.name,
              })),
            ]}
          />
          <Button variant="secondary">{t('appeals.staff.bulk.submit')}</Button>
        </Form>
      )}
      <Pagination page={p.page} total={pages} href={p.href} />
      <Details id="filters" summary={t('appeals.staff.filter.title')} open={p.errors.length > 0 || filtered}>
        <Form action="/manage/appeals" method="get">
          {p.sort.key !== 'due' && <input type="hidden" name="sort" value={p.sort.key} />}
          {p.sort.dir !== 'asc' && <input type="hidden" name="dir" value={p.sort.dir} />}
          <Select
            name="status"
            label={t('appeals.staff.filter.status')}
            value={p.values.status ?? 'open'}
            errors={p.errors}
            items={QUEUE_STATUSES.map((s) => ({ value: s, text: t(`appeals.staff.status.${s}`) }))}
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
          <Checkboxes
            name="obstruction"
            small
            items={[{ value: '1', text: t('appeals.staff.filter.obstruction') }]}
            values={p.values.obstruction ? ['1'] : []}
            errors={p.errors}
          />
          <Button variant="secondary">{t('appeals.staff.filter.apply')}</Button>
        </Form>
        <h2 class="govuk-heading-s">{t('appeals.staff.counts.title')}</h2>
        <SummaryList
          rows={[
            { key: t('appeals.staff.counts.found'), value: String(p.total) },
            { key: t('appeals.staff.status.open'), value: String(openCount) },
            { key: t('appeals.staff.counts.overdue'), value: String(p.counts.overdue) },
            ...QUEUE_STATUSES.filter(
              (s) => s !== 'open' && s !== 'all' && (p.counts.byStatus[s] ?? 0) > 0,
            ).map((s) => ({
              key: t(`appeals.staff.status.${s}`),
              value: String(p.counts.byStatus[s] ?? 0),
            })),
          ]}
        />
      </Details>
    </>
  );
}
