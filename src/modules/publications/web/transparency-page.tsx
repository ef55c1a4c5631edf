import { formatDateTime } from '../../../platform/calendar/format.ts';
import { Pagination, Table } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';

export type LogLine = {
  seq: number;
  publicationId: string;
  version: number;
  action: string;
  at: Date;
  hash: string;
  title: string | null;
  url: string | null;
};

/** `/transparency`: the publication log, newest first, and the head of its hash chain. */
export function TransparencyView({
  lines,
  head,
  count,
  page,
  pages,
}: {
  lines: LogLine[];
  head: string | null;
  count: number;
  page: number;
  pages: number;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('transparency.title')}</h1>
      <p class="govuk-body-l">{t('transparency.lead')}</p>
      <p class="govuk-body">{t('transparency.count', { n: count })}</p>
      {head && (
        <p class="govuk-body">
          {t('transparency.head')}: <code class="app-hash">{head}</code>
        </p>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/api/v1/transparency/verify">
          {t('transparency.verify')}
        </a>
      </p>
      {lines.length === 0 ? (
        <p class="govuk-body">{t('transparency.empty')}</p>
      ) : (
        <Table
          head={[
            { text: t('transparency.seq'), numeric: true },
            { text: t('transparency.at') },
            { text: t('transparency.action') },
            { text: t('transparency.item') },
            { text: t('transparency.hash') },
          ]}
          rows={lines.map((l) => [
            { content: String(l.seq), numeric: true },
            formatDateTime(l.at, locale, { seconds: true }),
            l.action === 'publish'
              ? t('transparency.action.publish')
              : t('transparency.action.change', { n: l.version }),
            l.url ? (
              <a key="a" class="govuk-link" href={l.url}>
                {l.title}
              </a>
            ) : (
              (l.title ?? l.publicationId)
            ),
            <code key="h" class="app-hash" title={l.hash}>
              {l.hash.slice(0, 16)}…
            </code>,
          ])}
        />
      )}
      <Pagination page={page} total={pages} href={(n) => `/transparency?page=${n}`} />
    </>
  );
}
