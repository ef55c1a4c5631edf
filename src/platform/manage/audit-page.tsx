import { formatDateTime } from '../calendar/format.ts';
import type { FieldError } from '../errors/index.ts';
import { Button, ButtonGroup, ErrorSummary, Form, Pagination, Table } from '../ui/components.tsx';
import { useView } from '../ui/context.ts';
import { DateInput, fieldError, Select, TextInput } from '../ui/fields.tsx';
import type { AuditRow } from './list-audit-entries.ts';

export type AuditPageProps = {
  values: Record<string, string>;
  errors: FieldError[];
  rows: AuditRow[];
  page: number;
  more: boolean;
  pageSize: number;
  orgs: { id: string; nameRu: string; nameEn: string | null }[];
  href: (page: number) => string;
};

/** A recorded value as text: strings as they are, anything else as JSON. */
function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <ul class="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
      {entries.map(([k, v]) => (
        <li key={k}>
          <span class="govuk-!-font-weight-bold">{k}</span>: {show(v)}
        </li>
      ))}
    </ul>
  );
}

function Actor({ row }: { row: AuditRow }) {
  const { t } = useView();
  if (!row.actorUserId) return <span class="govuk-hint govuk-!-margin-0">{t('manage.audit.noActor')}</span>;
  return (
    <>
      <a class="govuk-link" href={`/manage/users/${row.actorUserId}`}>
        {row.actorName ?? row.actorUserId}
      </a>
      {row.actorEmail && (
        <>
          <br />
          <span class="govuk-!-font-size-16">{row.actorEmail}</span>
        </>
      )}
    </>
  );
}

/** /manage/audit: filters (GET, so a filtered view is a link to share) and the entries, newest first. */
export function AuditPage(p: AuditPageProps) {
  const { t, locale } = useView();
  const v = p.values;
  const dateError = (name: 'from' | 'to') => fieldError(p.errors, `${name}-day`);
  const first = (p.page - 1) * p.pageSize + 1;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1 class="govuk-heading-l">{t('manage.audit.title')}</h1>
      <p class="govuk-body">{t('manage.audit.lead')}</p>
      <Form action="/manage/audit" method="get">
        <h2 class="govuk-heading-m">{t('manage.filters.title')}</h2>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <TextInput
              name="actor"
              label={t('manage.audit.actor')}
              hint={t('manage.audit.actor.hint')}
              value={v.actor}
              errors={p.errors}
              spellcheck={false}
            />
            <TextInput
              name="action"
              label={t('manage.audit.action')}
              hint={t('manage.audit.action.hint')}
              value={v.action}
              errors={p.errors}
              spellcheck={false}
            />
            <Select
              name="org"
              label={t('manage.audit.org')}
              value={v.org ?? ''}
              errors={p.errors}
              classes="govuk-!-width-full"
              items={[
                { value: '', text: t('manage.audit.org.any') },
                ...p.orgs.map((o) => ({
                  value: o.id,
                  text: locale === 'en' && o.nameEn ? o.nameEn : o.nameRu,
                })),
              ]}
            />
          </div>
          <div class="govuk-grid-column-one-half">
            <TextInput
              name="objectType"
              label={t('manage.audit.objectType')}
              hint={t('manage.audit.objectType.hint')}
              value={v.objectType}
              errors={p.errors}
              spellcheck={false}
            />
            <TextInput
              name="objectId"
              label={t('manage.audit.objectId')}
              value={v.objectId}
              errors={p.errors}
              spellcheck={false}
            />
          </div>
        </div>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <DateInput
              name="from"
              legend={t('manage.audit.from')}
              legendSize="s"
              hint={t('manage.audit.date.hint')}
              error={dateError('from')}
              values={{ day: v['from-day'], month: v['from-month'], year: v['from-year'] }}
            />
          </div>
          <div class="govuk-grid-column-one-half">
            <DateInput
              name="to"
              legend={t('manage.audit.to')}
              legendSize="s"
              hint={t('manage.audit.date.hint')}
              error={dateError('to')}
              values={{ day: v['to-day'], month: v['to-month'], year: v['to-year'] }}
            />
          </div>
        </div>
        <ButtonGroup>
          <Button>{t('manage.filters.apply')}</Button>
          <a class="govuk-link" href="/manage/audit">
            {t('manage.filters.reset')}
          </a>
        </ButtonGroup>
      </Form>
      {p.rows.length === 0 ? (
        <p class="govuk-body" id="results">
          {t('manage.nothing')}
        </p>
      ) : (
        <Table
          caption={t('manage.shown', { from: first, to: first + p.rows.length - 1 })}
          captionSize="s"
          head={[
            { text: t('manage.audit.col.at') },
            { text: t('manage.audit.col.actor') },
            { text: t('manage.audit.col.ip') },
            { text: t('manage.audit.col.action') },
            { text: t('manage.audit.col.object') },
            { text: t('manage.audit.col.org') },
            { text: t('manage.audit.col.details') },
          ]}
          rows={p.rows.map((r) => [
            <time key="at" dateTime={r.at.toISOString()}>
              {formatDateTime(r.at, locale, { seconds: true })}
            </time>,
            <Actor key="actor" row={r} />,
            r.actorIp ?? '',
            <code key="action">{r.action}</code>,
            <>
              {r.objectType}
              {r.objectId && (
                <>
                  <br />
                  <span class="govuk-!-font-size-16">{r.objectId}</span>
                </>
              )}
            </>,
            r.orgId ? ((locale === 'en' && r.orgNameEn ? r.orgNameEn : r.orgName) ?? r.orgId) : '',
            <Details key="details" details={r.details} />,
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
